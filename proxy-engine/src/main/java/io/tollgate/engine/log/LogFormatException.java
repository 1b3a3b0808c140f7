package io.tollgate.engine.log;

/** A log-format string that cannot be compiled; the message is HAProxy's, after "failed to parse log-format : ". */
public final class LogFormatException extends Exception {
    public LogFormatException(String message) {
        super(message);
    }
}
