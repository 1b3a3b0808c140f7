package io.tollgate.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code kill -USR1} on a real Tollgate process: it stops listening at once and says so as HAProxy
 * does on stderr, keeps relaying the session already open, and exits with status 0 when that
 * session ends. SIGHUP, which the JVM would otherwise treat as a stop, leaves it running.
 */
class SoftStopProcessTest {

    @TempDir
    Path dir;

    @Test
    void usr1StopsListeningAndExitsWhenTheLastSessionEnds() throws Exception {
        try (ServerSocket upstream = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            int port = Cli.freePort();
            Path cfg = Cli.config(dir, "soft.cfg",
                    "defaults",
                    "    mode tcp",
                    "    timeout connect 5s",
                    "    timeout client 30s",
                    "    timeout server 30s",
                    "frontend relay",
                    "    bind 127.0.0.1:" + port,
                    "    default_backend echo",
                    "backend echo",
                    "    server s1 127.0.0.1:" + upstream.getLocalPort());
            try (TollgateProcess tollgate = TollgateProcess.start(dir, cfg);
                 Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
                client.setSoTimeout(10_000);
                try (Socket server = upstream.accept()) {
                    server.setSoTimeout(10_000);
                    signal("HUP", tollgate.pid());
                    signal("USR1", tollgate.pid());
                    awaitOutput(tollgate, "Proxy echo stopped");
                    assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
                            .isInstanceOf(ConnectException.class);

                    client.getOutputStream().write("ping\n".getBytes(StandardCharsets.US_ASCII));
                    assertThat(new String(server.getInputStream().readNBytes(5), StandardCharsets.US_ASCII))
                            .as("the open session is still relayed").isEqualTo("ping\n");
                    server.getOutputStream().write("pong\n".getBytes(StandardCharsets.US_ASCII));
                    assertThat(new String(client.getInputStream().readNBytes(5), StandardCharsets.US_ASCII))
                            .isEqualTo("pong\n");
                    assertThat(tollgate.isAlive()).isTrue();
                    assertThat(tollgate.output()).containsPattern(
                            "\\[WARNING\\] +\\(" + tollgate.pid() + "\\) : Proxy relay stopped \\(cumulated conns: FE: 1, BE: 0\\)\\.")
                            .containsPattern("Proxy echo stopped \\(cumulated conns: FE: 0, BE: 1\\)\\.");
                }
                client.close();
                assertThat(tollgate.waitFor(20)).as(tollgate.output()).isEqualTo(0);
            }
        }
    }

    private static void signal(String name, long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).isZero();
    }

    /** The signal is delivered asynchronously: waits (at most 10 s) until the process printed {@code text}. */
    private static void awaitOutput(TollgateProcess tollgate, String text) throws Exception {
        for (int i = 0; i < 200 && !tollgate.output().contains(text); i++) {
            Thread.sleep(50);
        }
        assertThat(tollgate.output()).contains(text);
    }
}
