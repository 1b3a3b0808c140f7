package io.tollgate.engine.auth;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * {@code $5$[rounds=<n>$]<salt>$<hash>} and {@code $6$...}: Ulrich Drepper's SHA-crypt
 * (https://www.akkadia.org/drepper/SHA-crypt.txt) over SHA-256 or SHA-512. The two differ only in
 * the digest and in how its bytes are laid out in the 43 or 86 output characters, so one class
 * serves both through {@link Variant}.
 *
 * <p>Rounds default to 5000. A {@code rounds=} field is written only when the hash was made with
 * one, and always in range (1000 to 999,999,999): crypt(3) clamps a requested value, so a stored
 * {@code rounds=10} could never equal what crypt(3) computes and is refused as malformed. The salt
 * is at most 16 characters; crypt(3) cuts a longer requested salt, see {@link #crypt}.
 */
final class ShaCrypt implements CryptHash {
    static final int DEFAULT_ROUNDS = 5000;
    static final int MIN_ROUNDS = 1000;
    static final int MAX_ROUNDS = 999_999_999;
    static final int MAX_SALT = 16;
    private static final String ROUNDS = "rounds=";

    /** The digest, the prefix and the scramble of digest bytes into output characters. */
    enum Variant {
        SHA256("$5$", "$5$ (SHA-256)", "SHA-256", 43, new int[] {
            0, 10, 20, 21, 1, 11, 12, 22, 2, 3, 13, 23, 24, 4, 14, 15, 25, 5, 6, 16, 26, 27, 7, 17,
            18, 28, 8, 9, 19, 29, -1, 31, 30}),
        SHA512("$6$", "$6$ (SHA-512)", "SHA-512", 86, new int[] {
            0, 21, 42, 22, 43, 1, 44, 2, 23, 3, 24, 45, 25, 46, 4, 47, 5, 26, 6, 27, 48, 28, 49, 7,
            50, 8, 29, 9, 30, 51, 31, 52, 10, 53, 11, 32, 12, 33, 54, 34, 55, 13, 56, 14, 35, 15, 36, 57,
            37, 58, 16, 59, 17, 38, 18, 39, 60, 40, 61, 19, 62, 20, 41, -1, -1, 63});

        final String prefix;
        final String scheme;
        private final String algorithm;
        final int hashChars;
        private final int[] order;

        Variant(String prefix, String scheme, String algorithm, int hashChars, int[] order) {
            this.prefix = prefix;
            this.scheme = scheme;
            this.algorithm = algorithm;
            this.hashChars = hashChars;
            this.order = order;
        }

        MessageDigest digest() {
            try {
                return MessageDigest.getInstance(algorithm);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has " + algorithm, e);
            }
        }
    }

    private final Variant variant;
    private final int rounds;
    private final byte[] salt;
    private final byte[] expected;

    private ShaCrypt(Variant variant, int rounds, byte[] salt, byte[] expected) {
        this.variant = variant;
        this.rounds = rounds;
        this.salt = salt;
        this.expected = expected;
    }

    /** Parses a stored hash; the caller has checked the prefix. */
    static ShaCrypt parse(Variant variant, String hash) {
        String rest = hash.substring(variant.prefix.length());
        int rounds = DEFAULT_ROUNDS;
        if (rest.startsWith(ROUNDS)) {
            int end = rest.indexOf('$');
            if (end < 0) {
                throw malformed(variant, "'rounds=' is not followed by '$'");
            }
            rounds = storedRounds(variant, rest.substring(ROUNDS.length(), end));
            rest = rest.substring(end + 1);
        }
        int end = rest.indexOf('$');
        if (end < 0) {
            throw malformed(variant, "there is no '$' between the salt and the hash");
        }
        String salt = rest.substring(0, end);
        String problem = CryptSchemes.saltProblem(salt, MAX_SALT);
        if (problem == null) {
            problem = CryptSchemes.hashProblem(rest.substring(end + 1), variant.hashChars);
        }
        if (problem != null) {
            throw malformed(variant, problem);
        }
        return new ShaCrypt(variant, rounds, salt.getBytes(StandardCharsets.US_ASCII),
                rest.substring(end + 1).getBytes(StandardCharsets.US_ASCII));
    }

    /** The number in a stored {@code rounds=}, written exactly as crypt(3) writes it. */
    private static int storedRounds(Variant variant, String digits) {
        if (digits.isEmpty() || digits.length() > 9 || digits.charAt(0) == '0'
                || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw malformed(variant, "'rounds=' must be followed by a number from " + MIN_ROUNDS + " to " + MAX_ROUNDS
                    + " without leading zeros");
        }
        int rounds = Integer.parseInt(digits);
        if (rounds < MIN_ROUNDS) {
            throw malformed(variant, "rounds=" + rounds + " is below the minimum " + MIN_ROUNDS
                    + " (crypt(3) would have written rounds=" + MIN_ROUNDS + ")");
        }
        return rounds;
    }

    private static CryptHashException malformed(Variant variant, String problem) {
        return CryptSchemes.malformed(variant.scheme, problem, variant.prefix + "[rounds=<" + MIN_ROUNDS + ".."
                + MAX_ROUNDS + ">$]<salt of at most " + MAX_SALT + " characters>$<" + variant.hashChars
                + " characters of ./0-9A-Za-z>");
    }

    @Override
    public String scheme() {
        return variant.scheme;
    }

    @Override
    public int rounds() {
        return rounds;
    }

    @Override
    public boolean matches(byte[] password) {
        byte[] actual = new byte[variant.hashChars];
        CryptBase64.encode(digest(variant, password, salt, rounds), variant.order, actual);
        return MessageDigest.isEqual(actual, expected);
    }

    /**
     * crypt(3) itself: the full hash string for {@code key} and a setting such as
     * {@code $6$rounds=10$roundstoolow}, with the specification's leniency: rounds are clamped to
     * their range, a salt is cut at 16 characters, and {@code rounds=} not followed by {@code $} is
     * part of the salt. It makes the specification's test vectors checkable (and hashes for tests).
     */
    static String crypt(Variant variant, byte[] key, String setting) {
        if (!setting.startsWith(variant.prefix)) {
            throw new IllegalArgumentException("a " + variant.scheme + " setting starts with " + variant.prefix);
        }
        String rest = setting.substring(variant.prefix.length());
        int rounds = DEFAULT_ROUNDS;
        boolean explicitRounds = false;
        if (rest.startsWith(ROUNDS)) {
            int i = ROUNDS.length();
            long requested = 0;
            while (i < rest.length() && rest.charAt(i) >= '0' && rest.charAt(i) <= '9') {
                requested = Math.min(requested * 10 + (rest.charAt(i++) - '0'), Integer.MAX_VALUE);
            }
            if (i < rest.length() && rest.charAt(i) == '$') {
                rounds = (int) Math.max(MIN_ROUNDS, Math.min(MAX_ROUNDS, requested));
                explicitRounds = true;
                rest = rest.substring(i + 1);
            }
        }
        int end = rest.indexOf('$');
        String salt = rest.substring(0, Math.min(end < 0 ? rest.length() : end, MAX_SALT));
        byte[] encoded = new byte[variant.hashChars];
        CryptBase64.encode(digest(variant, key, salt.getBytes(StandardCharsets.US_ASCII), rounds), variant.order,
                encoded);
        return variant.prefix + (explicitRounds ? ROUNDS + rounds + "$" : "") + salt + "$"
                + new String(encoded, StandardCharsets.US_ASCII);
    }

    /** The digest before encoding, following the numbered steps of Drepper's specification. */
    static byte[] digest(Variant variant, byte[] key, byte[] salt, int rounds) {
        MessageDigest md = variant.digest();
        int size = md.getDigestLength();

        md.update(key);
        md.update(salt);
        md.update(key);
        byte[] b = md.digest();

        md.update(key);
        md.update(salt);
        int left = key.length;
        for (; left > size; left -= size) {
            md.update(b, 0, size);
        }
        md.update(b, 0, left);
        // One input per bit of the key's length, lowest first: digest B for a 1, the key for a 0.
        for (int bits = key.length; bits > 0; bits >>>= 1) {
            md.update((bits & 1) != 0 ? b : key);
        }
        byte[] a = md.digest();

        for (int i = 0; i < key.length; i++) {
            md.update(key);
        }
        byte[] p = repeat(md.digest(), key.length);
        for (int i = 0; i < 16 + (a[0] & 0xff); i++) {
            md.update(salt);
        }
        byte[] s = repeat(md.digest(), salt.length);

        try {
            for (int r = 0; r < rounds; r++) {
                boolean odd = (r & 1) != 0;
                md.update(odd ? p : a);
                if (r % 3 != 0) {
                    md.update(s);
                }
                if (r % 7 != 0) {
                    md.update(p);
                }
                md.update(odd ? a : p);
                // update() has consumed a, so the next digest may overwrite it: no garbage per round.
                md.digest(a, 0, size);
            }
        } catch (DigestException e) {
            throw new IllegalStateException("a buffer of the digest's own length was refused", e);
        }
        return a;
    }

    /** {@code length} bytes of {@code digest} repeated: the specification's sequences P and S. */
    private static byte[] repeat(byte[] digest, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i += digest.length) {
            System.arraycopy(digest, 0, out, i, Math.min(digest.length, length - i));
        }
        return out;
    }
}
