package io.tollgate.engine.net;

import io.tollgate.engine.check.HaproxyProcess;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * HAProxy's soft stop (SIGUSR1) beside Tollgate's ({@code Engine.softStop}, which the console
 * runs on SIGUSR1), after the same connections: the same {@code Proxy ... stopped (cumulated
 * conns: ...)} lines at warning on each proxy's log targets, in configuration order; listeners
 * closed; an idle keep-alive connection closed by the proxy; a TCP session left to run until its
 * client ends it, and only then is nothing left.
 */
class SoftStopSideBySideTest {

    private static String config(int syslog, int stats, int web, int li, int tcp, int server) {
        return String.join("\n",
                "global",
                "    log 127.0.0.1:" + syslog + " local0",
                "defaults",
                "    mode http",
                "    log global",
                "    timeout connect 2s",
                "    timeout client 20s",
                "    timeout server 20s",
                "listen stats",
                "    bind 127.0.0.1:" + stats,
                "    no log",
                "    stats enable",
                "    stats uri /",
                "frontend web",
                "    bind 127.0.0.1:" + web,
                "    default_backend app",
                "listen li",
                "    bind 127.0.0.1:" + li,
                "    server s1 127.0.0.1:" + server,
                "listen relay",
                "    mode tcp",
                "    bind 127.0.0.1:" + tcp,
                "    server s1 127.0.0.1:" + server,
                "backend app",
                "    server s1 127.0.0.1:" + server,
                "backend quiet",
                "    no log",
                "    server s1 127.0.0.1:" + server,
                "");
    }

    @Test
    void softStopSaysWhatHaproxySaysAndLetsTheLastSessionFinish() throws Exception {
        try (RestartableHttpServer server = new RestartableHttpServer();
             SyslogReceiver haproxyLogs = new SyslogReceiver();
             SyslogReceiver tollgateLogs = new SyslogReceiver()) {
            int[] h = {RunningEngine.freePort(), RunningEngine.freePort(), RunningEngine.freePort(), RunningEngine.freePort()};
            int[] t = {RunningEngine.freePort(), RunningEngine.freePort(), RunningEngine.freePort(), RunningEngine.freePort()};

            List<String> fromHaproxy;
            try (HaproxyProcess haproxy = HaproxyProcess.start(
                    config(haproxyLogs.port(), h[0], h[1], h[2], h[3], server.port()), h[0])) {
                Connections held = traffic(h[1], h[2], h[3]);
                long pid = haproxy.process().pid();
                new ProcessBuilder("kill", "-USR1", Long.toString(pid)).start().waitFor(10, TimeUnit.SECONDS);
                held.assertIdleClosedAndRelayOpen();
                assertRefused(h[1]);
                assertThat(haproxy.process().isAlive()).as("haproxy waits for the relayed session").isTrue();
                held.endRelay();
                assertThat(haproxy.process().waitFor(10, TimeUnit.SECONDS)).as("haproxy exits once it is gone").isTrue();
                fromHaproxy = stoppedLines(haproxyLogs);
            }

            try (RunningEngine tollgate = RunningEngine.start(
                    config(tollgateLogs.port(), t[0], t[1], t[2], t[3], server.port()))) {
                Connections held = traffic(t[1], t[2], t[3]);
                tollgate.engine().softStop();
                held.assertIdleClosedAndRelayOpen();
                assertRefused(t[1]);
                assertThat(tollgate.engine().liveSessions()).as("the relayed session goes on").isEqualTo(1);
                held.endRelay();
                for (int i = 0; i < 200 && tollgate.engine().liveSessions() > 0; i++) {
                    RunningEngine.sleep(50);
                }
                assertThat(tollgate.engine().liveSessions()).isZero();
                List<String> fromTollgate = stoppedLines(tollgateLogs);

                assertThat(fromTollgate).containsExactlyElementsOf(fromHaproxy);
                assertThat(fromTollgate).containsExactly(
                        "<132>Proxy web stopped (cumulated conns: FE: 2, BE: 0).",
                        "<132>Proxy li stopped (cumulated conns: FE: 1, BE: 1).",
                        "<132>Proxy relay stopped (cumulated conns: FE: 1, BE: 1).",
                        "<132>Proxy app stopped (cumulated conns: FE: 0, BE: 2).");
            }
        }
    }

    /** The soft stop's lines, PRI and message only (HAProxy's own {@code <HTTPCLIENT>} proxy set aside). */
    private static List<String> stoppedLines(SyslogReceiver logs) {
        logs.await(l -> l.contains("Proxy app stopped"), "the last proxy's stop line");
        return logs.lines().stream()
                .filter(l -> l.contains(" stopped (cumulated conns") && !l.contains("<HTTPCLIENT>"))
                .map(l -> l.substring(0, l.indexOf('>') + 1) + l.substring(l.indexOf("]: ") + 3))
                .toList();
    }

    /**
     * Two requests on {@code web} (one on a connection kept open and idle, one closing), one on
     * {@code li}, and a TCP session through {@code relay} left open.
     */
    private static Connections traffic(int web, int li, int relay) throws IOException {
        Socket idle = exchange(web, "GET /a HTTP/1.1\r\nHost: x\r\n\r\n");
        exchange(web, "GET /b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").close();
        exchange(li, "GET /c HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").close();
        Socket tcp = exchange(relay, "GET /d HTTP/1.1\r\nHost: x\r\n\r\n");
        return new Connections(idle, tcp);
    }

    /** Sends one request and reads its whole response head and small body; the connection stays as the server left it. */
    private static Socket exchange(int port, String request) throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
        s.setSoTimeout(5000);
        s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        readResponse(s.getInputStream());
        return s;
    }

    /** Reads a response with a Content-Length body. */
    private static String readResponse(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed in the response head: " + head);
            }
            head.append((char) b);
        }
        String lower = head.toString().toLowerCase();
        int at = lower.indexOf("content-length:");
        int length = Integer.parseInt(lower.substring(at + 15, lower.indexOf('\r', at)).trim());
        assertThat(in.readNBytes(length)).hasSize(length);
        return head.toString();
    }

    private static void assertRefused(int port) {
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
                .isInstanceOf(ConnectException.class);
    }

    private record Connections(Socket idle, Socket relay) {
        /** The idle HTTP connection is closed by the proxy; the relayed one still answers. */
        void assertIdleClosedAndRelayOpen() throws IOException {
            assertThat(idle.getInputStream().read()).as("the idle keep-alive connection is closed").isEqualTo(-1);
            idle.close();
            OutputStream out = relay.getOutputStream();
            out.write("GET /e HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            try {
                assertThat(readResponse(relay.getInputStream())).startsWith("HTTP/1.1 200");
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the relayed session stopped answering", e);
            }
        }

        void endRelay() throws IOException {
            relay.close();
        }
    }
}
