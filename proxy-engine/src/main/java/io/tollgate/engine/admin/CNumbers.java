package io.tollgate.engine.admin;

/**
 * Numbers read as HAProxy's C reads them from command words, which Java's parsers do not match:
 * {@code atoi} (leading digits only, 0 without any) and {@code strtol} (with where it stopped).
 * Values beyond the int range are clamped.
 */
final class CNumbers {
    /** What {@code strtol} read: the value, and whether digits were found and all of the word was used. */
    record Parsed(long value, boolean digits, boolean whole) {
    }

    private CNumbers() {
    }

    static Parsed strtol(String word) {
        int i = 0;
        boolean negative = false;
        if (i < word.length() && (word.charAt(i) == '+' || word.charAt(i) == '-')) {
            negative = word.charAt(i) == '-';
            i++;
        }
        int start = i;
        long value = 0;
        while (i < word.length() && word.charAt(i) >= '0' && word.charAt(i) <= '9') {
            value = Math.min(value * 10 + (word.charAt(i) - '0'), 1L << 40);
            i++;
        }
        boolean digits = i > start;
        return new Parsed(negative ? -value : value, digits, digits && i == word.length());
    }

    static int atoi(String word) {
        long v = strtol(word).value();
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    }
}
