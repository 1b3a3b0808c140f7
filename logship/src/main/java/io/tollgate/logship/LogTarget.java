package io.tollgate.logship;

import java.util.List;

/**
 * One {@code log} line: where messages go, how they are rendered, and which of them are sent.
 *
 * <h2>Syntax</h2>
 * {@link #parse} takes the words after the {@code log} keyword:
 * <pre>
 * &lt;target&gt; [len &lt;n&gt;] [format &lt;fmt&gt;] [sample &lt;ranges&gt;:&lt;size&gt;] [file options] &lt;facility&gt; [&lt;max level&gt; [&lt;min level&gt;]]
 * </pre>
 * Targets, as HAProxy 2.6 reads them, plus Tollgate's {@code file@}:
 * <ul>
 * <li>{@code 10.0.0.1}, {@code 10.0.0.1:514}, {@code udp@host:port}, {@code udp4@}, {@code udp6@},
 *     {@code ipv4@}, {@code ipv6@}: UDP datagrams, port 514 by default. IPv6 as {@code [::1]:514} or
 *     {@code ipv6@::1:514} (the port follows the last colon).</li>
 * <li>{@code tcp@host:port} (also {@code tcp4@}, {@code tcp6@}): a TCP stream with RFC 6587
 *     octet-counted frames ({@code <length> <message>}); reconnects with exponential backoff.</li>
 * <li>{@code /dev/log}, {@code unix@/path}: a Unix datagram socket.</li>
 * <li>{@code stdout}, {@code stderr}, {@code fd@1}, {@code fd@2}: one line per message.</li>
 * <li>{@code file@/var/log/tollgate.log}: Tollgate's own file sink, one line per message. Options,
 *     only after a {@code file@} target, in any order before the facility:
 *     {@code rotate size <n>[k|m|g]}, {@code rotate daily}, {@code rotate hourly} (both a size and a
 *     period may be given: whichever comes first), {@code keep <n>} (old files kept, default 7),
 *     {@code compress} (gzip old files), {@code dateext} (name old files
 *     {@code <name>-YYYYMMDD}, {@code -YYYYMMDDHH} when hourly, instead of {@code <name>.1}).
 *     Example: {@code log file@/var/log/tollgate.log rotate daily keep 7 compress dateext local0 info}.
 *     Rotated by an external logrotate instead: give it a {@code postrotate} that runs
 *     {@code kill -HUP <pid>} or {@code echo "reopen logs" | socat stdio <admin socket>} (the
 *     runtime API's command); a moved file is also noticed within a second without either, and
 *     {@code copytruncate} works as it does for any writer (logrotate's manual says what it risks).</li>
 * </ul>
 * {@code len} is 80..65535 (default 1024), {@code format} one of {@link SyslogFormat}'s names
 * (default {@code local}). The max level (default {@code debug}) drops less severe messages; the
 * min level (default {@code emerg}) turns more severe ones into it, as HAProxy does.
 *
 * <p>Instances compare by identity: each {@code log} line has its own sampling window.
 */
public final class LogTarget {

    private final Endpoint endpoint;
    private final int maxLength;
    private final SyslogFormat format;
    private final Sampling sampling;
    private final Facility facility;
    private final Severity maxLevel;
    private final Severity minLevel;
    private final boolean formatGiven;

    /** A target whose {@code format} was given (so {@link #withDefaultFormat} keeps it). */
    public LogTarget(Endpoint endpoint, int maxLength, SyslogFormat format, Sampling sampling,
                     Facility facility, Severity maxLevel, Severity minLevel) {
        this(endpoint, maxLength, format, sampling, facility, maxLevel, minLevel, true);
    }

    /** @param formatGiven false when {@code format} is only the default, {@code local} */
    public LogTarget(Endpoint endpoint, int maxLength, SyslogFormat format, Sampling sampling,
                     Facility facility, Severity maxLevel, Severity minLevel, boolean formatGiven) {
        this.formatGiven = formatGiven;
        this.endpoint = endpoint;
        this.maxLength = maxLength;
        this.format = format;
        this.sampling = sampling;
        this.facility = facility;
        this.maxLevel = maxLevel;
        this.minLevel = minLevel;
    }

    /**
     * Reads the words that follow {@code log} on a configuration line.
     *
     * @throws IllegalArgumentException naming the word that is wrong and what was expected there
     */
    public static LogTarget parse(List<String> words) {
        return LogTargetParser.parse(words);
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    /**
     * This target with {@code defaultFormat} when its line gave no {@code format}, else itself:
     * HAProxy's {@code log-send-hostname} turns the default from {@code local} into
     * {@code rfc3164}. The copy has its own sampling window.
     */
    public LogTarget withDefaultFormat(SyslogFormat defaultFormat) {
        return formatGiven ? this
                : new LogTarget(endpoint, maxLength, defaultFormat, sampling, facility, maxLevel, minLevel, false);
    }

    /** The {@code len}: header + message are cut to this many bytes, before the framing. */
    public int maxLength() {
        return maxLength;
    }

    public SyslogFormat format() {
        return format;
    }

    /** The {@code sample} setting, or null when every message is sent. */
    public Sampling sampling() {
        return sampling;
    }

    public Facility facility() {
        return facility;
    }

    public Severity maxLevel() {
        return maxLevel;
    }

    public Severity minLevel() {
        return minLevel;
    }

    /** True when a message at {@code level} passes this target's max level. */
    public boolean accepts(Severity level) {
        return level.isAtLeast(maxLevel);
    }

    /** The level a message at {@code level} is sent with: never more severe than the min level. */
    public Severity levelFor(Severity level) {
        return level.isAtLeast(minLevel) ? minLevel : level;
    }

    @Override
    public String toString() {
        return "LogTarget[" + endpoint + ", len " + maxLength + ", format " + format.keyword()
                + (sampling == null ? "" : ", sample " + sampling) + ", " + facility.keyword()
                + " " + maxLevel.keyword() + " " + minLevel.keyword() + "]";
    }
}
