package io.tollgate.engine.auth;

import java.nio.charset.StandardCharsets;

/**
 * A {@code userlist} {@code password} value, a crypt(3) hash, parsed once so that checking a
 * password only hashes it. Tollgate implements the three schemes glibc's crypt(3) gives HAProxy on
 * every Linux: {@code $1$} (MD5-crypt), {@code $5$} (SHA-256-crypt) and {@code $6$}
 * (SHA-512-crypt), in pure Java. Other schemes (yescrypt, bcrypt, traditional DES...) are refused
 * by {@link #parse} with a message that names them, so a configuration check reports them instead
 * of a user never logging in.
 *
 * <p>Instances are immutable and thread-safe. {@link #matches} costs {@link #rounds()} digest
 * computations (1 to 2 ms of CPU for a default {@code $6$}), so callers on an event loop
 * remember successes ({@link Userlist} does).
 */
public interface CryptHash {

    /**
     * The scheme's prefix and name, for messages: {@code "$6$ (SHA-512)"}.
     */
    String scheme();

    /** How many times {@link #matches} runs the digest's inner loop: the hash's cost. */
    int rounds();

    /**
     * Whether {@code password} (the raw bytes, as crypt(3) hashes them) gives this hash. The final
     * comparison takes the same time wherever the first difference is.
     */
    boolean matches(byte[] password);

    /** {@link #matches(byte[])} of the password's UTF-8 bytes. */
    default boolean matches(String password) {
        return matches(password.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Parses a stored hash such as {@code $6$rounds=10000$salt$hash}.
     *
     * @throws CryptHashException if the scheme is not one Tollgate verifies, or the hash is malformed
     */
    static CryptHash parse(String hash) {
        return CryptSchemes.parse(hash);
    }

    /**
     * Checks at configuration time that {@code hash} can be verified; the exception's message says
     * why not, naming the scheme ({@code unsupported password hash scheme '$y$' (yescrypt); ...}).
     *
     * @throws CryptHashException if {@link #parse} would fail
     */
    static void check(String hash) {
        parse(hash);
    }
}
