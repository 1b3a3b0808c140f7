package io.tollgate.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Debian's HAProxy 2.6 run in the foreground ({@code haproxy -db -f cfg}) for tests that put its
 * runtime API beside Tollgate's: started on a configuration file whose {@code stats socket} is
 * {@link #socket}, and ready once that socket answers. Without the program the test fails, saying
 * how to install it.
 */
final class HaproxyCliProcess implements AutoCloseable {
    static final Path PROGRAM = Path.of("/usr/sbin/haproxy");

    private final Process process;
    private final Path socket;
    private final List<String> output = new CopyOnWriteArrayList<>();
    /** Stops HAProxy if the JVM exits without closing it (a test runner's timeout). */
    private final Thread killer;

    private HaproxyCliProcess(Process process, Path socket) {
        this.process = process;
        this.socket = socket;
        this.killer = new Thread(process::destroyForcibly, "haproxy-killer");
        Runtime.getRuntime().addShutdownHook(killer);
        Thread reader = new Thread(this::readOutput, "haproxy-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts HAProxy on {@code cfg} and waits (at most 15 s) until its admin socket {@code socket} answers. */
    static HaproxyCliProcess start(Path cfg, Path socket) throws IOException, InterruptedException {
        if (!Files.isExecutable(PROGRAM)) {
            throw new AssertionError(PROGRAM + " is missing: this test compares Tollgate with HAProxy 2.6; install "
                    + "Debian's haproxy package (apt-get install haproxy; bin/test does it when run as root)");
        }
        Process p = new ProcessBuilder(PROGRAM.toString(), "-db", "-f", cfg.toString())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        HaproxyCliProcess h = new HaproxyCliProcess(p, socket);
        try {
            h.awaitSocket();
        } catch (RuntimeException | Error | InterruptedException e) {
            h.close();
            throw e;
        }
        return h;
    }

    /** One line sent to HAProxy's socket, everything it answered. */
    String ask(String line) throws IOException {
        return UnixCli.ask(socket, line);
    }

    private void awaitSocket() throws InterruptedException {
        for (int i = 0; ; i++) {
            if (!process.isAlive()) {
                throw new AssertionError("haproxy exited with " + process.exitValue() + ":\n" + String.join("\n", output));
            }
            try {
                if (ask("show cli level").endsWith("\n\n")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (i == 300) {
                throw new AssertionError("haproxy's socket " + socket + " did not answer:\n" + String.join("\n", output));
            }
            Thread.sleep(50);
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
    public void close() throws InterruptedException {
        Runtime.getRuntime().removeShutdownHook(killer);
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
