package io.tollgate.logship;

import java.util.Locale;

/** The eight syslog levels, most severe first, with HAProxy's names and their codes 0..7. */
public enum Severity {
    EMERG, ALERT, CRIT, ERR, WARNING, NOTICE, INFO, DEBUG;

    private static final Severity[] BY_CODE = values();

    /** The syslog code: 0 for emerg through 7 for debug. */
    public int code() {
        return ordinal();
    }

    /** The name HAProxy uses in its configuration (`emerg` .. `debug`). */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this level is at least as severe as {@code other} (a smaller code). */
    public boolean isAtLeast(Severity other) {
        return ordinal() <= other.ordinal();
    }

    public static Severity ofCode(int code) {
        if (code < 0 || code >= BY_CODE.length) {
            throw new IllegalArgumentException("syslog level code " + code + " is outside 0..7");
        }
        return BY_CODE[code];
    }

    /** The level named {@code word}, or an error listing the eight names. */
    public static Severity named(String word) {
        for (Severity s : BY_CODE) {
            if (s.keyword().equals(word)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown log level '" + word
                + "' (expected one of emerg, alert, crit, err, warning, notice, info, debug)");
    }

    static boolean isName(String word) {
        for (Severity s : BY_CODE) {
            if (s.keyword().equals(word)) {
                return true;
            }
        }
        return false;
    }
}
