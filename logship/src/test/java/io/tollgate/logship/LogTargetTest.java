package io.tollgate.logship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LogTargetTest {

    private static LogTarget parse(String line) {
        return LogTarget.parse(Arrays.asList(line.split(" ")));
    }

    @Test
    void theTutorialsTwoLines() {
        LogTarget info = parse("127.0.0.1 local0 info");
        assertThat(info.endpoint()).isEqualTo(new Endpoint.Udp("127.0.0.1", 514));
        assertThat(info.facility()).isSameAs(Facility.LOCAL0);
        assertThat(info.maxLevel()).isSameAs(Severity.INFO);
        assertThat(info.minLevel()).isSameAs(Severity.EMERG);
        assertThat(info.format()).isSameAs(SyslogFormat.LOCAL);
        assertThat(info.maxLength()).isEqualTo(1024);
        assertThat(info.sampling()).isNull();
        LogTarget warn = parse("/dev/log local1 warning");
        assertThat(warn.endpoint()).isEqualTo(new Endpoint.UnixDatagram(Path.of("/dev/log")));
        assertThat(warn.accepts(Severity.ERR)).isTrue();
        assertThat(warn.accepts(Severity.NOTICE)).isFalse();
    }

    @Test
    void haproxysTargetWords() {
        assertThat(parse("10.0.0.1:1514 local0").endpoint()).isEqualTo(new Endpoint.Udp("10.0.0.1", 1514));
        assertThat(parse("udp@10.0.0.1:1514 local0").endpoint()).isEqualTo(new Endpoint.Udp("10.0.0.1", 1514));
        assertThat(parse("ipv4@10.0.0.1 local0").endpoint()).isEqualTo(new Endpoint.Udp("10.0.0.1", 514));
        assertThat(parse("ipv6@::1:1514 local0").endpoint()).isEqualTo(new Endpoint.Udp("::1", 1514));
        assertThat(parse("[::1]:1514 local0").endpoint()).isEqualTo(new Endpoint.Udp("::1", 1514));
        assertThat(parse("tcp@127.0.0.1:601 local0").endpoint()).isEqualTo(new Endpoint.Tcp("127.0.0.1", 601));
        assertThat(parse("unix@/run/log.sock local0").endpoint())
                .isEqualTo(new Endpoint.UnixDatagram(Path.of("/run/log.sock")));
        assertThat(parse("stdout format raw daemon").endpoint()).isEqualTo(new Endpoint.StandardStream(1));
        assertThat(parse("stderr local0").endpoint()).isEqualTo(new Endpoint.StandardStream(2));
        assertThat(parse("fd@1 local0").endpoint()).isEqualTo(new Endpoint.StandardStream(1));
    }

    @Test
    void lenFormatSampleAndLevels() {
        LogTarget t = parse("127.0.0.1:514 len 2048 format rfc5424 sample 1-2,5:6 local3 notice err");
        assertThat(t.maxLength()).isEqualTo(2048);
        assertThat(t.format()).isSameAs(SyslogFormat.RFC5424);
        assertThat(t.sampling().size()).isEqualTo(6);
        assertThat(t.facility()).isSameAs(Facility.LOCAL3);
        assertThat(t.maxLevel()).isSameAs(Severity.NOTICE);
        assertThat(t.minLevel()).isSameAs(Severity.ERR);
        assertThat(t.levelFor(Severity.EMERG)).isSameAs(Severity.ERR);
        assertThat(t.levelFor(Severity.WARNING)).isSameAs(Severity.WARNING);
    }

    @Test
    void fileTargetsWithRotation() {
        LogTarget t = parse("file@/var/log/tollgate.log rotate daily keep 7 compress dateext local0 info");
        assertThat(t.endpoint()).isEqualTo(new Endpoint.File(Path.of("/var/log/tollgate.log"),
                new Rotation(0, Rotation.Period.DAILY, 7, true, true)));
        assertThat(((Endpoint.File) parse("file@/tmp/a.log rotate size 10m rotate hourly local0").endpoint()).rotation())
                .isEqualTo(new Rotation(10L << 20, Rotation.Period.HOURLY, 7, false, false));
        assertThat(((Endpoint.File) parse("file@a.log format iso rotate size 512k keep 2 local0").endpoint()).rotation())
                .isEqualTo(new Rotation(512L << 10, Rotation.Period.NONE, 2, false, false));
        assertThat(((Endpoint.File) parse("file@a.log local0").endpoint()).rotation()).isEqualTo(Rotation.none());
    }

    @Test
    void errorsNameTheBadWord() {
        // HAProxy 2.6's words where it refuses the same line
        assertThatThrownBy(() -> parse("127.0.0.1 lcoal0")).hasMessage("unknown log facility 'lcoal0'");
        assertThatThrownBy(() -> parse("127.0.0.1 lenn 100 local0")).hasMessage("unknown log facility 'lenn'");
        assertThatThrownBy(() -> parse("file@a.log rotat daily local0")).hasMessageStartingWith(
                "unknown log facility 'rotat' (expected len, format, sample, rotate, keep, compress, dateext");
        assertThatThrownBy(() -> parse("127.0.0.1 local0 inf")).hasMessage("unknown optional log level 'inf'");
        assertThatThrownBy(() -> parse("127.0.0.1 local0 info inf"))
                .hasMessage("unknown optional minimum log level 'inf'");
        assertThatThrownBy(() -> parse("127.0.0.1 local0 info debug extra"))
                .hasMessage("cannot handle unexpected argument 'extra'");
        assertThatThrownBy(() -> parse("127.0.0.1 len 10 local0"))
                .hasMessage("invalid log length '10', must be between 80 and 65535");
        assertThatThrownBy(() -> parse("127.0.0.1 format json local0")).hasMessage("unknown log format 'json'");
        assertThatThrownBy(() -> parse("127.0.0.1 sample 3:2 local0")).hasMessageContaining("'3:2'");
        assertThatThrownBy(() -> parse("127.0.0.1 rotate daily local0")).hasMessageContaining("'rotate'")
                .hasMessageContaining("file@");
        assertThatThrownBy(() -> parse("file@a.log rotate weekly local0")).hasMessageContaining("'weekly'");
        assertThatThrownBy(() -> parse("file@a.log rotate size 10x local0")).hasMessageContaining("'10x'");
        assertThatThrownBy(() -> parse("tcp@127.0.0.1 local0")).hasMessageContaining("'tcp@127.0.0.1'")
                .hasMessageContaining("port");
        assertThatThrownBy(() -> parse("127.0.0.1:99999 local0")).hasMessageContaining("'99999'");
        assertThatThrownBy(() -> parse("ring@buf local0")).hasMessageContaining("'ring@buf'");
        assertThatThrownBy(() -> parse("127.0.0.1 len 2048")).hasMessageContaining("facility");
        assertThatThrownBy(() -> LogTarget.parse(java.util.List.of())).hasMessageContaining("target");
    }

    @Test
    void samplingKeepsThePositionsInTheRangesOfEachWindow() {
        Sampling everyOther = Sampling.parse("1:2");
        assertThat(everyOther.accepts(0)).isTrue();
        assertThat(everyOther.accepts(1)).isFalse();
        assertThat(everyOther.accepts(2)).isTrue();
        Sampling s = Sampling.parse("1-3,7:10");
        StringBuilder kept = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            kept.append(s.accepts(i) ? 'x' : '.');
        }
        assertThat(kept).hasToString("xxx...x...xxx...x...");
        assertThatThrownBy(() -> Sampling.parse("0:2")).hasMessageContaining("'0'");
        assertThatThrownBy(() -> Sampling.parse("1-2")).hasMessageContaining("'1-2'");
    }

    @Test
    void onlyATargetWithoutAGivenFormatTakesTheDefaultOfLogSendHostname() {
        LogTarget unset = parse("127.0.0.1 local0 info");
        LogTarget switched = unset.withDefaultFormat(SyslogFormat.RFC3164);
        assertThat(switched.format()).isSameAs(SyslogFormat.RFC3164);
        assertThat(switched.endpoint()).isEqualTo(unset.endpoint());
        assertThat(switched.facility()).isSameAs(Facility.LOCAL0);
        assertThat(switched.maxLevel()).isSameAs(Severity.INFO);
        LogTarget local = parse("127.0.0.1 format local local0");
        assertThat(local.withDefaultFormat(SyslogFormat.RFC3164)).isSameAs(local);
        LogTarget iso = parse("127.0.0.1 format iso local0");
        assertThat(iso.withDefaultFormat(SyslogFormat.RFC3164).format()).isSameAs(SyslogFormat.ISO);
    }
}
