package io.tollgate.engine.runtime;

/**
 * A state-change event in HAProxy's words, for the event log (FORMATS §4.4): the {@code proxy}
 * it is about (a server's backend, a frontend paused or stopped), whose own {@code log} lines
 * carry it to syslog as HAProxy's {@code send_log(proxy, ...)} does; the syslog {@code level}
 * (0 emerg .. 7 debug), the log {@code message} without its final newline, and what HAProxy
 * prints on stderr for it ({@code [WARNING]}/{@code [ALERT]} lines), or null when it only logs it.
 */
public record ServerEvent(Proxy proxy, int level, String message, String stderr) {
    public static final int EMERG = 0;
    public static final int ALERT = 1;
    public static final int WARNING = 4;
    public static final int NOTICE = 5;

    /** The stderr tag HAProxy uses: {@code ALERT} or {@code WARNING}. */
    public String stderrTag() {
        return level == EMERG ? "ALERT" : "WARNING";
    }
}
