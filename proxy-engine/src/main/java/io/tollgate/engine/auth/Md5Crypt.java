package io.tollgate.engine.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * {@code $1$<salt>$<hash>}: Poul-Henning Kamp's MD5-crypt (FreeBSD 1994, then glibc), 1000 fixed
 * rounds of MD5 over the password and a salt of at most 8 characters; the hash is 22 characters.
 * Weak by today's measure, but still what {@code openssl passwd -1} writes.
 */
final class Md5Crypt implements CryptHash {
    static final String PREFIX = "$1$";
    static final String SCHEME = "$1$ (MD5)";
    private static final int MAX_SALT = 8;
    private static final int HASH_CHARS = 22;
    private static final int ROUNDS = 1000;
    private static final byte[] MAGIC = PREFIX.getBytes(StandardCharsets.US_ASCII);
    /** Which digest bytes make each group of four output characters: the scheme's own scramble. */
    private static final int[] ORDER = {0, 6, 12, 1, 7, 13, 2, 8, 14, 3, 9, 15, 4, 10, 5, -1, -1, 11};

    private final byte[] salt;
    private final byte[] expected;

    private Md5Crypt(byte[] salt, byte[] expected) {
        this.salt = salt;
        this.expected = expected;
    }

    /** Parses {@code $1$<salt>$<hash>}; the caller has checked the prefix. */
    static Md5Crypt parse(String hash) {
        int end = hash.indexOf('$', PREFIX.length());
        if (end < 0) {
            throw malformed("there is no '$' between the salt and the hash");
        }
        String salt = hash.substring(PREFIX.length(), end);
        String problem = CryptSchemes.saltProblem(salt, MAX_SALT);
        if (problem != null) {
            throw malformed(problem);
        }
        problem = CryptSchemes.hashProblem(hash.substring(end + 1), HASH_CHARS);
        if (problem != null) {
            throw malformed(problem);
        }
        return new Md5Crypt(salt.getBytes(StandardCharsets.US_ASCII),
                hash.substring(end + 1).getBytes(StandardCharsets.US_ASCII));
    }

    private static CryptHashException malformed(String problem) {
        return CryptSchemes.malformed(SCHEME, problem,
                "$1$<salt of at most 8 characters>$<22 characters of ./0-9A-Za-z>");
    }

    @Override
    public String scheme() {
        return SCHEME;
    }

    @Override
    public int rounds() {
        return ROUNDS;
    }

    @Override
    public boolean matches(byte[] password) {
        byte[] actual = new byte[HASH_CHARS];
        CryptBase64.encode(digest(password, salt), ORDER, actual);
        return MessageDigest.isEqual(actual, expected);
    }

    /** The 16-byte result before encoding, step by step as in the original md5crypt.c. */
    static byte[] digest(byte[] password, byte[] salt) {
        MessageDigest md = md5();
        md.update(password);
        md.update(salt);
        md.update(password);
        byte[] alternate = md.digest();

        md.update(password);
        md.update(MAGIC);
        md.update(salt);
        for (int left = password.length; left > 0; left -= 16) {
            md.update(alternate, 0, Math.min(left, 16));
        }
        // One byte per bit of the length: a zero byte for a 1 bit, the password's first byte for a 0 bit.
        for (int bits = password.length; bits != 0; bits >>>= 1) {
            md.update((bits & 1) != 0 ? 0 : password[0]);
        }
        byte[] result = md.digest();

        for (int i = 0; i < ROUNDS; i++) {
            md.update((i & 1) != 0 ? password : result);
            if (i % 3 != 0) {
                md.update(salt);
            }
            if (i % 7 != 0) {
                md.update(password);
            }
            md.update((i & 1) != 0 ? result : password);
            result = md.digest();
        }
        return result;
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }
}
