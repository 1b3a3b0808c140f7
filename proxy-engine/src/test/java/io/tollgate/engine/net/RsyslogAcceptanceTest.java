package io.tollgate.engine.net;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.tollgate.engine.net.RunningEngine.freePort;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8's acceptance test: Tollgate logging to Debian's real rsyslogd set up as the HAProxy
 * tutorial does, {@code local0.*} to one file and {@code local1.*} to another, with Tollgate's
 * global {@code log ... local0} and {@code log ... local1 warning} and {@code log global} in its
 * proxies. Known traffic (requests, a bad request) and a server lost and found by its check must
 * come out as exactly the expected lines, with their facility and level; the local1 file only
 * holds warning and above. Over UDP (imudp) and over TCP (imtcp, octet-counted frames).
 * rsyslogd runs as this user on loopback ports with its work directory in a temporary one;
 * the test fails when it is not installed.
 */
class RsyslogAcceptanceTest {
    private static final Path RSYSLOGD = Path.of("/usr/sbin/rsyslogd");
    private static final int REQUESTS = 5;
    private static final String TAG = "tollgate[" + ProcessHandle.current().pid() + "]: ";
    private static final String ACCEPT_DATE = "\\[\\d\\d/\\w{3}/\\d{4}:\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\]";

    @TempDir
    Path dir;

    @Test
    void overUdp() throws Exception {
        run("");
    }

    @Test
    void overTcp() throws Exception {
        run("tcp@");
    }

