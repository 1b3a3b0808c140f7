package io.tollgate.engine.tls;

/**
 * A certificate, key or CA file, or a TLS setting, cannot be used. The message is HAProxy's for
 * the same problem (for example {@code unable to stat SSL certificate from file 'x.pem' : No
 * such file or directory.}); the caller adds where it was configured.
 */
public final class TlsException extends Exception {
    private static final long serialVersionUID = 1L;

    public TlsException(String message) {
        super(message, null, false, false);
    }
}
