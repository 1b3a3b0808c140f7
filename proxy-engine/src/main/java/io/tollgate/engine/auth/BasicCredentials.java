package io.tollgate.engine.auth;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * The user and password of an HTTP {@code Authorization: Basic <base64(user:password)>} header
 * (RFC 7617). The scheme is matched without regard to case, spaces and tabs around and after it are
 * tolerated, and the password is everything after the first colon, colons included.
 *
 * <p>The password is kept as the bytes the client sent, because crypt(3) hashes bytes: a password
 * typed in ISO-8859-1 must not be re-encoded on its way to the hash. The user name must be UTF-8,
 * the encoding configuration files are read in, or it could not name a configured user.
 */
public final class BasicCredentials {
    private static final String SCHEME = "basic";

    private final String user;
    private final byte[] password;

    private BasicCredentials(String user, byte[] password) {
        this.user = user;
        this.password = password;
    }

    /**
     * Parses an {@code Authorization} header value.
     *
     * @return the credentials, or null when the value is absent, not the Basic scheme, not exactly
     *         one base64 token, not valid base64, has no colon, or has a user name that is not UTF-8
     */
    public static BasicCredentials parse(String authorization) {
        if (authorization == null) {
            return null;
        }
        int start = skipBlanks(authorization, 0);
        int end = authorization.length();
        while (end > start && isBlank(authorization.charAt(end - 1))) {
            end--;
        }
        int schemeEnd = start + SCHEME.length();
        if (schemeEnd >= end || !isSchemeAt(authorization, start) || !isBlank(authorization.charAt(schemeEnd))) {
            return null;
        }
        int tokenStart = skipBlanks(authorization, schemeEnd);
        String token = authorization.substring(tokenStart, end);
        if (token.chars().anyMatch(c -> isBlank((char) c))) {
            return null;
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = indexOf(decoded, (byte) ':');
        if (colon < 0) {
            return null;
        }
        String user = strictUtf8(decoded, colon);
        if (user == null) {
            return null;
        }
        return new BasicCredentials(user, Arrays.copyOfRange(decoded, colon + 1, decoded.length));
    }

    /** The user name; may be empty. */
    public String user() {
        return user;
    }

    /** The password as text: its bytes read as UTF-8, with U+FFFD for what is not UTF-8. */
    public String password() {
        return new String(password, StandardCharsets.UTF_8);
    }

    /** The password exactly as sent, for {@link Userlist#check(String, byte[])}; a copy. */
    public byte[] passwordBytes() {
        return password.clone();
    }

    /** Shows the user only: these objects end up in debug logs. */
    @Override
    public String toString() {
        return "BasicCredentials[user=" + user + "]";
    }

    /** ASCII only: a locale or Unicode case rule must not turn another word into "basic". */
    private static boolean isSchemeAt(String s, int at) {
        for (int i = 0; i < SCHEME.length(); i++) {
            char c = s.charAt(at + i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c != SCHEME.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static int skipBlanks(String s, int from) {
        while (from < s.length() && isBlank(s.charAt(from))) {
            from++;
        }
        return from;
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static String strictUtf8(byte[] bytes, int length) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
