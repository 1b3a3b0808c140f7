package io.tollgate.engine.persist;

/**
 * The dates HAProxy appends to inserted cookies when {@code maxidle} or {@code maxlife} is set:
 * {@code <server>|<last seen>[|<first seen>]}, each date five characters of base64
 * ({@code A-Z a-z 0-9 + /}, most significant first, no padding) holding a 30-bit count of
 * 4-second units since the epoch ({@code s30tob64()} and {@code b64tos30()} in HAProxy).
 *
 * <p>A date is emitted as {@code (now + 3) >> 2}: rounded up, so the cookie never looks older
 * than it is, and read back as {@code units << 2}. Example: 1795449147 is {@code awRhP}.
 */
public final class CookieDate {
    /** Characters per encoded date. */
    public static final int LENGTH = 5;

    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();

    private CookieDate() {
    }

    /** The five characters HAProxy emits for {@code epochSeconds}. */
    public static String encode(long epochSeconds) {
        StringBuilder out = new StringBuilder(LENGTH);
        appendUnits(out, unitsAt(epochSeconds));
        return out.toString();
    }

    /**
     * Epoch seconds for the five characters at {@code from} (a multiple of 4), or -1 if one of
     * them is not base64 or there are fewer than five; 0 (all {@code A}) means "no date" to HAProxy.
     */
    public static long decode(CharSequence text, int from) {
        if (from < 0 || from + LENGTH > text.length()) {
            return -1;
        }
        long units = 0;
        for (int i = from; i < from + LENGTH; i++) {
            int digit = digit(text.charAt(i));
            if (digit < 0) {
                return -1;
            }
            units = (units << 6) | digit;
        }
        return units << 2;
    }

    /** The 4-second unit a date emitted at {@code epochSeconds} carries. */
    static long unitsAt(long epochSeconds) {
        return (epochSeconds + 3) >> 2;
    }

    /** Appends the low 30 bits of {@code units}. */
    static void appendUnits(StringBuilder out, long units) {
        for (int shift = 24; shift >= 0; shift -= 6) {
            out.append(ALPHABET[(int) (units >> shift) & 0x3f]);
        }
    }

    private static int digit(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '+' ? 62 : c == '/' ? 63 : -1;
    }
}
