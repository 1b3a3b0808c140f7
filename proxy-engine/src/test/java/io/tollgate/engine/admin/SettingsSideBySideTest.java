package io.tollgate.engine.admin;

import io.tollgate.engine.config.ConfigLoader;
import io.tollgate.engine.runtime.Proxies;
import io.tollgate.engine.runtime.Server;
import io.tollgate.engine.stats.StatsRegistry;
import io.tollgate.engine.stats.Ticker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.tollgate.engine.admin.CliActors.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same commands, in the same order, to Debian's HAProxy 2.6 (over its stats socket) and to
 * Tollgate's runtime API on the same configuration: every answer must be byte for byte the same,
 * errors included. The commands change state as they go, so later answers ({@code IP changed
 * from ...}, {@code All sockets are already disabled.}) also prove the earlier changes matched.
 * Needs {@code /usr/sbin/haproxy}: without it the test fails.
 */
class SettingsSideBySideTest {
    private static final Path HAPROXY = Path.of("/usr/sbin/haproxy");

    private static final List<String> COMMANDS = List.of(
            "set server be/s1 addr 127.0.0.2",
            "set server be/s1 addr 127.0.0.2",
            "set server be/s1 addr 127.0.0.3 port 27400",
            "set server be/s1 addr 127.0.0.3 port 27401",
            "set server be/s1 addr 127.0.0.3 port 27401",
            "set server be/s1 addr bad",
            "set server be/s1 addr 127.0.0.3 port abc",
            "set server be/s1 addr 127.0.0.3 port",
            "set server be/s1 addr",
            "set server be/s1 addr 127.0.0.3 port 70000",
            "set server be/s1 addr 127.0.0.3 port -1",
            "set server be/s5 addr 127.0.0.3 port 80",
            "set server be/s3 addr 127.0.0.1 port -1",
            "set server be/s3 addr 127.0.0.1 port +3",
            "set server be/s1 addr ::1",
            "set server be/s1 addr [::2]",
            "set server be/s1 addr 127.0.0.4 foo 3",
            "set server be/s1 addr localhost",
            "set server be/s1 check-port 27320",
            "set server be/s1 check-port",
            "set server be/s2 check-port abc",
            "set server be/s2 check-port 12ab",
            "set server be/s2 check-port 70000",
            "set server be/s2 check-port -5",
            "set server be/s2 check-port 27333",
            "set server be/s2 addr 127.0.0.5 port 27340",
            "set server be/s4 addr 127.0.0.6 port 27341",
            "set server be/s9 check-port 1",
            "set server bx/s1 addr 127.0.0.1",
            "set maxconn server be/s1 20",
            "set maxconn server be/s1",
            "set maxconn server be/s1 abc",
            "set maxconn server be/s1 12x",
            "set maxconn server be",
            "set maxconn server bx/s1 3",
            "set maxconn server be/sx 3",
            "set maxconn frontend fe 50",
            "set maxconn frontend fe",
            "set maxconn frontend fe -1",
            "set maxconn frontend nope 5",
            "set maxconn frontend be 5",
            "set maxconn frontend",
            "set maxconn global 100",
            "set maxconn global",
            "set maxconn global 501",
            "set maxconn global 0",
            "set maxconn",
            "disable frontend",
            "disable frontend nope",
            "disable frontend be",
            "disable frontend fe",
            "disable frontend fe",
            "enable frontend fe",
            "enable frontend fe",
            "shutdown frontend fe",
            "shutdown frontend fe",
            "enable frontend fe",
            "disable frontend fe",
            "clear counters",
            "clear counters all",
            "show servers state be");

    @TempDir
    Path dir;
    private Process haproxy;

    @AfterEach
    void stop() throws InterruptedException {
        if (haproxy != null) {
            haproxy.destroy();
            haproxy.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void everyAnswerIsHaproxys() throws Exception {
        assertThat(HAPROXY).as("Debian's haproxy (apt-get install haproxy) is needed for this test").exists();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path socket = dir.resolve("h.sock");
        Path cfg = dir.resolve("t.cfg");
        Files.writeString(cfg, """
                global
                  maxconn 500
                  stats socket %s level admin
                defaults
                  mode http
                  timeout connect 1s
                  timeout client 5s
                  timeout server 5s
                frontend fe
                  bind 127.0.0.1:%d
                  maxconn 100
                  default_backend be
                backend be
                  server s1 127.0.0.1:27312 maxconn 10
                  server s2 127.0.0.1:27313 check inter 1h
                  server s3 127.0.0.1:27314 check port 27315 inter 1h
                  server s4 127.0.0.1:27316 check addr 127.0.0.9 inter 1h
                  server s5 127.0.0.1
                """.formatted(socket, port));
        haproxy = new ProcessBuilder(HAPROXY.toString(), "-db", "-f", cfg.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("haproxy.log").toFile()).start();

        Proxies proxies = new Proxies(ConfigLoader.load(List.of(cfg), Map.of(), dir), Ticker.SYSTEM);
        for (Server s : proxies.backend("be").servers()) {
            s.resolve();
        }
        RuntimeApi api = new RuntimeApi(proxies, new StatsRegistry(proxies, Ticker.SYSTEM), () -> null);
        awaitSocket(socket);

        List<String> theirs = new ArrayList<>();
        List<String> ours = new ArrayList<>();
        for (String c : COMMANDS) {
            theirs.add(c + "\n" + ask(socket, c));
            // the admin socket writes an empty line after each answer, as HAProxy does
            String answer = api.execute(c, ADMIN) + "\n";
            ours.add(c + "\n" + (c.startsWith("show servers state") ? withoutAges(answer) : answer));
        }
        theirs.set(theirs.size() - 1, withoutAges(theirs.get(theirs.size() - 1)));
        assertThat(String.join("", ours)).isEqualTo(String.join("", theirs));
    }

    /**
     * {@code show servers state} without what differs by nature: backend ids (HAProxy numbers its
     * stats socket's proxy too), seconds since the last change, and the check columns of servers
     * whose check already ran against nothing in HAProxy.
     */
    private static String withoutAges(String state) {
        StringBuilder out = new StringBuilder();
        for (String line : state.split("\n", -1)) {
            String[] f = line.split(" ");
            if (f.length > 20 && !line.startsWith("#")) {
                f[0] = "-";
                for (int i = 5; i <= 14; i++) {
                    f[i] = "-";
                }
                line = String.join(" ", f);
            }
            out.append(line).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }

    private static void awaitSocket(Path socket) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try {
                ask(socket, "show version");
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("haproxy did not open " + socket);
    }

    private static String ask(Path socket, String command) throws IOException {
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            ch.write(ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.UTF_8)));
            StringBuilder out = new StringBuilder();
            ByteBuffer buf = ByteBuffer.allocate(8192);
            while (ch.read(buf) >= 0) {
                buf.flip();
                out.append(StandardCharsets.UTF_8.decode(buf));
                buf.clear();
            }
            return out.toString();
        }
    }
}
