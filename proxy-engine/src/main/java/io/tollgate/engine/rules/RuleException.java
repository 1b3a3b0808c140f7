package io.tollgate.engine.rules;

/** A rule that cannot be compiled; the message says what is wrong, in HAProxy's words where it has them. */
public final class RuleException extends Exception {
    private final boolean complete;

    public RuleException(String message) {
        this(message, false);
    }

    private RuleException(String message, boolean complete) {
        super(message);
        this.complete = complete;
    }

    /** A message that already names the proxy and the rule, as HAProxy words reply errors. */
    static RuleException complete(String message) {
        return new RuleException(message, true);
    }

    /** True when the message needs no "error detected in ... while parsing ..." in front. */
    public boolean isComplete() {
        return complete;
    }
}
