package io.tollgate.engine.net;

import io.tollgate.engine.check.HaproxyProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.tollgate.engine.net.RunningEngine.freePort;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same requests through Debian's HAProxy 2.6 and through Tollgate, with {@code option httplog},
 * {@code option httplog clf} and {@code option tcplog}: HAProxy's lines are received on a UDP
 * socket of the test, Tollgate's from its sink, and the messages (after the syslog header) must
 * have the same fields in the same places; only dates, client ports and timers are masked.
 */
class AccessLogSideBySideTest {
    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
    }

    /** One proxy's listening ports. */
    private record Ports(int http, int clf, int tcp, int custom, int stats) {
        static Ports free() throws IOException {
            return new Ports(freePort(), freePort(), freePort(), freePort(), freePort());
        }
    }

    /** Most variables at once (not those that differ by nature: ports, dates, timers, pid, counters). */
    private static final String CUSTOM = "custom %ci %f %ft %b %s %si %sp %ST %B %U %ts %tsc %ac/%fc/%bc/%sc/%rc %sq %bq "
            + "%hr %hrl %{+Q}hrl %{+Q}r %HM %HU %HP %HPO %HQ %HV %ID %H %lc %CC %{+Q}CS %{+X}si:%{+X}sp %{+Q}f %[src] "
            + "%[method] %{+Q}[ssl_fc] %%";

    private static String config(Ports p, int syslog, int upstream, int echo) {
        return """
                global
                    log 127.0.0.1:%d local0
                defaults
                    log global
                    timeout connect 2s
                    timeout client 10s
                    timeout server 10s
                frontend fe_http
                    mode http
                    bind 127.0.0.1:%d
                    option httplog
                    capture request header Host len 4
                    capture response header Content-Length len 10
                    http-request deny if { path /deny }
                    use_backend be_none if { path /none }
                    default_backend be_app
                frontend fe_clf
                    mode http
                    bind 127.0.0.1:%d
                    option httplog clf
                    default_backend be_app
                frontend fe_custom
                    mode http
                    bind 127.0.0.1:%d
                    capture request header Host len 4
                    capture request header X-Missing len 4
                    log-format "%s"
                    default_backend be_app
                frontend fe_tcp
                    mode tcp
                    bind 127.0.0.1:%d
                    option tcplog
                    default_backend be_tcp
                backend be_app
                    mode http
                    server s1 127.0.0.1:%d
                backend be_none
                    mode http
                backend be_tcp
                    mode tcp
                    server t1 127.0.0.1:%d
                listen stats
                    mode http
                    bind 127.0.0.1:%d
                    no log
                    stats enable
                    stats uri /
                """.formatted(syslog, p.http, p.clf, p.custom, CUSTOM, p.tcp, upstream, echo, p.stats);
    }

    /** Receives HAProxy's datagrams and keeps their messages, without the syslog header. */
    private static final class SyslogReceiver implements AutoCloseable {
        final DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        final List<String> messages = new CopyOnWriteArrayList<>();

        SyslogReceiver() throws SocketException {
            Thread t = new Thread(this::receive, "syslog-receiver");
            t.setDaemon(true);
            t.start();
        }

        private void receive() {
            byte[] buf = new byte[65536];
            while (!socket.isClosed()) {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                try {
                    socket.receive(p);
                } catch (IOException closed) {
                    return;
                }
                String datagram = new String(p.getData(), 0, p.getLength(), StandardCharsets.ISO_8859_1);
                // "<134>Nov 23 20:48:04 haproxy[2040]: message\n"
                int start = datagram.indexOf("]: ");
                String message = datagram.substring(start + 3).replaceAll("\n$", "");
                if (message.startsWith("127.0.0.1") || message.startsWith("custom ")) {
                    // not its event lines ("Proxy fe_http started.")
                    messages.add(message);
                }
            }
        }

        List<String> await(int count) {
            long end = System.nanoTime() + 10_000_000_000L;
            while (messages.size() < count) {
                if (System.nanoTime() > end) {
                    throw new AssertionError("expected " + count + " lines from haproxy, got " + messages);
                }
                RunningEngine.sleep(10);
            }
            return List.copyOf(messages);
        }

        @Override
        public void close() {
            socket.close();
        }
    }

    /**
     * The traffic, sent to one proxy; after each step it waits for the line ({@code logged}),
     * and after each connection for the proxy to have seen it close ({@code settled}), so that
     * the connection counts of the next line do not depend on timing.
     */
    private interface Traffic {
        void send(Ports p, Runnable logged, Runnable settled) throws Exception;
    }

    private static final Traffic TRAFFIC = (p, logged, settled) -> {
        try (RawHttp c = new RawHttp(p.http)) {
            c.send("GET /some/path?q=1 HTTP/1.1\r\nHost: example\r\n\r\n");
            c.read(false);
            logged.run();
            c.send("GET /big?bytes=100&chunked=1 HTTP/1.1\r\nHost: x\r\n\r\n");
            c.read(false);
            logged.run();
            c.send("GET /none HTTP/1.1\r\nHost: x\r\n\r\n");
            c.read(false);
            logged.run();
            c.send("GET /deny HTTP/1.1\r\nHost: x\r\n\r\n");
            c.read(false);
            logged.run();
        }
        settled.run();
        try (RawHttp c = new RawHttp(p.http)) {
            c.send("GET / HTTP/1.1\r\nHost x\r\n\r\n");
            c.read(false);
            logged.run();
        }
        settled.run();
        try (RawHttp c = new RawHttp(p.clf)) {
            c.send("GET /clf HTTP/1.1\r\nHost: x\r\n\r\n");
            c.read(false);
            logged.run();
        }
        settled.run();
        try (RawHttp c = new RawHttp(p.custom)) {
            c.send("GET /c/d?x=1&y=%7B HTTP/1.1\r\nHost: example\r\n\r\n");
            c.read(false);
            logged.run();
            c.send("POST /upload HTTP/1.1\r\nHost: ex\r\nContent-Length: 11\r\n\r\nhello world");
            c.read(false);
            logged.run();
            c.send("GET /none HTTP/1.1\r\nHost: ex\r\n\r\n");
            c.read(false);
            logged.run();
        }
        settled.run();
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), p.tcp)) {
            s.getOutputStream().write("hello".getBytes(StandardCharsets.US_ASCII));
            assertThat(s.getInputStream().readNBytes(5)).hasSize(5);
        }
        logged.run();
    };

    @Test
    void haproxyAndTollgateWriteTheSameFieldsInTheSamePlaces() throws Exception {
        Upstream upstream = new Upstream("s1");
        closing.add(upstream);
        TcpTestServer echo = new TcpTestServer(TcpTestServer.Mode.ECHO);
        closing.add(echo);
        SyslogReceiver syslog = new SyslogReceiver();
        closing.add(syslog);

        Ports hp = Ports.free();
        HaproxyProcess haproxy = HaproxyProcess.start(config(hp, syslog.socket.getLocalPort(), upstream.port(), echo.port()),
                hp.stats);
        closing.add(haproxy);
        int[] expected = {0};
        TRAFFIC.send(hp, () -> syslog.await(++expected[0]), () -> settle(() -> haproxy.csv()));
        List<String> theirs = syslog.await(expected[0]);

        Ports tp = Ports.free();
        CapturedLog log = new CapturedLog();
        RunningEngine engine = RunningEngine.start(config(tp, syslog.socket.getLocalPort(), upstream.port(), echo.port()), log);
        closing.add(engine);
        // HAProxy's line counts the test's open connection to its stats page in actconn: so does this one
        RawHttp stats = new RawHttp(tp.stats);
        closing.add(stats);
        assertThat(stats.get("/;csv").status()).isEqualTo(200);
        int[] count = {0};
        TRAFFIC.send(tp, () -> {
            try {
                log.await(++count[0]);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }, () -> settle(engine::csv));
        List<String> ours = log.await(count[0]).stream().map(CapturedLog.Line::message).toList();

        assertThat(ours.stream().map(AccessLogSideBySideTest::masked).toList())
                .as("Tollgate's lines %s%nHAProxy's lines %s", ours, theirs)
                .containsExactlyElementsOf(theirs.stream().map(AccessLogSideBySideTest::masked).toList());
    }

    /** Stats CSV rows by {@code px/sv}. */
    private interface Csv {
        java.util.Map<String, java.util.Map<String, String>> rows() throws Exception;
    }

    /** Waits (boundedly) until no client connection is open on the three frontends. */
    private static void settle(Csv csv) {
        long end = System.nanoTime() + 10_000_000_000L;
        try {
            while (!List.of("fe_http", "fe_clf", "fe_custom", "fe_tcp").stream()
                    .allMatch(fe -> rowsOf(csv).get(fe + "/FRONTEND").get("scur").equals("0"))) {
                if (System.nanoTime() > end) {
                    throw new AssertionError("frontends still have sessions: " + rowsOf(csv));
                }
                RunningEngine.sleep(10);
            }
        } catch (RuntimeException e) {
            throw e;
        }
    }

    private static java.util.Map<String, java.util.Map<String, String>> rowsOf(Csv csv) {
        try {
            return csv.rows();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Dates, the client's port and the timers masked: the rest must be equal. */
    static String masked(String line) {
        String s = line.replaceAll("\\[[^\\]]*]", "[DATE]").replaceFirst("^127\\.0\\.0\\.1:\\d+", "127.0.0.1:PORT");
        String[] t = s.split(" ", -1);
        if (s.startsWith("custom ")) {
            return s;
        }
        if (s.startsWith("127.0.0.1:PORT")) {
            // httplog and tcplog: the timers follow backend/server
            t[4] = t[4].replaceAll("\\d+", "N");
        } else {
            // clf: %cp %ms before the quoted frontend, %TR %Tw %Tc %Tr %Ta after the quoted server
            int fe = List.of(t).indexOf("\"fe_clf\"");
            t[fe - 1] = "MS";
            t[fe - 2] = "PORT";
            for (int i = fe + 3; i < fe + 8; i++) {
                t[i] = t[i].replaceAll("\\d+", "N");
            }
        }
        return String.join(" ", t);
    }
}
