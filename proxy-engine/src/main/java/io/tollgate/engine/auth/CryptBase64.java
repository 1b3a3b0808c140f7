package io.tollgate.engine.auth;

/**
 * crypt(3)'s own base-64: the alphabet {@code ./0-9A-Za-z}, six bits at a time, least significant
 * first. It is not RFC 4648 base64: the alphabet differs and each scheme feeds the digest's bytes in
 * a scrambled order of its own, which each scheme passes here as a table.
 */
final class CryptBase64 {
    static final String ALPHABET = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private CryptBase64() {
    }

    static boolean isAlphabet(char c) {
        return c == '.' || c == '/' || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    /** The first character of {@code s} outside the alphabet, or -1 when there is none. */
    static int firstOutside(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isAlphabet(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Encodes {@code digest} into {@code out} as ASCII bytes. {@code order} lists, three per group,
     * the digest indexes of the group's high, middle and low byte (-1 for a zero byte); every group
     * gives four characters except the last, which gives what is left of {@code out}.
     */
    static void encode(byte[] digest, int[] order, byte[] out) {
        int o = 0;
        for (int g = 0; g < order.length; g += 3) {
            int w = (at(digest, order[g]) << 16) | (at(digest, order[g + 1]) << 8) | at(digest, order[g + 2]);
            int n = Math.min(4, out.length - o);
            for (int i = 0; i < n; i++) {
                out[o++] = (byte) ALPHABET.charAt(w & 0x3f);
                w >>>= 6;
            }
        }
    }

    private static int at(byte[] digest, int index) {
        return index < 0 ? 0 : digest[index] & 0xff;
    }
}
