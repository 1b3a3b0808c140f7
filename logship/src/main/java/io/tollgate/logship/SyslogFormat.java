package io.tollgate.logship;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;

/**
 * HAProxy 2.6's syslog output formats ({@code log ... format <name>}): the header each one puts
 * before the message. The bytes were checked against haproxy 2.6.12's datagrams (see
 * SyslogFormatTest). A format renders header + message truncated to the target's {@code len};
 * the transport adds its framing (a trailing {@code \n}, or RFC 6587 octet counting on TCP).
 */
public enum SyslogFormat {
    /** {@code <PRI>Mmm dd hh:mm:ss tag[pid]: } (HAProxy's default: no hostname). */
    LOCAL("local"),
    /** {@code <PRI>Mmm dd hh:mm:ss host tag[pid]: } with host {@code localhost} unless log-send-hostname. */
    RFC3164("rfc3164"),
    /** {@code <PRI>1 iso-time host tag pid - sd } with {@code -} for a missing host or structured data. */
    RFC5424("rfc5424"),
    /** {@code <PRI>} alone. */
    PRIORITY("priority"),
    /** {@code <level>} alone: the facility is not sent. */
    SHORT("short"),
    /** {@code <level>iso-time }. */
    TIMED("timed"),
    /** {@code iso-time }. */
    ISO("iso"),
    /** The message alone. */
    RAW("raw");

    /** HAProxy's default {@code len}, and the range it accepts. */
    public static final int DEFAULT_MAX_LENGTH = 1024;
    public static final int MIN_MAX_LENGTH = 80;
    public static final int MAX_MAX_LENGTH = 65535;

    private static final String[] MONTHS = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private final String keyword;

    SyslogFormat(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }

    public static SyslogFormat named(String word) {
        for (SyslogFormat f : values()) {
            if (f.keyword.equals(word)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown log format '" + word
                + "' (expected one of local, rfc3164, rfc5424, priority, short, timed, iso, raw)");
    }

    /**
     * Header + message as UTF-8, cut to {@code maxLength} bytes (HAProxy cuts bytes, not characters),
     * without the transport's framing.
     */
    public byte[] encode(Facility facility, Severity level, OffsetDateTime time, LogIdentity identity,
                         String structuredData, CharSequence message, int maxLength) {
        StringBuilder out = new StringBuilder(64 + message.length());
        appendHeader(out, facility, level, time, identity, structuredData);
        out.append(message);
        byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
        return bytes.length <= maxLength ? bytes : Arrays.copyOf(bytes, maxLength);
    }

    /** Appends this format's header; {@code structuredData} is only used by rfc5424 (null for none). */
    public void appendHeader(StringBuilder out, Facility facility, Severity level, OffsetDateTime time,
                             LogIdentity identity, String structuredData) {
        switch (this) {
            case LOCAL -> {
                appendPriority(out, facility, level);
                appendBsdTime(out, time);
                appendTagAndPid(out, identity);
            }
            case RFC3164 -> {
                appendPriority(out, facility, level);
                appendBsdTime(out, time);
                out.append(identity.hostname() == null ? "localhost" : identity.hostname()).append(' ');
                appendTagAndPid(out, identity);
            }
            case RFC5424 -> {
                appendPriority(out, facility, level);
                out.append("1 ");
                appendIsoTime(out, time);
                out.append(' ').append(identity.hostname() == null ? "-" : identity.hostname())
                        .append(' ').append(identity.tag())
                        .append(' ').append(identity.pid())
                        .append(" - ")
                        .append(structuredData == null || structuredData.isEmpty() ? "-" : structuredData)
                        .append(' ');
            }
            case PRIORITY -> appendPriority(out, facility, level);
            case SHORT -> out.append('<').append(level.code()).append('>');
            case TIMED -> {
                out.append('<').append(level.code()).append('>');
                appendIsoTime(out, time);
                out.append(' ');
            }
            case ISO -> {
                appendIsoTime(out, time);
                out.append(' ');
            }
            case RAW -> { }
            default -> throw new IllegalStateException(name());
        }
    }

    private static void appendPriority(StringBuilder out, Facility facility, Severity level) {
        out.append('<').append(facility.priority(level)).append('>');
    }

    private static void appendTagAndPid(StringBuilder out, LogIdentity identity) {
        out.append(identity.tag()).append('[').append(identity.pid()).append("]: ");
    }

    /** {@code Mmm dd hh:mm:ss } with the day padded with a space, as RFC 3164 and HAProxy do. */
    private static void appendBsdTime(StringBuilder out, OffsetDateTime t) {
        out.append(MONTHS[t.getMonthValue() - 1]).append(' ');
        if (t.getDayOfMonth() < 10) {
            out.append(' ');
        }
        out.append(t.getDayOfMonth()).append(' ');
        two(out, t.getHour()).append(':');
        two(out, t.getMinute()).append(':');
        two(out, t.getSecond()).append(' ');
    }

    /** {@code 2026-11-23T19:30:00.123456+00:00}: microseconds and a numeric offset, never {@code Z}. */
    static void appendIsoTime(StringBuilder out, OffsetDateTime t) {
        out.append(t.getYear()).append('-');
        two(out, t.getMonthValue()).append('-');
        two(out, t.getDayOfMonth()).append('T');
        two(out, t.getHour()).append(':');
        two(out, t.getMinute()).append(':');
        two(out, t.getSecond()).append('.');
        int micros = t.getNano() / 1000;
        for (int scale = 100_000; scale > 0; scale /= 10) {
            out.append((char) ('0' + micros / scale % 10));
        }
        int offset = t.getOffset().getTotalSeconds();
        out.append(offset < 0 ? '-' : '+');
        offset = Math.abs(offset);
        two(out, offset / 3600).append(':');
        two(out, offset / 60 % 60);
    }

    private static StringBuilder two(StringBuilder out, int value) {
        if (value < 10) {
            out.append('0');
        }
        return out.append(value);
    }
}
