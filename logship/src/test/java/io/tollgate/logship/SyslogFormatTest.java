package io.tollgate.logship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/**
 * Every format's bytes, against datagrams sent by Debian's haproxy 2.6.12. They were captured on
 * 2026-11-23 with a python UDP listener on ten loopback ports and this global section:
 * <pre>
 * global
 *   log 127.0.0.1:27310 len 1024 format rfc3164 local0    (and rfc5424, short, raw, iso, timed,
 *   ...                                                     priority, local on 27311..27317)
 *   log 127.0.0.1:27318 len 80 format rfc5424 local0
 *   log 127.0.0.1:27319 len 80 format rfc3164 local0
 * </pre>
 * then again with {@code log-send-hostname myhost} and {@code log-tag mytag}, and with a bare
 * {@code log-send-hostname} (the host's name, here {@code vm}); one request to an {@code option
 * httplog} frontend without backend and a soft stop gave the messages. Each datagram ends with
 * {@code \n}, which is the transport's framing, not the format's; with {@code len 80} the datagram
 * is 80 bytes of header + message, then the {@code \n}.
 */
class SyslogFormatTest {

    private static final String ACCESS = "127.0.0.1:48796 [23/Nov/2026:20:29:15.833] fe fe/<NOSRV> "
            + "-1/-1/-1/-1/0 503 217 - - SC-- 1/1/0/0/0 0/0 \"GET /x HTTP/1.1\"";
    private static final LogIdentity HAPROXY = new LogIdentity("haproxy", null, 20737);

    private static String encode(SyslogFormat format, Severity level, String time, LogIdentity id, String message,
                                 int len) {
        return new String(format.encode(Facility.LOCAL0, level, OffsetDateTime.parse(time), id, null, message, len),
                StandardCharsets.UTF_8);
    }

    @Test
    void everyFormatOfAnInfoMessageMatchesHaproxy() {
        String t = "2026-11-23T20:29:15.833923+00:00";
        assertThat(encode(SyslogFormat.RFC3164, Severity.INFO, t, HAPROXY, ACCESS, 1024))
                .isEqualTo("<134>Nov 23 20:29:15 localhost haproxy[20737]: " + ACCESS);
        assertThat(encode(SyslogFormat.RFC5424, Severity.INFO, t, HAPROXY, ACCESS, 1024))
                .isEqualTo("<134>1 2026-11-23T20:29:15.833923+00:00 - haproxy 20737 - - " + ACCESS);
        assertThat(encode(SyslogFormat.SHORT, Severity.INFO, t, HAPROXY, ACCESS, 1024)).isEqualTo("<6>" + ACCESS);
        assertThat(encode(SyslogFormat.RAW, Severity.INFO, t, HAPROXY, ACCESS, 1024)).isEqualTo(ACCESS);
        assertThat(encode(SyslogFormat.ISO, Severity.INFO, t, HAPROXY, ACCESS, 1024))
                .isEqualTo("2026-11-23T20:29:15.833923+00:00 " + ACCESS);
        assertThat(encode(SyslogFormat.TIMED, Severity.INFO, t, HAPROXY, ACCESS, 1024))
                .isEqualTo("<6>2026-11-23T20:29:15.833923+00:00 " + ACCESS);
        assertThat(encode(SyslogFormat.PRIORITY, Severity.INFO, t, HAPROXY, ACCESS, 1024)).isEqualTo("<134>" + ACCESS);
        assertThat(encode(SyslogFormat.LOCAL, Severity.INFO, t, HAPROXY, ACCESS, 1024))
                .isEqualTo("<134>Nov 23 20:29:15 haproxy[20737]: " + ACCESS);
    }

    @Test
    void aWarningCarriesItsLevelInEveryFormat() {
        String stop = "Proxy fe stopped (cumulated conns: FE: 1, BE: 1).";
        String t = "2026-11-23T20:29:16.136146+00:00";
        assertThat(encode(SyslogFormat.RFC3164, Severity.WARNING, t, HAPROXY, stop, 1024))
                .isEqualTo("<132>Nov 23 20:29:16 localhost haproxy[20737]: " + stop);
        assertThat(encode(SyslogFormat.RFC5424, Severity.WARNING, t, HAPROXY, stop, 1024))
                .isEqualTo("<132>1 2026-11-23T20:29:16.136146+00:00 - haproxy 20737 - - " + stop);
        assertThat(encode(SyslogFormat.SHORT, Severity.WARNING, t, HAPROXY, stop, 1024)).isEqualTo("<4>" + stop);
        assertThat(encode(SyslogFormat.TIMED, Severity.WARNING, t, HAPROXY, stop, 1024))
                .isEqualTo("<4>2026-11-23T20:29:16.136146+00:00 " + stop);
        assertThat(encode(SyslogFormat.PRIORITY, Severity.WARNING, t, HAPROXY, stop, 1024)).isEqualTo("<132>" + stop);
    }

