package io.tollgate.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code tollgate -f cfg -p pidfile} as a real process (its own JVM on this test's class path),
 * standard output and error in one file; started once its pid file is written, stopped with SIGTERM.
 */
final class TollgateProcess implements AutoCloseable {
    private final Process process;
    private final Path output;

    private TollgateProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** Starts Tollgate on {@code cfg}, files in {@code dir}; returns once it wrote its pid (at most 30 s). */
    static TollgateProcess start(Path dir, Path cfg) throws IOException, InterruptedException {
        Path pid = dir.resolve("tollgate.pid");
        Path output = dir.resolve("tollgate.out");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "-f", cfg.toString(), "-p", pid.toString())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        TollgateProcess started = new TollgateProcess(process, output);
        for (int i = 0; i < 600 && !(Files.exists(pid) && Files.readString(pid).endsWith("\n")) && process.isAlive();
             i++) {
            Thread.sleep(50);
        }
        if (!Files.exists(pid)) {
            started.close();
            throw new AssertionError("Tollgate did not start:\n" + started.output());
        }
        return started;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** What it printed so far. */
    String output() throws IOException {
        return Files.readString(output);
    }

    /** Waits at most {@code seconds} for the process to end by itself; returns its exit status. */
    int waitFor(long seconds) throws InterruptedException {
        assertThat(process.waitFor(seconds, TimeUnit.SECONDS)).as("Tollgate ends within " + seconds + " s").isTrue();
        return process.exitValue();
    }

    /** SIGTERM, then waits for it to stop (which flushes its log files). */
    void stop() throws IOException, InterruptedException {
        process.destroy();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as(output()).isTrue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
