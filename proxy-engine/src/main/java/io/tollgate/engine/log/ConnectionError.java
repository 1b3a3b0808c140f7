package io.tollgate.engine.log;

/**
 * Why a client connection failed before it carried a request, with HAProxy 2.6's code
 * ({@code fc_err}, its {@code CO_ER_*} number) and the words of its default error line.
 */
public enum ConnectionError {
    /** The client closed the connection cleanly in the middle of the handshake, or before it. */
    SSL_EMPTY(24, "Connection closed during SSL handshake"),
    /** The handshake did not end within {@code timeout client}. */
    SSL_TIMEOUT(26, "Timeout during SSL handshake"),
    /** Anything else the TLS layer refused: clear text, a bad record, no common protocol, a reset. */
    SSL_HANDSHAKE(34, "SSL handshake failure");

    private final int code;
    private final String message;

    ConnectionError(int code, String message) {
        this.code = code;
        this.message = message;
    }

    public int code() {
        return code;
    }

    public String message() {
        return message;
    }

    /** Whether {@code option dontlognull} hides it: the client sent nothing a log would show. */
    boolean isNull() {
        return this == SSL_EMPTY;
    }
}
