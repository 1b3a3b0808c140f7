package io.tollgate.engine.persist;

import java.util.function.Consumer;

/**
 * The {@code maxidle} and {@code maxlife} values: HAProxy's {@code parse_time_err()} with
 * seconds as the default unit, including its quirks, so that a config HAProxy accepts is
 * accepted here with the same number.
 *
 * <p>Units are {@code us}, {@code ms}, {@code s}, {@code m}, {@code h} and {@code d}; sub-second
 * values round up ({@code 1ms} is one second), so HAProxy's "underflow" error cannot happen.
 * Anything after a valid unit ({@code 30mx}) is only a warning in 2.6.
 */
final class CookieSeconds {
    /** HAProxy keeps these in a signed 32-bit number of seconds. */
    static final long MAX = Integer.MAX_VALUE;

    private CookieSeconds() {
    }

    /** Seconds for {@code text}, which is not empty; {@code keyword} is {@code maxidle} or {@code maxlife}. */
    static int parse(String text, String keyword, Consumer<String> warnings) {
        if (!isDigit(text.charAt(0))) {
            throw unexpected(text.charAt(0), keyword);
        }
        int i = 0;
        long value = 0;
        boolean overflow = false;
        while (i < text.length() && isDigit(text.charAt(i))) {
            // C wraps silently on absurdly long numbers; call them too large instead.
            if (value > (Long.MAX_VALUE - 9) / 10) {
                overflow = true;
            } else {
                value = value * 10 + (text.charAt(i) - '0');
            }
            i++;
        }
        long multiply = 1;
        long divide = 1;
        if (i < text.length()) {
            char unit = text.charAt(i);
            boolean secondS = i + 1 < text.length() && text.charAt(i + 1) == 's';
            switch (unit) {
                case 's' -> { }
                case 'u' -> {
                    if (!secondS) {
                        throw unexpected(unit, keyword);
                    }
                    divide = 1_000_000;
                    i++;
                }
                case 'm' -> {
                    if (secondS) {
                        divide = 1000;
                        i++;
                    } else {
                        multiply = 60;
                    }
                }
                case 'h' -> multiply = 3600;
                case 'd' -> multiply = 86_400;
                default -> throw unexpected(unit, keyword);
            }
            i++;
            if (i < text.length()) {
                warnings.accept("unexpected character '" + text.charAt(i) + "' after the timer value '" + text
                        + "', only (us=microseconds,ms=milliseconds,s=seconds,m=minutes,h=hours,d=days) are supported."
                        + " This will be reported as an error in next versions.");
            }
        }
        if (overflow || value > (Long.MAX_VALUE - divide) / multiply) {
            throw overflow(text, keyword);
        }
        long seconds = (value * multiply + divide - 1) / divide;
        if (seconds > MAX) {
            throw overflow(text, keyword);
        }
        return (int) seconds;
    }

    /** C's {@code isdigit()}: ASCII digits only, unlike {@link Character#isDigit}. */
    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static IllegalArgumentException unexpected(char c, String keyword) {
        return new IllegalArgumentException("unexpected character '" + c + "' in argument to <" + keyword + ">.");
    }

    private static IllegalArgumentException overflow(String text, String keyword) {
        return new IllegalArgumentException("timer overflow in argument <" + text + "> to <" + keyword
                + ">, maximum value is 2147483647 s (~68 years).");
    }
}
