package io.tollgate.engine.check;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's HAProxy 2.6 run in the foreground ({@code haproxy -db}) on a configuration a test
 * writes, for side-by-side tests: its stats CSV through a {@code stats uri /} listener, and the
 * state-change messages it prints on stderr ({@code [WARNING]  (pid) : <message>}).
 */
final class HaproxyProcess implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/sbin/haproxy");
    private static final Pattern STDERR = Pattern.compile("^\\[(?:WARNING|ALERT)\\]\\s+\\(\\d+\\) : (.*)$");

    private final Process process;
    private final Path config;
    private final int statsPort;
    private final HttpClient http = HttpClient.newHttpClient();
    final List<String> messages = new CopyOnWriteArrayList<>();

    /** {@code configText} must have a {@code listen} with {@code stats uri /} bound on {@code statsPort}. */
    HaproxyProcess(String configText, int statsPort) throws IOException, InterruptedException {
        this.statsPort = statsPort;
        this.config = Files.createTempFile("haproxy-side", ".cfg");
        Files.writeString(config, configText);
        process = new ProcessBuilder(BINARY.toString(), "-db", "-f", config.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Thread reader = new Thread(this::readStderr, "haproxy-stderr");
        reader.setDaemon(true);
        reader.start();
        CheckedEngine.await(Duration.ofSeconds(10), "haproxy's stats page", () -> {
            try {
                return csv().containsKey("st/FRONTEND");
            } catch (IOException e) {
                return false;
            }
        });
    }

    static boolean isInstalled() {
        return Files.isExecutable(BINARY);
    }

    /** Rows of {@code /;csv} by {@code pxname/svname}, each column by name. */
    Map<String, Map<String, String>> csv() throws IOException {
        String text;
        try {
            text = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + statsPort + "/;csv"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return CheckedEngine.rows(text);
    }

    private void readStderr() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                Matcher m = STDERR.matcher(line);
                if (m.matches()) {
                    messages.add(m.group(1));
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        Files.deleteIfExists(config);
    }
}
