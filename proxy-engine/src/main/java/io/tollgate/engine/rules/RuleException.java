package io.tollgate.engine.rules;

/** A rule that cannot be compiled; the message says what is wrong, in HAProxy's words where it has them. */
public final class RuleException extends Exception {
    public RuleException(String message) {
        super(message);
    }
}
