package io.tollgate.engine.check;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code on-marked-down shutdown-sessions}: a server marked DOWN loses its open sessions at once. */
class ShutdownSessionsTest {

    /** Echoes each connection's bytes back, one thread per connection (few in a test). */
    private static ServerSocket echo() throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    Thread copy = new Thread(() -> {
                        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                            in.transferTo(out);
                        } catch (IOException ignored) {
                            // the proxy closed it
                        }
                    });
                    copy.setDaemon(true);
                    copy.start();
                } catch (IOException e) {
                    return;
                }
            }
        });
        t.setDaemon(true);
        t.start();
        return server;
    }

    @Test
    void sessionsOfAServerMarkedDownAreClosed() throws Exception {
        ServerSocket health = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        int frontend = CheckedEngine.freePort();
        try (ServerSocket upstream = echo();
             CheckedEngine e = CheckedEngine.start("""
                     defaults
                       mode tcp
                       timeout connect 1s
                       timeout client 30s
                       timeout server 30s
                     frontend fe
                       bind 127.0.0.1:%d
                       default_backend be
                     backend be
                       server s1 127.0.0.1:%d check port %d inter 100 fall 1 on-marked-down shutdown-sessions
                     """.formatted(frontend, upstream.getLocalPort(), health.getLocalPort()));
             Socket client = new Socket(InetAddress.getLoopbackAddress(), frontend)) {
            client.setSoTimeout(10_000);
            client.getOutputStream().write("ping".getBytes());
            assertThat(client.getInputStream().readNBytes(4)).isEqualTo("ping".getBytes());

            health.close(); // the check port now refuses: the next check marks s1 DOWN
            CheckedEngine.await(Duration.ofSeconds(5), "down", () -> !e.messages().isEmpty());
            assertThat(client.getInputStream().read()).isEqualTo(-1);
            assertThat(e.messages().get(0)).startsWith("Server be/s1 is DOWN, reason: Layer4 connection problem, "
                    + "info: \"Connection refused\"").contains("1 sessions active");
        } finally {
            health.close();
        }
    }

    @Test
    void backupSessionsAreClosedWhenAnActiveServerComesUp() throws Exception {
        int frontend = CheckedEngine.freePort();
        int activeHealth = CheckedEngine.freePort(); // nothing listens there yet: the active server starts DOWN
        try (ServerSocket active = echo();
             ServerSocket backup = echo();
             CheckedEngine e = CheckedEngine.start("""
                     defaults
                       mode tcp
                       timeout connect 1s
                       timeout client 30s
                       timeout server 30s
                     frontend fe
                       bind 127.0.0.1:%d
                       default_backend be
                     backend be
                       server a1 127.0.0.1:%d check port %d inter 100 rise 1 fall 1 on-marked-up shutdown-backup-sessions
                       server b1 127.0.0.1:%d backup
                     """.formatted(frontend, active.getLocalPort(), activeHealth, backup.getLocalPort()))) {
            CheckedEngine.await(Duration.ofSeconds(5), "a1 down", () -> e.messages().stream()
                    .anyMatch(m -> m.startsWith("Server be/a1 is DOWN")));
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), frontend);
                 ServerSocket health = new ServerSocket()) {
                client.setSoTimeout(10_000);
                client.getOutputStream().write("ping".getBytes());
                assertThat(client.getInputStream().readNBytes(4)).isEqualTo("ping".getBytes());
                assertThat(e.row("be", "b1").get("scur")).isEqualTo("1");

                health.setReuseAddress(true);
                health.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), activeHealth), 50);
                CheckedEngine.await(Duration.ofSeconds(5), "a1 up", () -> e.messages().stream()
                        .anyMatch(m -> m.startsWith("Server be/a1 is UP")));
                assertThat(client.getInputStream().read()).isEqualTo(-1);
            }
        }
    }
}
