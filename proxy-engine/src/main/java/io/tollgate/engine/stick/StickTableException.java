package io.tollgate.engine.stick;

/**
 * A {@code stick-table} line is wrong. The message is HAProxy 2.6's, without the
 * {@code parsing [file:line] : } prefix, which whoever reads the file adds.
 */
public final class StickTableException extends Exception {
    private static final long serialVersionUID = 1L;

    StickTableException(String message) {
        // No stack trace: a bad line is an expected outcome of parsing, not a bug.
        super(message, null, false, false);
    }
}
