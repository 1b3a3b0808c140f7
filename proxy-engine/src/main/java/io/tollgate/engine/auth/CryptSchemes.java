package io.tollgate.engine.auth;

import java.util.Map;
import java.util.function.Function;

import static java.util.Map.entry;

/**
 * The table of crypt(3) schemes by their {@code $id$}: the three Tollgate verifies, and the others a
 * configuration may well carry (what {@code mkpasswd}, {@code htpasswd} or a modern
 * {@code /etc/shadow} writes), named so that the refusal tells the operator what they have.
 */
final class CryptSchemes {
    static final String SUPPORTED_SCHEMES =
            "Tollgate verifies $1$ (MD5), $5$ (SHA-256) and $6$ (SHA-512) crypt hashes";

    private static final Map<String, Function<String, CryptHash>> SUPPORTED = Map.of(
            "1", Md5Crypt::parse,
            "5", hash -> ShaCrypt.parse(ShaCrypt.Variant.SHA256, hash),
            "6", hash -> ShaCrypt.parse(ShaCrypt.Variant.SHA512, hash));

    private static final Map<String, String> UNSUPPORTED = Map.ofEntries(
            entry("y", "yescrypt"),
            entry("gy", "gost-yescrypt"),
            entry("7", "scrypt"),
            entry("2", "bcrypt"),
            entry("2a", "bcrypt"),
            entry("2b", "bcrypt"),
            entry("2x", "bcrypt"),
            entry("2y", "bcrypt"),
            entry("3", "NT hash"),
            entry("md5", "Sun MD5"),
            entry("sha1", "NetBSD SHA-1"),
            entry("apr1", "Apache MD5 from htpasswd, which HAProxy's crypt(3) does not verify either"),
            entry("argon2i", "Argon2"),
            entry("argon2d", "Argon2"),
            entry("argon2id", "Argon2"));

    /** The longest {@code $id$} quoted back; anything longer may be a mistyped secret, not an id. */
    private static final int MAX_QUOTED_ID = 16;
    private static final int TRADITIONAL_DES_CHARS = 13;
    private static final int EXTENDED_DES_CHARS = 20;

    private CryptSchemes() {
    }

    static CryptHash parse(String hash) {
        if (hash == null || hash.isEmpty()) {
            throw new CryptHashException("empty password hash; " + SUPPORTED_SCHEMES);
        }
        if (hash.charAt(0) != '$') {
            throw new CryptHashException(withoutId(hash) + "; " + SUPPORTED_SCHEMES);
        }
        int end = 1;
        while (end < hash.length() && hash.charAt(end) != '$' && hash.charAt(end) != ',') {
            end++;
        }
        String id = hash.substring(1, end);
        if (end == hash.length()) {
            // No closing '$': not a hash of any scheme, and maybe a secret, so nothing is quoted.
            throw new CryptHashException("unknown password hash scheme; " + SUPPORTED_SCHEMES);
        }
        if (hash.charAt(end) == '$' && SUPPORTED.containsKey(id)) {
            return SUPPORTED.get(id).apply(hash);
        }
        String name = UNSUPPORTED.get(id);
        if (name != null) {
            throw new CryptHashException("unsupported password hash scheme '$" + id + "$' (" + name + "); "
                    + SUPPORTED_SCHEMES);
        }
        if (!SUPPORTED.containsKey(id) && !id.isEmpty() && id.length() <= MAX_QUOTED_ID
                && id.chars().allMatch(CryptSchemes::isIdChar)) {
            throw new CryptHashException("unsupported password hash scheme '$" + id + "$'; " + SUPPORTED_SCHEMES);
        }
        throw new CryptHashException("unknown password hash scheme; " + SUPPORTED_SCHEMES);
    }

    private static boolean isIdChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    }

    /** What a value without a {@code $id$} is: one of the two DES shapes, or no hash at all. */
    private static String withoutId(String hash) {
        if (hash.length() == TRADITIONAL_DES_CHARS && CryptBase64.firstOutside(hash) < 0) {
            return "unsupported password hash scheme: traditional DES crypt (13 characters without '$')";
        }
        if (hash.length() == EXTENDED_DES_CHARS && hash.charAt(0) == '_'
                && CryptBase64.firstOutside(hash.substring(1)) < 0) {
            return "unsupported password hash scheme '_' (BSDi extended DES)";
        }
        return "not a crypt(3) password hash (it does not start with '$<id>$'; a clear-text password goes in "
                + "'insecure-password')";
    }

    static CryptHashException malformed(String scheme, String problem, String shape) {
        return new CryptHashException("malformed " + scheme + " password hash: " + problem + "; expected " + shape);
    }

    /** Why {@code salt} cannot be a salt of at most {@code max} characters, or null when it can. */
    static String saltProblem(String salt, int max) {
        if (salt.length() > max) {
            return "the salt has " + salt.length() + " characters, more than " + max;
        }
        for (int i = 0; i < salt.length(); i++) {
            char c = salt.charAt(i);
            if (c <= ' ' || c > '~') {
                return "the salt's character " + (i + 1) + " is not printable ASCII";
            }
        }
        return null;
    }

    /** Why {@code hash} cannot be an encoded digest of {@code chars} characters, or null when it can. */
    static String hashProblem(String hash, int chars) {
        if (hash.length() != chars) {
            return "the hash after the salt has " + hash.length() + " characters instead of " + chars;
        }
        int bad = CryptBase64.firstOutside(hash);
        if (bad >= 0) {
            return "the hash's character " + (bad + 1) + " is not one of ./0-9A-Za-z";
        }
        return null;
    }
}
