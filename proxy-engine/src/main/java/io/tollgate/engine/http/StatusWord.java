package io.tollgate.engine.http;

/**
 * Reads a status code word the way HAProxy does, with C's {@code atol}: leading blanks, an
 * optional sign, then digits up to the first other character. So {@code 503x} is 503 and
 * {@code abc} is 0, and the messages that follow quote that number, as HAProxy's do.
 */
final class StatusWord {
    private StatusWord() {
    }

    static int parse(String word) {
        int i = 0;
        int n = word.length();
        while (i < n && isBlank(word.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < n && (word.charAt(i) == '+' || word.charAt(i) == '-')) {
            negative = word.charAt(i) == '-';
            i++;
        }
        long value = 0;
        while (i < n && word.charAt(i) >= '0' && word.charAt(i) <= '9') {
            value = Math.min(value * 10 + (word.charAt(i) - '0'), Integer.MAX_VALUE);
            i++;
        }
        return (int) (negative ? -value : value);
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b;
    }
}
