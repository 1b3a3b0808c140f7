package io.tollgate.engine.config;

/**
 * HAProxy's time and size units. Times: a whole number with an optional unit {@code us},
 * {@code ms}, {@code s}, {@code m}, {@code h} or {@code d}; a bare number takes the keyword's
 * default unit (milliseconds for timeouts). Sizes: a whole number with an optional {@code k},
 * {@code m} or {@code g} (powers of 1024), bare = bytes. Errors name the keyword and the value.
 */
final class Units {
    /** HAProxy keeps timers in a signed 32-bit number of milliseconds. */
    static final long MAX_TIME_MS = Integer.MAX_VALUE;

    private Units() {
    }

    /** Milliseconds for {@code text}; a bare number counts in {@code defaultUnitMs}. */
    static long time(String text, String keyword, long defaultUnitMs) throws KeywordException {
        if (text.isEmpty()) {
            throw new KeywordException("'" + keyword + "' expects a time value with an optional unit (us, ms, s, m, h, d)");
        }
        int end = digitsEnd(text);
        if (end == 0) {
            throw unexpected(text, 0, keyword, "time");
        }
        String unit = text.substring(end);
        long value = number(text.substring(0, end), keyword, text);
        long ms = switch (unit) {
            case "" -> multiply(value, defaultUnitMs, keyword, text);
            // HAProxy rounds microseconds up to the next millisecond.
            case "us" -> (value + 999) / 1000;
            case "ms" -> value;
            case "s" -> multiply(value, 1000, keyword, text);
            case "m" -> multiply(value, 60_000, keyword, text);
            case "h" -> multiply(value, 3_600_000, keyword, text);
            case "d" -> multiply(value, 86_400_000, keyword, text);
            default -> throw unexpected(text, end, keyword, "time");
        };
        if (ms > MAX_TIME_MS) {
            throw overflow(keyword, text);
        }
        return ms;
    }

    /** Milliseconds for a timeout value (bare number = ms). */
    static long time(String text, String keyword) throws KeywordException {
        return time(text, keyword, 1);
    }

    /** Bytes for {@code text}. */
    static long size(String text, String keyword) throws KeywordException {
        if (text.isEmpty()) {
            throw new KeywordException("'" + keyword + "' expects a size value with an optional unit (k, m, g)");
        }
        int end = digitsEnd(text);
        if (end == 0) {
            throw unexpected(text, 0, keyword, "size");
        }
        long value;
        try {
            value = Long.parseLong(text.substring(0, end));
        } catch (NumberFormatException e) {
            throw tooLarge(keyword, text);
        }
        String unit = text.substring(end);
        long multiplier = switch (unit) {
            case "" -> 1;
            case "k", "K" -> 1L << 10;
            case "m", "M" -> 1L << 20;
            case "g", "G" -> 1L << 30;
            default -> throw unexpected(text, end, keyword, "size");
        };
        try {
            return Math.multiplyExact(value, multiplier);
        } catch (ArithmeticException e) {
            throw tooLarge(keyword, text);
        }
    }

    private static int digitsEnd(String text) {
        int i = 0;
        while (i < text.length() && Character.isDigit(text.charAt(i)) && text.charAt(i) < 128) {
            i++;
        }
        return i;
    }

    private static long number(String digits, String keyword, String text) throws KeywordException {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw overflow(keyword, text);
        }
    }

    private static long multiply(long value, long by, String keyword, String text) throws KeywordException {
        try {
            return Math.multiplyExact(value, by);
        } catch (ArithmeticException e) {
            throw overflow(keyword, text);
        }
    }

    private static KeywordException unexpected(String text, int at, String keyword, String kind) {
        String units = kind.equals("time") ? "us, ms, s, m, h, d" : "k, m, g";
        return new KeywordException("unexpected character '" + text.charAt(at) + "' in '" + keyword
                + "' value '" + text + "' (expected a " + kind + " with an optional unit: " + units + ")");
    }

    private static KeywordException tooLarge(String keyword, String text) {
        return new KeywordException("size '" + text + "' is too large for '" + keyword + "'");
    }

    private static KeywordException overflow(String keyword, String text) {
        return new KeywordException("timer overflow in argument '" + text + "' to '" + keyword
                + "' (maximum value is 2147483647 ms or ~24.8 days)");
    }
}