    private void run(String prefix) throws Exception {
        assertThat(Files.isExecutable(RSYSLOGD)).as("rsyslogd is installed (apt-get install rsyslog)").isTrue();
        int udp = freeUdpPort();
        int tcp = freePort();
        Path local0 = dir.resolve("haproxy.log");
        Path local1 = dir.resolve("haproxy-admin.log");
        Path probes = dir.resolve("probes.log");
        Path conf = dir.resolve("rsyslog.conf");
        Files.writeString(conf, String.join("\n",
                "global(workDirectory=\"" + dir + "\")",
                "module(load=\"imudp\")",
                "module(load=\"imtcp\")",
                "input(type=\"imudp\" address=\"127.0.0.1\" port=\"" + udp + "\")",
                "input(type=\"imtcp\" address=\"127.0.0.1\" port=\"" + tcp + "\")",
                "template(name=\"plain\" type=\"string\" string=\"%syslogfacility-text%.%syslogseverity-text% "
                        + "%programname%[%procid%]:%msg:::sp-if-no-1st-sp%%msg:::drop-last-lf%\\n\")",
                "local0.* action(type=\"omfile\" file=\"" + local0 + "\" template=\"plain\")",
                "local1.* action(type=\"omfile\" file=\"" + local1 + "\" template=\"plain\")",
                "local7.* action(type=\"omfile\" file=\"" + probes + "\" template=\"plain\")",
                ""));
        Process rsyslogd = new ProcessBuilder(RSYSLOGD.toString(), "-n", "-f", conf.toString(),
                "-i", dir.resolve("rsyslogd.pid").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("rsyslogd.out").toFile()).start();
        try (RestartableHttpServer s1 = new RestartableHttpServer()) {
            awaitListening(udp, tcp, probes);
            int port = prefix.isEmpty() ? udp : tcp;
            int fe = freePort();
            try (RunningEngine engine = RunningEngine.start("""
                    global
                        log %1$s127.0.0.1:%2$d local0
                        log %1$s127.0.0.1:%2$d local1 warning
                    defaults
                        mode http
                        timeout connect 1s
                        timeout client 5s
                        timeout server 5s
                    frontend fe
                        bind 127.0.0.1:%3$d
                        log global
                        option httplog
                        default_backend be
                    backend be
                        log global
                        server s1 127.0.0.1:%4$d check inter 100 fall 1 rise 1
                    """.formatted(prefix, port, fe, s1.port()))) {
                for (int i = 0; i < REQUESTS; i++) {
                    try (RawHttp c = new RawHttp(fe)) {
                        assertThat(c.get("/item/" + i).status()).isEqualTo(200);
                    }
                }
                try (RawHttp c = new RawHttp(fe)) {
                    c.send("NOT A REQUEST\r\n\r\n");
                    assertThat(c.read(false).status()).isEqualTo(400);
                }
                awaitLines(local0, REQUESTS + 1);
                s1.stop();
                awaitLines(local0, REQUESTS + 3);
                s1.start();
                awaitLines(local0, REQUESTS + 4);
            }

            List<String> expected0 = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                expected0.add("local0\\.info " + quote(TAG) + "127\\.0\\.0\\.1:\\d+ " + ACCEPT_DATE
                        + " fe be/s1 \\d+/\\d+/\\d+/\\d+/\\d+ 200 \\d+ - - ---- \\d+/\\d+/\\d+/\\d+/0 0/0 \"GET /item/" + i + " HTTP/1\\.1\"");
            }
            expected0.add("local0\\.info " + quote(TAG) + "127\\.0\\.0\\.1:\\d+ " + ACCEPT_DATE
                    + " fe fe/<NOSRV> -1/-1/-1/-1/\\d+ 400 \\d+ - - PR-- \\d+/\\d+/\\d+/\\d+/0 0/0 \"<BADREQ>\"");
            String down = "Server be/s1 is DOWN, reason: Layer4 connection problem, info: \"Connection refused\", "
                    + "check duration: \\d+ms. 0 active and 0 backup servers left. 0 sessions active, 0 requeued, "
                    + "0 remaining in queue.";
            String empty = "backend be has no server available!";
            String up = "Server be/s1 is UP, reason: Layer4 check passed, check duration: \\d+ms. 1 active and 0 backup "
                    + "servers online. 0 sessions requeued, 0 total in queue.";
            expected0.add("local0\\.alert " + quote(TAG) + down.replace(".", "\\."));
            expected0.add("local0\\.emerg " + quote(TAG) + quote(empty));
            expected0.add("local0\\.notice " + quote(TAG) + up.replace(".", "\\."));
            List<String> expected1 = List.of(
                    "local1\\.alert " + quote(TAG) + down.replace(".", "\\."),
                    "local1\\.emerg " + quote(TAG) + quote(empty));

            awaitLines(local1, expected1.size());
            // a moment for a line that should not be there to show up
            RunningEngine.sleep(300);
            assertMatches(Files.readAllLines(local0), expected0);
            assertMatches(Files.readAllLines(local1), expected1);
        } finally {
            rsyslogd.destroy();
            if (!rsyslogd.waitFor(10, TimeUnit.SECONDS)) {
                rsyslogd.destroyForcibly();
            }
        }
    }

    private static String quote(String text) {
        return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]").replace(".", "\\.")
                .replace("!", "\\!").replace("(", "\\(").replace(")", "\\)");
    }

    private static void assertMatches(List<String> lines, List<String> patterns) {
        assertThat(lines).as("lines").hasSize(patterns.size());
        for (int i = 0; i < patterns.size(); i++) {
            assertThat(lines.get(i)).as("line %d of %s", i + 1, lines).matches(patterns.get(i));
        }
    }

    /** rsyslogd listens once a probe sent to each input came out in the probes file. */
    private void awaitListening(int udp, int tcp, Path probes) throws Exception {
        boolean ready = false;
        for (int i = 0; i < 200 && !ready; i++) {
            byte[] udpProbe = "<190>probe: udp\n".getBytes(StandardCharsets.US_ASCII);
            try (DatagramSocket s = new DatagramSocket()) {
                s.send(new DatagramPacket(udpProbe, udpProbe.length, InetAddress.getLoopbackAddress(), udp));
            }
            try (java.net.Socket s = new java.net.Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), tcp), 200);
                s.getOutputStream().write("<190>probe: tcp\n".getBytes(StandardCharsets.US_ASCII));
            } catch (IOException notYet) {
                // imtcp not listening yet
            }
            RunningEngine.sleep(50);
            if (Files.exists(probes)) {
                String text = Files.readString(probes);
                ready = text.contains("udp") && text.contains("tcp");
            }
        }
        assertThat(ready).as("rsyslogd took probes on both inputs; its output: %s", output()).isTrue();
    }

    /** Waits (about 10 s at most) for {@code count} lines in {@code file}, and returns what it holds. */
    private static List<String> awaitLines(Path file, int count) throws IOException {
        for (int i = 0; i < 200 && (!Files.exists(file) || Files.readAllLines(file).size() < count); i++) {
            RunningEngine.sleep(50);
        }
        List<String> lines = Files.exists(file) ? Files.readAllLines(file) : List.of();
        assertThat(lines).as("%s after waiting for %d lines", file.getFileName(), count).hasSizeGreaterThanOrEqualTo(count);
        return lines;
    }

    private String output() throws IOException {
        Path out = dir.resolve("rsyslogd.out");
        return Files.exists(out) ? Files.readString(out) : "(none)";
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return s.getLocalPort();
        }
    }
}
