package io.tollgate.engine.config;

/**
 * HAProxy's binary strings ({@code tcp-check send-binary}, {@code expect binary}): hex digits,
 * two per byte, either case. Errors carry HAProxy's {@code parse_binary()} reasons.
 */
public final class HexBytes {
    private HexBytes() {
    }

    /** The bytes of {@code hex}; an {@link IllegalArgumentException} says why it is not a binary string. */
    public static byte[] decode(String hex) {
        if (hex.length() % 2 != 0) {
            throw new IllegalArgumentException("an even number of hex digit is expected");
        }
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < hex.length(); i++) {
            int digit = Character.digit(hex.charAt(i), 16);
            if (digit < 0 || hex.charAt(i) > 'f') {
                throw new IllegalArgumentException("an hex digit is expected (found '" + hex.charAt(i) + "')");
            }
            out[i / 2] = (byte) (out[i / 2] << 4 | digit);
        }
        return out;
    }

    /** As {@link #decode}, for the configuration: the reason in HAProxy's message. */
    static void check(String label, String hex, boolean named) throws KeywordException {
        try {
            decode(hex);
        } catch (IllegalArgumentException e) {
            throw new KeywordException(label + " : " + (named ? "'" + hex + "' " : "") + "invalid binary string ("
                    + e.getMessage() + ").");
        }
    }
}
