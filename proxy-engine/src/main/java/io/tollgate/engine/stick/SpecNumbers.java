package io.tollgate.engine.stick;

import java.util.function.Consumer;

/**
 * HAProxy 2.6's {@code parse_size_err} and {@code parse_time_err} (src/tools.c) as the
 * {@code stick-table} line uses them: a size is an unsigned 32-bit number with an optional
 * k/m/g (powers of 1024, either case); a time is a number of milliseconds or of us/ms/s/m/h/d,
 * rounded up to the millisecond and below 2^31 ms. The errors say which character is wrong, as
 * HAProxy's messages need.
 */
final class SpecNumbers {
    /** HAProxy keeps timers as signed 32-bit milliseconds. */
    static final long MAX_TIME_MS = Integer.MAX_VALUE;
    private static final long MAX_UNSIGNED_32 = 0xFFFF_FFFFL;

    private SpecNumbers() {
    }

    /** Why a number was refused. */
    enum Problem { BAD_CHARACTER, OVERFLOW, UNDERFLOW }

    /** A refused number; {@link #character()} is the offending character for BAD_CHARACTER. */
    static final class BadNumber extends Exception {
        private static final long serialVersionUID = 1L;
        private final Problem problem;
        private final char character;

        BadNumber(Problem problem, char character) {
            super(problem.name(), null, false, false);
            this.problem = problem;
            this.character = character;
        }

        Problem problem() {
            return problem;
        }

        char character() {
            return character;
        }
    }

    /** A table size: digits and an optional k, m or g; overflowing 32 bits blames the digit or unit. */
    static long size(String text) throws BadNumber {
        if (text.isEmpty() || !isDigit(text.charAt(0))) {
            throw badCharacter(text, 0);
        }
        long value = 0;
        int i = 0;
        while (i < text.length() && isDigit(text.charAt(i))) {
            value = value * 10 + (text.charAt(i) - '0');
            if (value > MAX_UNSIGNED_32) {
                throw badCharacter(text, i);
            }
            i++;
        }
        if (i == text.length()) {
            return value;
        }
        int shift = switch (text.charAt(i)) {
            case 'k', 'K' -> 10;
            case 'm', 'M' -> 20;
            case 'g', 'G' -> 30;
            default -> throw badCharacter(text, i);
        };
        if (value > MAX_UNSIGNED_32 >> shift) {
            throw badCharacter(text, i);
        }
        if (i + 1 != text.length()) {
            throw badCharacter(text, i + 1);
        }
        return value << shift;
    }

    /**
     * Milliseconds for {@code text}; a bare number counts milliseconds. Characters after a valid
     * unit are only warned about, as HAProxy 2.6 does, through {@code warnings}.
     */
    static long time(String text, Consumer<String> warnings) throws BadNumber {
        if (text.isEmpty() || !isDigit(text.charAt(0))) {
            throw badCharacter(text, 0);
        }
        long value = 0;
        boolean saturated = false;
        int i = 0;
        while (i < text.length() && isDigit(text.charAt(i))) {
            if (value > (Long.MAX_VALUE - 9) / 10) {
                saturated = true;
            } else {
                value = value * 10 + (text.charAt(i) - '0');
            }
            i++;
        }
        if (i == text.length()) {
            return checked(value, 1, 1, saturated);
        }
        long multiply;
        long divide = 1;
        int unitEnd = i + 1;
        switch (text.charAt(i)) {
            case 's' -> multiply = 1000;
            case 'u' -> {
                if (!text.startsWith("us", i)) {
                    throw badCharacter(text, i);
                }
                multiply = 1;
                divide = 1000;
                unitEnd = i + 2;
            }
            case 'm' -> {
                if (text.startsWith("ms", i)) {
                    multiply = 1;
                    unitEnd = i + 2;
                } else {
                    multiply = 60_000;
                }
            }
            case 'h' -> multiply = 3_600_000;
            case 'd' -> multiply = 86_400_000;
            default -> throw badCharacter(text, i);
        }
        if (unitEnd < text.length()) {
            warnings.accept("unexpected character '" + text.charAt(unitEnd) + "' after the timer value '" + text
                    + "', only (us=microseconds,ms=milliseconds,s=seconds,m=minutes,h=hours,d=days) are supported."
                    + " This will be reported as an error in next versions.");
        }
        return checked(value, multiply, divide, saturated);
    }

    /** C's {@code atol}: the leading integer of {@code text}, 0 when there is none. */
    static long leadingInteger(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < text.length() && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        long value = 0;
        while (i < text.length() && isDigit(text.charAt(i)) && value <= (Long.MAX_VALUE - 9) / 10) {
            value = value * 10 + (text.charAt(i) - '0');
            i++;
        }
        return negative ? -value : value;
    }

    private static long checked(long value, long multiply, long divide, boolean saturated) throws BadNumber {
        if (saturated || value > (Long.MAX_VALUE - divide) / multiply) {
            throw new BadNumber(Problem.OVERFLOW, ' ');
        }
        // HAProxy rounds up, so 1us is 1ms rather than nothing.
        long ms = (value * multiply + divide - 1) / divide;
        if (ms > MAX_TIME_MS) {
            throw new BadNumber(Problem.OVERFLOW, ' ');
        }
        if (ms == 0 && value != 0) {
            throw new BadNumber(Problem.UNDERFLOW, ' ');
        }
        return ms;
    }

    private static BadNumber badCharacter(String text, int at) {
        return new BadNumber(Problem.BAD_CHARACTER, at < text.length() ? text.charAt(at) : '\0');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
