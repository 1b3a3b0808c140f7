package io.tollgate.engine.admin;

/**
 * Numbers read as HAProxy's C reads them from command words, which Java's parsers do not match:
 * {@code atoi} (leading digits only, 0 without any), {@code strtol} (with where it stopped) and
 * {@code strl2irc} (whole words only).
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

    /**
     * HAProxy's {@code strl2irc}: an optional {@code -} then digits only, within the int range
     * ({@code -} alone is 0); null for anything else, the empty word included.
     */
    static Integer strl2irc(String word) {
        if (word.isEmpty()) {
            return null;
        }
        boolean negative = word.charAt(0) == '-';
        long value = 0;
        for (int i = negative ? 1 : 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            value = value * 10 + (c - '0');
            if (value > (negative ? 1L << 31 : Integer.MAX_VALUE)) {
                return null;
            }
        }
        return (int) (negative ? -value : value);
    }

    static int atoi(String word) {
        long v = strtol(word).value();
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    }
}
