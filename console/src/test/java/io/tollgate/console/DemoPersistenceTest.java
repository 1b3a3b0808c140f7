package io.tollgate.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repository's {@code examples/demo.cfg} as the HAProxy tutorial runs it: its six upstreams
 * moved to free ports, everything else as written, and a client that keeps the cookies it gets.
 */
class DemoPersistenceTest {
    private static final List<String> SERVERS = List.of("ms1.srv1", "ms1.srv2", "ms2.srv1", "ms2.srv2",
            "def.srv1", "def.srv2");
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    @Test
    void routesByPathAndKeepsEachClientOnItsServerWithTheTutorialsCookies() throws Exception {
        try (DemoUpstreams upstreams = DemoUpstreams.startOnFreePorts(SERVERS)) {
            int port = Cli.freePort();
            String text = Files.readString(Path.of("..", "examples", "demo.cfg"))
                    .replace("127.0.0.1:9001", "127.0.0.1:" + port)
                    .replace("127.0.0.1:1080", "127.0.0.1:" + Cli.freePort())
                    .replace("pidfile run/", "pidfile " + dir + "/")
                    .replaceAll("(?m)^\\s*stats socket .*$", "");
            for (int i = 0; i < SERVERS.size(); i++) {
                text = text.replace("127.0.0.1:" + (18080 + i),
                        RunCommand.hostPort(upstreams.upstreams().get(i).address()));
            }
            Path cfg = dir.resolve("demo.cfg");
            Files.writeString(cfg, text);
            Lifetime lifetime = Lifetime.untilEnded();
            StringWriter out = new StringWriter();
            RunCommand command = new RunCommand(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                    lifetime);
            CompletableFuture<Integer> exit = Cli.runInBackground(command, cfg, null);
            try {
                awaitListening(port, exit, out);
                String base = "http://127.0.0.1:" + port;

                HttpResponse<String> first = get(base + "/ms1/a", null);
                String server = first.body().contains("ms1.srv1") ? "ms1.srv1" : "ms1.srv2";
                assertThat(first.body()).isEqualTo("Hello! This is " + server + "!\n");
                assertThat(first.headers().allValues("set-cookie")).containsExactly("HA_STICKY_ms1=" + server + "; path=/");
                for (int i = 0; i < 5; i++) {
                    HttpResponse<String> again = get(base + "/ms1/b" + i, "HA_STICKY_ms1=" + server);
                    assertThat(again.body()).isEqualTo("Hello! This is " + server + "!\n");
                    assertThat(again.headers().allValues("set-cookie")).isEmpty();
                }
                HttpResponse<String> ms2 = get(base + "/ms2/x", "HA_STICKY_ms1=" + server);
                assertThat(ms2.body()).startsWith("Hello! This is ms2.srv");
                assertThat(ms2.headers().firstValue("set-cookie")).hasValueSatisfying(
                        c -> assertThat(c).matches("HA_STICKY_ms2=ms2\\.srv[12]; path=/"));
                HttpResponse<String> other = get(base + "/elsewhere", null);
                assertThat(other.body()).startsWith("Hello! This is def.srv");
                assertThat(other.headers().firstValue("set-cookie")).hasValueSatisfying(
                        c -> assertThat(c).startsWith("HA_STICKY_def=def.srv"));
            } finally {
                lifetime.end();
            }
            assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(RunCommand.STOPPED);
        }
    }

    private static HttpResponse<String> get(String url, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitListening(int port, CompletableFuture<Integer> exit, StringWriter out) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (out.toString().contains("127.0.0.1:" + port)) {
                return;
            }
            if (exit.isDone()) {
                throw new AssertionError("stopped early: " + exit.join() + "\n" + out);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("never listened:\n" + out);
    }
}
