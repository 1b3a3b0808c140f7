package io.tollgate.logship;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's haproxy 2.6.12 and {@link SyslogFormat} side by side: haproxy sends a TCP frontend's
 * connection log ({@code Connect from ...}, info) and its soft-stop message ({@code Proxy fe
 * stopped ...}, warning) to one loopback UDP port per format; each datagram must equal what Tollgate renders for the same message, pid and time stamp (read back
 * from the datagram), framing included. Fails when haproxy is not installed.
 */
class HaproxySideBySideTest {

    private static final Path HAPROXY = Path.of("/usr/sbin/haproxy");
    private static final Pattern ISO = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}[+-]\\d\\d:\\d\\d");
    private static final Pattern BSD = Pattern.compile("^<\\d+>(\\w{3}) ([ \\d]\\d) (\\d\\d):(\\d\\d):(\\d\\d) ");
    private static final List<String> MONTHS = List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
            "Oct", "Nov", "Dec");

    @TempDir
    Path dir;

    @Test
    void everyFormatWithHaproxysDefaults() throws Exception {
        compare("", LogIdentity.defaults(), SyslogFormat.values());
    }

    @Test
    void logTagAndLogSendHostname() throws Exception {
        compare("  log-send-hostname myhost\n  log-tag mytag\n", new LogIdentity("mytag", "myhost", 0),
                SyslogFormat.RFC3164, SyslogFormat.RFC5424, SyslogFormat.LOCAL, SyslogFormat.RAW);
    }

    private void compare(String globalExtra, LogIdentity identity, SyslogFormat... formats) throws Exception {
        assertThat(Files.isExecutable(HAPROXY)).as("haproxy is installed (apt-get install haproxy)").isTrue();
        Map<SyslogFormat, DatagramSocket> sockets = new LinkedHashMap<>();
        try {
            StringBuilder config = new StringBuilder("global\n").append(globalExtra);
            for (SyslogFormat f : formats) {
                DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                s.setSoTimeout(10_000);
                sockets.put(f, s);
                config.append("  log 127.0.0.1:").append(s.getLocalPort()).append(" len 1024 format ")
                        .append(f.keyword()).append(" local0\n");
            }
            int port;
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = probe.getLocalPort();
            }
            config.append("defaults\n  mode tcp\n  timeout client 1s\n  timeout server 1s\n  timeout connect 1s\n")
                    .append("frontend fe\n  bind 127.0.0.1:").append(port).append("\n  log global\n");
            Path cfg = dir.resolve("haproxy.cfg");
            Files.writeString(cfg, config);
            Process haproxy = new ProcessBuilder(HAPROXY.toString(), "-db", "-f", cfg.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("haproxy.out").toFile()).start();
            try {
                awaitListening(port);
                Process kill = new ProcessBuilder("kill", "-USR1", Long.toString(haproxy.pid())).start();
                assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
                LogIdentity id = new LogIdentity(identity.tag(), identity.hostname(), haproxy.pid());
                // the raw format's datagrams are the bare messages the other formats wrap
                DatagramSocket raw = sockets.get(SyslogFormat.RAW);
                String connect = receive(raw);
                String stopped = receive(raw);
                assertThat(connect).startsWith("Connect from 127.0.0.1:").endsWith(" (fe/TCP)\n");
                assertThat(stopped).startsWith("Proxy fe stopped (cumulated conns: FE: 1, ");
                for (Map.Entry<SyslogFormat, DatagramSocket> e : sockets.entrySet()) {
                    if (e.getKey() == SyslogFormat.RAW) {
                        continue;
                    }
                    for (String[] expected : new String[][] {{"INFO", connect}, {"WARNING", stopped}}) {
                        String datagram = receive(e.getValue());
                        String message = expected[1].substring(0, expected[1].length() - 1);
                        byte[] ours = e.getKey().encode(Facility.LOCAL0, Severity.valueOf(expected[0]), timeOf(datagram),
                                id, null, message, 1024);
                        assertThat(new String(ours, StandardCharsets.UTF_8) + "\n").as(e.getKey().keyword())
                                .isEqualTo(datagram);
                    }
                }
            } finally {
                haproxy.destroy();
                if (!haproxy.waitFor(10, TimeUnit.SECONDS)) {
                    haproxy.destroyForcibly();
                }
            }
        } finally {
            sockets.values().forEach(DatagramSocket::close);
        }
    }

    private static void awaitListening(int port) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("haproxy did not listen on " + port);
    }

    private static String receive(DatagramSocket socket) throws IOException {
        byte[] buf = new byte[70000];
        DatagramPacket packet = new DatagramPacket(buf, buf.length);
        socket.receive(packet);
        return new String(buf, 0, packet.getLength(), StandardCharsets.UTF_8);
    }

    /** The time stamp haproxy put in the datagram (now, for the formats that carry none). */
    private static OffsetDateTime timeOf(String datagram) {
        Matcher iso = ISO.matcher(datagram);
        if (iso.find()) {
            return OffsetDateTime.parse(iso.group());
        }
        Matcher bsd = BSD.matcher(datagram);
        if (bsd.find()) {
            LocalDateTime t = LocalDateTime.of(LocalDateTime.now().getYear(), MONTHS.indexOf(bsd.group(1)) + 1,
                    Integer.parseInt(bsd.group(2).trim()), Integer.parseInt(bsd.group(3)),
                    Integer.parseInt(bsd.group(4)), Integer.parseInt(bsd.group(5)));
            return t.atZone(ZoneId.systemDefault()).toOffsetDateTime();
        }
        return OffsetDateTime.now();
    }
}
