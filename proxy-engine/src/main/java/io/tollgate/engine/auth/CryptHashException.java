package io.tollgate.engine.auth;

/**
 * A {@code password} value Tollgate cannot verify: a crypt(3) scheme it does not implement, or a
 * hash of a known scheme that no crypt(3) could have produced. The message names the scheme and
 * what is wrong, but never repeats the hash, so it can go to a log or a {@code -c} report as is.
 */
public final class CryptHashException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public CryptHashException(String message) {
        super(message);
    }
}
