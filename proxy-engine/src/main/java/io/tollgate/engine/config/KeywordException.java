package io.tollgate.engine.config;

/**
 * A keyword's arguments are wrong. The message says what is wrong in HAProxy's words; whoever
 * catches it adds where (file and line), so parsers never repeat that.
 */
final class KeywordException extends Exception {
    private static final long serialVersionUID = 1L;

    KeywordException(String message) {
        // No stack trace: this is an expected outcome of parsing, not a bug.
        super(message, null, false, false);
    }
}
