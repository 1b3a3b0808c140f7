package io.tollgate.engine.http;

/**
 * A reply, error page or {@code http-errors} line cannot be built. The message is HAProxy's own
 * wording for the same mistake, without the {@code parsing [file:line] : } prefix: whoever reads
 * the configuration adds where, so these classes never need to know it.
 */
public final class ReplyException extends Exception {
    private static final long serialVersionUID = 1L;

    public ReplyException(String message) {
        // No stack trace: a bad configuration is an expected outcome, not a bug.
        super(message, null, false, false);
    }
}
