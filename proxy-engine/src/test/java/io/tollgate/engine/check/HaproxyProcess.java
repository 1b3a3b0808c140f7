package io.tollgate.engine.check;

import io.tollgate.engine.stats.CsvRows;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Debian's HAProxy 2.6 run in the foreground ({@code -db}) on a configuration text, for tests
 * that compare Tollgate with it: every line it prints (stderr warnings and, with
 * {@code log stderr format short}, its syslog lines) and its stats CSV from a {@code listen}
 * section the configuration gives ({@code stats uri /} on {@link #statsPort}).
 *
 * <p>The tests need the real program: without it they fail, saying how to install it.
 */
public final class HaproxyProcess implements AutoCloseable {
    static final Path PROGRAM = Path.of("/usr/sbin/haproxy");
    private static final java.util.regex.Pattern STDERR =
            java.util.regex.Pattern.compile("^\\[(?:WARNING|ALERT)\\]\\s+\\(\\d+\\) : (.*)$");

    private final Process process;
    private final Path config;
    private final int statsPort;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final List<String> output = new CopyOnWriteArrayList<>();
    /** Stops HAProxy if the JVM exits without closing it (a test runner's timeout). */
    private final Thread killer;

    private HaproxyProcess(Process process, Path config, int statsPort) {
        this.process = process;
        this.config = config;
        this.statsPort = statsPort;
        this.killer = new Thread(process::destroyForcibly, "haproxy-killer");
        Runtime.getRuntime().addShutdownHook(killer);
        Thread reader = new Thread(this::readOutput, "haproxy-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts HAProxy on {@code configText} and waits until its stats answer.
     *
     * @param statsPort the port of the configuration's stats listener
     */
    public static HaproxyProcess start(String configText, int statsPort) throws IOException, InterruptedException {
        if (!Files.isExecutable(PROGRAM)) {
            throw new AssertionError(PROGRAM + " is missing: this test compares Tollgate with HAProxy 2.6; install "
                    + "Debian's haproxy package (apt-get install haproxy; bin/test does it when run as root)");
        }
        Path config = Files.createTempFile("tollgate-haproxy", ".cfg");
        Files.writeString(config, configText);
        Process p = new ProcessBuilder(PROGRAM.toString(), "-db", "-f", config.toString())
                .redirectErrorStream(true)
                .start();
        HaproxyProcess h = new HaproxyProcess(p, config, statsPort);
        try {
            h.awaitStats(Duration.ofSeconds(15));
        } catch (RuntimeException | Error | InterruptedException e) {
            h.close();
            throw e;
        }
        return h;
    }

    /** The state-change messages printed so far on stderr ({@code [WARNING]  (pid) : <message>}), without their prefix. */
    List<String> messages() {
        List<String> out = new java.util.ArrayList<>();
        for (String line : output) {
            java.util.regex.Matcher m = STDERR.matcher(line);
            if (m.matches()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    /** The process, for signals ({@code kill -USR1}) and its exit. */
    public Process process() {
        return process;
    }

    /** Every line printed so far. */
    public List<String> output() {
        return List.copyOf(output);
    }

    /** The stats CSV, rows keyed {@code px/sv}, each row keyed by column name. */
    public Map<String, Map<String, String>> csv() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + statsPort + "/;csv"))
                .timeout(Duration.ofSeconds(5))
                .build();
        String body = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.ISO_8859_1)).body();
        return CsvRows.parse(body);
    }

    private void awaitStats(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new AssertionError("haproxy exited with " + process.exitValue() + ":\n"
                        + String.join("\n", output));
            }
            try {
                csv();
                return;
            } catch (IOException e) {
                if (System.nanoTime() > end) {
                    throw new AssertionError("haproxy's stats on port " + statsPort + " did not answer within "
                            + timeout + ":\n" + String.join("\n", output), e);
                }
                Thread.sleep(50);
            }
        }
    }

    private void readOutput() {
        try (BufferedReader r = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                output.add(line);
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    @Override
    public void close() throws InterruptedException, IOException {
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } finally {
            Files.deleteIfExists(config);
        }
    }
}
