package io.tollgate.engine.log;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The dates of access-log lines in HAProxy's shapes: {@code 22/Nov/2026:22:50:20.834} (local),
 * {@code 22/Nov/2026:22:50:20 +0000} (GMT) and the local one with its offset. Each event loop
 * keeps the text of the last second it rendered, so a busy loop formats a date once a second
 * and appends characters the rest of the time.
 */
final class LogDates {
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
            "Nov", "Dec"};
    private static final ThreadLocal<LogDates> PER_THREAD = ThreadLocal.withInitial(LogDates::new);

    private long second = Long.MIN_VALUE;
    private String local;
    private String gmt;
    private String localOffset;

    private LogDates() {
    }

    static LogDates current() {
        return PER_THREAD.get();
    }

    /** {@code dd/Mon/yyyy:HH:MM:SS.mmm}, local time ({@code %t}, {@code %tr}). */
    void appendLocal(StringBuilder sb, long epochMillis) {
        at(epochMillis);
        sb.append(local).append('.');
        appendMillis(sb, epochMillis);
    }

    /** {@code dd/Mon/yyyy:HH:MM:SS +0000} ({@code %T}, {@code %trg}). */
    void appendGmt(StringBuilder sb, long epochMillis) {
        at(epochMillis);
        sb.append(gmt);
    }

    /** {@code dd/Mon/yyyy:HH:MM:SS +hhmm}, local time ({@code %Tl}, {@code %trl}). */
    void appendLocalWithOffset(StringBuilder sb, long epochMillis) {
        at(epochMillis);
        sb.append(localOffset);
    }

    static void appendMillis(StringBuilder sb, long epochMillis) {
        int ms = (int) Math.floorMod(epochMillis, 1000L);
        sb.append((char) ('0' + ms / 100)).append((char) ('0' + ms / 10 % 10)).append((char) ('0' + ms % 10));
    }

    private void at(long epochMillis) {
        long s = Math.floorDiv(epochMillis, 1000L);
        if (s == second) {
            return;
        }
        second = s;
        Instant instant = Instant.ofEpochSecond(s);
        ZonedDateTime here = instant.atZone(ZoneId.systemDefault());
        local = text(here);
        gmt = text(instant.atZone(ZoneOffset.UTC)) + " +0000";
        int offset = here.getOffset().getTotalSeconds() / 60;
        int abs = Math.abs(offset);
        localOffset = local + " " + (offset < 0 ? '-' : '+') + two(abs / 60) + two(abs % 60);
    }

    private static String text(ZonedDateTime t) {
        return two(t.getDayOfMonth()) + "/" + MONTHS[t.getMonthValue() - 1] + "/" + t.getYear() + ":"
                + two(t.getHour()) + ":" + two(t.getMinute()) + ":" + two(t.getSecond());
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }
}