    @Test
    void lenCutsHeaderAndMessageTogether() {
        String t = "2026-11-23T20:29:15.833945+00:00";
        assertThat(encode(SyslogFormat.RFC5424, Severity.INFO, t, HAPROXY, ACCESS, 80))
                .isEqualTo("<134>1 2026-11-23T20:29:15.833945+00:00 - haproxy 20737 - - 127.0.0.1:48796 [23/")
                .hasSize(80);
        assertThat(encode(SyslogFormat.RFC3164, Severity.INFO, t, HAPROXY, ACCESS, 80))
                .isEqualTo("<134>Nov 23 20:29:15 localhost haproxy[20737]: 127.0.0.1:48796 [23/Nov/2026:20:2");
    }

    @Test
    void logTagAndLogSendHostnameAsHaproxySendsThem() {
        LogIdentity id = new LogIdentity("mytag", "myhost", 20968);
        String t = "2026-11-23T20:29:33.983305+00:00";
        String msg = "127.0.0.1:48250 [23/Nov/2026:20:29:33.983] fe fe/<NOSRV> -1/-1/-1/-1/0 503 217 - - SC-- "
                + "1/1/0/0/0 0/0 \"GET /x HTTP/1.1\"";
        assertThat(encode(SyslogFormat.RFC3164, Severity.INFO, t, id, msg, 1024))
                .isEqualTo("<134>Nov 23 20:29:33 myhost mytag[20968]: " + msg);
        assertThat(encode(SyslogFormat.RFC5424, Severity.INFO, t, id, msg, 1024))
                .isEqualTo("<134>1 2026-11-23T20:29:33.983305+00:00 myhost mytag 20968 - - " + msg);
        // an explicit "format local" keeps no hostname even with log-send-hostname
        assertThat(encode(SyslogFormat.LOCAL, Severity.INFO, t, id, msg, 1024))
                .isEqualTo("<134>Nov 23 20:29:33 mytag[20968]: " + msg);
        assertThat(encode(SyslogFormat.RFC5424, Severity.INFO, t, id, msg, 80))
                .isEqualTo("<134>1 2026-11-23T20:29:33.983305+00:00 myhost mytag 20968 - - 127.0.0.1:48250 [");
    }

    @Test
    void rfc3164PadsTheDayWithASpaceAndUsesTheMessagesOffset() {
        assertThat(encode(SyslogFormat.LOCAL, Severity.ALERT, "2026-03-05T07:08:09.000001+01:00", HAPROXY, "x", 1024))
                .isEqualTo("<129>Mar  5 07:08:09 haproxy[20737]: x");
        assertThat(encode(SyslogFormat.ISO, Severity.ALERT, "2026-03-05T07:08:09.000001-05:30", HAPROXY, "x", 1024))
                .isEqualTo("2026-03-05T07:08:09.000001-05:30 x");
    }

    @Test
    void rfc5424CarriesStructuredDataWhenGiven() {
        byte[] bytes = SyslogFormat.RFC5424.encode(Facility.LOCAL1, Severity.NOTICE,
                OffsetDateTime.parse("2026-11-23T19:30:00.123456+00:00"), HAPROXY.withHostname("host"),
                "[exampleSDID@32473 iut=\"3\"]", "msg", 1024);
        assertThat(new String(bytes, StandardCharsets.UTF_8))
                .isEqualTo("<141>1 2026-11-23T19:30:00.123456+00:00 host haproxy 20737 - [exampleSDID@32473 iut=\"3\"] msg");
    }

    @Test
    void formatsAreLookedUpByTheirConfigurationNames() {
        for (SyslogFormat f : SyslogFormat.values()) {
            assertThat(SyslogFormat.named(f.keyword())).isSameAs(f);
        }
        assertThatThrownBy(() -> SyslogFormat.named("rfc3165"))
                .hasMessageContaining("'rfc3165'").hasMessageContaining("rfc5424");
    }
}
