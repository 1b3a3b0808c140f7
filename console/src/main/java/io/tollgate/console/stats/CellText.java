package io.tollgate.console.stats;

import io.tollgate.engine.stats.StatField;
import io.tollgate.engine.stats.StatRow;

/**
 * How the page prints a value, as HAProxy's HTML does: numbers in groups of three digits, unset
 * limits as {@code -}, durations in at most two units ({@code 5s}, {@code 3m14s}, {@code 1h2m},
 * {@code 2d3h}) and {@code ?} for "never". The page's script mirrors these rules for live updates
 * ({@code stats/page.js}).
 */
final class CellText {
    /**
     * Between digit groups. HAProxy spaces its groups with CSS around {@code <span>}s; escaped text
     * cannot carry markup, so a narrow no-break space does the same and keeps a number on one line.
     */
    static final char GROUP = '\u202f';

    private static final long MINUTE = 60;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;

    private CellText() {
    }

    /** {@code 13 594}: groups of three digits. */
    static String number(long n) {
        String digits = Long.toString(Math.abs(n));
        int first = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        StringBuilder out = new StringBuilder(digits.length() + digits.length() / 3 + 1);
        if (n < 0) {
            out.append('-');
        }
        out.append(digits, 0, first);
        for (int i = first; i < digits.length(); i += 3) {
            out.append(GROUP).append(digits, i, i + 3);
        }
        return out.toString();
    }

    /** The field as a grouped number, or empty when the row has none. */
    static String number(StatRow row, StatField field) {
        return row.value(field) instanceof Long n ? number(n) : "";
    }

    /** A limit: the number, or {@code -} when unset (absent or 0). */
    static String limit(StatRow row, StatField field) {
        return row.value(field) instanceof Long n && n > 0 ? number(n) : "-";
    }

    /** A duration in seconds, or empty when the row has none. */
    static String duration(StatRow row, StatField field) {
        return row.value(field) instanceof Long n ? duration(n) : "";
    }

    /**
     * A duration the way HAProxy's {@code human_time} prints it: the largest unit first and at
     * most two units, zero units skipped ({@code 2d5m}), {@code 0s} for zero and {@code ?} for a
     * negative value ("never").
     */
    static String duration(long seconds) {
        if (seconds < 0) {
            return "?";
        }
        StringBuilder out = new StringBuilder(8);
        int units = 2;
        if (seconds >= DAY) {
            out.append(seconds / DAY).append('d');
            units--;
        }
        units = unit(out, units, seconds % DAY / HOUR, 'h');
        units = unit(out, units, seconds % HOUR / MINUTE, 'm');
        if (units > 0 && seconds % MINUTE != 0 || seconds == 0) {
            out.append(seconds % MINUTE).append('s');
        }
        return out.toString();
    }

    private static int unit(StringBuilder out, int units, long value, char letter) {
        if (units > 0 && value != 0) {
            out.append(value).append(letter);
            return units - 1;
        }
        return units;
    }

    /** {@code part} as a whole percentage of {@code total}, 0 when the total is. */
    static long percent(long part, long total) {
        return total == 0 ? 0 : part * 100 / total;
    }
}
