package io.tollgate.logship;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HAProxy tutorial's syslog setup with Debian's real rsyslogd, started by this test as the
 * current user on loopback ports: {@code local0.*} to one file, {@code local1.warning} to another,
 * messages over UDP (the tutorial's {@code log 127.0.0.1 local0 info}) and over TCP with octet
 * counting. Fails when rsyslogd is not installed ({@code bin/test} installs it).
 */
class RsyslogTest {

    private static final Path RSYSLOGD = Path.of("/usr/sbin/rsyslogd");

    @TempDir
    Path dir;

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return s.getLocalPort();
        }
    }

    private static int freeTcpPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void rsyslogSortsTheMessagesByFacilityAndLevel() throws Exception {
        assertThat(Files.isExecutable(RSYSLOGD)).as("rsyslogd is installed (apt-get install rsyslog)").isTrue();
        int udp = freeUdpPort();
        int tcp = freeTcpPort();
        Path all = dir.resolve("haproxy.log");
        Path warn = dir.resolve("haproxy_warn.log");
        Path conf = dir.resolve("rsyslog.conf");
        Files.writeString(conf, String.join("\n",
                "global(workDirectory=\"" + dir + "\")",
                "module(load=\"imudp\")",
                "module(load=\"imtcp\")",
                "input(type=\"imudp\" address=\"127.0.0.1\" port=\"" + udp + "\")",
                "input(type=\"imtcp\" address=\"127.0.0.1\" port=\"" + tcp + "\")",
                "template(name=\"plain\" type=\"string\" string=\"%syslogfacility-text%.%syslogseverity-text% "
                        + "%programname%[%procid%]:%msg:::sp-if-no-1st-sp%%msg:::drop-last-lf%\\n\")",
                "local0.* action(type=\"omfile\" file=\"" + all + "\" template=\"plain\")",
                "local1.warning action(type=\"omfile\" file=\"" + warn + "\" template=\"plain\")",
                ""));
        Process rsyslogd = new ProcessBuilder(RSYSLOGD.toString(), "-n", "-f", conf.toString(),
                "-i", dir.resolve("rsyslogd.pid").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("rsyslogd.out").toFile()).start();
        try (LogShipper shipper = new LogShipper(1000, Clock.systemDefaultZone(), p -> { })) {
            LogRoute probe = Routes.of("127.0.0.1:" + udp + " local0");
            // rsyslogd is ready once a probe comes out in the file
            boolean ready = false;
            for (int i = 0; i < 200 && !ready; i++) {
                shipper.offer(probe, Severity.INFO, "probe");
                Thread.sleep(50);
                ready = Files.exists(all) && Files.readString(all).contains("probe");
            }
            assertThat(ready).as("rsyslogd wrote a probe; its output: %s", output(dir)).isTrue();
            // probes sent before rsyslogd listened were refused (ICMP) and counted as dropped
            long droppedBefore = shipper.dropped();

            LogRoute tutorial = Routes.of("127.0.0.1:" + udp + " local0 info", "127.0.0.1:" + udp + " local1 warning",
                    "tcp@127.0.0.1:" + tcp + " format rfc5424 local0 debug");
            shipper.offer(tutorial, Severity.INFO, "GET /ms1/demo.html");
            shipper.offer(tutorial, Severity.DEBUG, "only over tcp");
            shipper.offer(tutorial, Severity.NOTICE, "Server ms1/srv1 is UP");
            shipper.offer(tutorial, Severity.ALERT, "Server ms1/srv1 is DOWN");
            shipper.offer(tutorial, Severity.WARNING, "Proxy ms1 stopped");

            List<String> expectedAll = List.of(
                    "local0.info tollgate[4242]: GET /ms1/demo.html",
                    "local0.info tollgate[4242]: GET /ms1/demo.html",
                    "local0.debug tollgate[4242]: only over tcp",
                    "local0.notice tollgate[4242]: Server ms1/srv1 is UP",
                    "local0.notice tollgate[4242]: Server ms1/srv1 is UP",
                    "local0.alert tollgate[4242]: Server ms1/srv1 is DOWN",
                    "local0.alert tollgate[4242]: Server ms1/srv1 is DOWN",
                    "local0.warning tollgate[4242]: Proxy ms1 stopped",
                    "local0.warning tollgate[4242]: Proxy ms1 stopped");
            List<String> expectedWarn = List.of(
                    "local1.alert tollgate[4242]: Server ms1/srv1 is DOWN",
                    "local1.warning tollgate[4242]: Proxy ms1 stopped");
            List<String> gotAll = List.of();
            List<String> gotWarn = List.of();
            for (int i = 0; i < 200; i++) {
                gotAll = Files.readAllLines(all).stream().filter(l -> !l.endsWith("probe")).toList();
                gotWarn = Files.exists(warn) ? Files.readAllLines(warn) : List.of();
                if (gotAll.size() >= expectedAll.size() && gotWarn.size() >= expectedWarn.size()) {
                    break;
                }
                Thread.sleep(50);
            }
            // UDP and TCP arrive by different paths, so local0's order is not fixed
            assertThat(gotAll).containsExactlyInAnyOrderElementsOf(expectedAll);
            assertThat(gotWarn).containsExactlyElementsOf(expectedWarn);
            assertThat(shipper.dropped()).isEqualTo(droppedBefore);
        } finally {
            rsyslogd.destroy();
            if (!rsyslogd.waitFor(10, TimeUnit.SECONDS)) {
                rsyslogd.destroyForcibly();
            }
        }
    }

    private static String output(Path dir) throws IOException {
        Path out = dir.resolve("rsyslogd.out");
        return Files.exists(out) ? Files.readString(out) : "(none)";
    }
}
