package io.tollgate.logship;

/** UTF-8 encoding into a reused array, cut at a byte limit as HAProxy's {@code len} cuts. */
final class Utf8 {

    private Utf8() {
    }

    /** Encodes {@code text} into {@code out}, stopping at {@code max} bytes; returns the byte count. */
    static int encode(CharSequence text, byte[] out, int max) {
        int limit = Math.min(max, out.length);
        int n = 0;
        int length = text.length();
        for (int i = 0; i < length && n < limit; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                out[n++] = (byte) c;
                continue;
            }
            int cp = c;
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                cp = Character.toCodePoint(c, text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                cp = '?';
            }
            if (cp < 0x80) {
                out[n++] = (byte) cp;
            } else if (cp < 0x800) {
                n = put(out, n, limit, (byte) (0xC0 | cp >> 6), (byte) (0x80 | cp & 0x3F));
            } else if (cp < 0x10000) {
                n = put(out, n, limit, (byte) (0xE0 | cp >> 12), (byte) (0x80 | cp >> 6 & 0x3F), (byte) (0x80 | cp & 0x3F));
            } else {
                n = put(out, n, limit, (byte) (0xF0 | cp >> 18), (byte) (0x80 | cp >> 12 & 0x3F),
                        (byte) (0x80 | cp >> 6 & 0x3F), (byte) (0x80 | cp & 0x3F));
            }
        }
        return n;
    }

    /** Puts the bytes of one character, cut at the limit as HAProxy cuts (bytes, not characters). */
    private static int put(byte[] out, int n, int limit, byte... bytes) {
        for (byte b : bytes) {
            if (n == limit) {
                return n;
            }
            out[n++] = b;
        }
        return n;
    }
}
