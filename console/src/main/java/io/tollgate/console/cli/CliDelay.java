package io.tollgate.console.cli;

import java.time.Duration;

/**
 * The {@code <delay>} of {@code set timeout cli <delay>}, read as HAProxy 2.6's
 * {@code parse_time_err} reads it into seconds: digits, then an optional unit ({@code us},
 * {@code ms}, {@code s}, {@code m}, {@code h}, {@code d}; seconds without one), rounded up to a
 * whole second; anything after a valid unit is ignored (HAProxy only warns about it). Zero, a
 * missing number, an unknown unit or 2^31 seconds and more are invalid.
 */
final class CliDelay {

    private CliDelay() {
    }

    /** The delay, or null when HAProxy answers "Invalid timeout value.". */
    static Duration parse(String text) {
        int end = 0;
        long value = 0;
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
            value = value * 10 + (text.charAt(end) - '0');
            if (value > 10_000_000_000_000_000L) {
                return null; // 2^31 seconds and more whatever the unit, even microseconds
            }
            end++;
        }
        if (end == 0) {
            return null;
        }
        String rest = text.substring(end);
        long seconds;
        if (rest.isEmpty() || rest.startsWith("s")) {
            seconds = value;
        } else if (rest.startsWith("us")) {
            seconds = (value + 999_999) / 1_000_000;
        } else if (rest.startsWith("ms")) {
            seconds = (value + 999) / 1000;
        } else if (value >= 0x80000000L) {
            return null; // minutes, hours or days: already too many seconds, not to be multiplied
        } else if (rest.startsWith("m")) {
            seconds = value * 60;
        } else if (rest.startsWith("h")) {
            seconds = value * 3600;
        } else if (rest.startsWith("d")) {
            seconds = value * 86_400;
        } else {
            return null;
        }
        if (seconds >= 0x80000000L || seconds < 1) {
            return null;
        }
        return Duration.ofSeconds(seconds);
    }
}
