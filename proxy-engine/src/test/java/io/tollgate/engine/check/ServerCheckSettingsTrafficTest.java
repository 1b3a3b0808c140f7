package io.tollgate.engine.check;

import io.tollgate.engine.admin.AccessLevel;
import io.tollgate.engine.admin.Actor;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code set server check-addr|agent-addr|agent-port|agent-send|ssl} change on the wire:
 * with real listeners on 127.0.0.x, the next health checks arrive at the new address and port
 * and no more at the old, the agent is reached at its new place and sent the new string, and
 * a TLS server's next connections go in clear after {@code ssl off} (and in TLS again after
 * {@code ssl on}).
 */
class ServerCheckSettingsTrafficTest {
    private static final Actor ADMIN = new Actor("ops", "/run/t.sock", "socket", AccessLevel.ADMIN);
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String DEFAULTS = """
            defaults
              mode tcp
              timeout connect 1s
              timeout client 5s
              timeout server 5s
              timeout check 1s
            """;

    /** A listener that keeps what each connection sent first (up to 200 ms), then answers {@code reply} and closes. */
    private static final class Recorder implements AutoCloseable {
        final ServerSocket socket;
        final List<String> sent = new CopyOnWriteArrayList<>();
        private final String reply;

        Recorder(String host, String reply) throws IOException {
            this.reply = reply;
            this.socket = new ServerSocket();
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), 0));
            AcceptLoop.start(socket, "recorder-" + port(), this::serve);
        }

        int port() {
            return socket.getLocalPort();
        }

        int count() {
            return sent.size();
        }

        private void serve(Socket c) {
            try (c) {
                c.setSoTimeout(200);
                InputStream in = c.getInputStream();
                byte[] buf = new byte[512];
                String first = "";
                try {
                    int n = in.read(buf);
                    first = n > 0 ? new String(buf, 0, n, StandardCharsets.ISO_8859_1) : "";
                } catch (SocketTimeoutException e) {
                    // the checker sends nothing
                } catch (IOException e) {
                    // a plain connect check resets the connection at once
                    sent.add("");
                    return;
                }
                sent.add(first);
                String answer = reply.isEmpty() || first.startsWith("\u0016") ? "" : reply;
                OutputStream out = c.getOutputStream();
                out.write(answer.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (IOException e) {
                // the checker went away first
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static String run(CheckedEngine e, String command) {
        return e.engine().runtimeApi().execute(command, ADMIN);
    }

    @Test
    void theNextHealthChecksGoToTheNewAddressAndPort() throws Exception {
        try (Recorder old = new Recorder("127.0.0.1", "");
             Recorder moved = new Recorder("127.0.0.2", "");
             CheckedEngine e = CheckedEngine.start(DEFAULTS + """
                     backend be
                       server s1 127.0.0.1:%d check inter 100
                     """.formatted(old.port()))) {
            CheckedEngine.await(WAIT, "a check at the configured place", () -> old.count() >= 1);
            assertThat(run(e, "set server be/s1 check-addr 127.0.0.2 port " + moved.port())).isEmpty();
            CheckedEngine.await(WAIT, "a check at the new place", () -> moved.count() >= 1);
            int before = old.count();
            CheckedEngine.await(WAIT, "three more checks at the new place", () -> moved.count() >= 4);
            assertThat(old.count()).as("checks still going to the old place").isEqualTo(before);
            assertThat(e.server("be", "s1").isUp()).isTrue();
        }
    }

    @Test
    void theAgentIsReachedAtItsNewPlaceAndSentTheNewString() throws Exception {
        try (Recorder first = new Recorder("127.0.0.1", "up\n");
             Recorder second = new Recorder("127.0.0.3", "up\n");
             Recorder third = new Recorder("127.0.0.3", "50%\n");
             CheckedEngine e = CheckedEngine.start(DEFAULTS + """
                     backend be
                       server s1 127.0.0.1:%d weight 10 agent-check agent-port %d agent-inter 100 agent-send "old\\n"
                     """.formatted(CheckedEngine.freePort(), first.port()))) {
            CheckedEngine.await(WAIT, "the configured agent-send", () -> first.sent.contains("old\n"));
            assertThat(run(e, "set server be/s1 agent-addr 127.0.0.3 port " + second.port())).isEmpty();
            CheckedEngine.await(WAIT, "a run at the new address", () -> second.count() >= 1);
            assertThat(run(e, "set server be/s1 agent-send new")).isEmpty();
            CheckedEngine.await(WAIT, "the new agent-send", () -> second.sent.contains("new"));
            // the address stays, only the port changes; the new agent's reply is applied
            assertThat(run(e, "set server be/s1 agent-port " + third.port())).isEmpty();
            CheckedEngine.await(WAIT, "the agent's 50%", () -> e.server("be", "s1").userWeight() == 5);
            assertThat(third.sent).contains("new");
            int before = first.count();
            int beforeSecond = second.count();
            CheckedEngine.await(WAIT, "three more runs at the new port", () -> third.count() >= 4);
            assertThat(first.count()).isEqualTo(before);
            assertThat(second.count()).isEqualTo(beforeSecond);
        }
    }

    @Test
    void sslOffSendsTheNextConnectionsInClear() throws Exception {
        try (Recorder web = new Recorder("127.0.0.1", "HTTP/1.1 200 OK\r\ncontent-length: 2\r\nconnection: close\r\n\r\nok");
             CheckedEngine e = CheckedEngine.start("""
                     defaults
                       mode http
                       timeout connect 1s
                       timeout client 5s
                       timeout server 5s
                     frontend fe
                       bind 127.0.0.1:%d
                       default_backend be
                     backend be
                       server s1 127.0.0.1:%d ssl verify none
                     """.formatted(CheckedEngine.freePort(), web.port()))) {
            int fe = e.engine().boundAddresses("fe").get(0).getPort();
            assertThat(get(fe)).doesNotStartWith("HTTP/1.1 200");
            assertThat(web.sent).isNotEmpty().allMatch(s -> s.startsWith("\u0016"));
            assertThat(run(e, "set server be/s1 ssl off")).isEqualTo("server ssl setting updated.\n");
            int before = web.count();
            assertThat(get(fe)).startsWith("HTTP/1.1 200");
            assertThat(web.sent.subList(before, web.count())).singleElement().asString().startsWith("GET / HTTP/1.1");
            assertThat(run(e, "set server be/s1 ssl on")).isEqualTo("server ssl setting updated.\n");
            int again = web.count();
            assertThat(get(fe)).doesNotStartWith("HTTP/1.1 200");
            assertThat(web.sent.subList(again, web.count())).isNotEmpty().allMatch(s -> s.startsWith("\u0016"));
        }
    }

    /** One request through the frontend; what came back (empty if the connection closed without answer). */
    private static String get(int port) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(5000);
            s.getOutputStream().write("GET / HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
