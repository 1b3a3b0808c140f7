package io.tollgate.logship;

/** The 24 syslog facilities with HAProxy's names (`kern` .. `local7`) and codes 0..23. */
public enum Facility {
    KERN("kern"), USER("user"), MAIL("mail"), DAEMON("daemon"), AUTH("auth"), SYSLOG("syslog"),
    LPR("lpr"), NEWS("news"), UUCP("uucp"), CRON("cron"), AUTH2("auth2"), FTP("ftp"), NTP("ntp"),
    AUDIT("audit"), ALERT("alert"), CRON2("cron2"), LOCAL0("local0"), LOCAL1("local1"),
    LOCAL2("local2"), LOCAL3("local3"), LOCAL4("local4"), LOCAL5("local5"), LOCAL6("local6"),
    LOCAL7("local7");

    private static final Facility[] BY_CODE = values();

    private final String keyword;

    Facility(String keyword) {
        this.keyword = keyword;
    }

    /** The syslog code: 0 for kern through 23 for local7. */
    public int code() {
        return ordinal();
    }

    public String keyword() {
        return keyword;
    }

    /** The PRI value of a message of this facility at {@code level}: facility * 8 + level. */
    public int priority(Severity level) {
        return ordinal() * 8 + level.code();
    }

    public static Facility ofCode(int code) {
        if (code < 0 || code >= BY_CODE.length) {
            throw new IllegalArgumentException("syslog facility code " + code + " is outside 0..23");
        }
        return BY_CODE[code];
    }

    /** The facility named {@code word}, or an error listing the 24 names. */
    public static Facility named(String word) {
        for (Facility f : BY_CODE) {
            if (f.keyword.equals(word)) {
                return f;
            }
        }
        StringBuilder names = new StringBuilder();
        for (Facility f : BY_CODE) {
            names.append(names.length() == 0 ? "" : ", ").append(f.keyword);
        }
        throw new IllegalArgumentException("unknown log facility '" + word + "' (expected one of " + names + ")");
    }
}
