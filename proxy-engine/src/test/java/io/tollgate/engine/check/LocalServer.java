package io.tollgate.engine.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real server program (MariaDB, PostgreSQL, Redis) run by a test: its own temporary directory,
 * a free loopback port, its output in {@code server.log}, bounded waits for setup commands and
 * for the port to listen, and a stop that always ends the process. Anything missing or failing
 * fails the test with the log's end: the protocol checks must be proven against the real thing.
 */
final class LocalServer implements AutoCloseable {
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    final String name;
    final Path dir;
    final int port;
    private Process process;

    LocalServer(String name) {
        this.name = name;
        try {
            // under /tmp: short enough for Unix socket paths, and reachable by the unprivileged
            // user PostgreSQL runs as when the tests run as root
            this.dir = Files.createTempDirectory(Path.of("/tmp"), "tollgate-" + name.toLowerCase(java.util.Locale.ROOT));
            this.port = freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Whether the tests run as root (CI does): database servers then need to be told or to drop it. */
    static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** The first of {@code candidates} that exists, or a failure naming the Debian package. */
    static Path executable(String debianPackage, List<Path> candidates) {
        for (Path p : candidates) {
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        throw new AssertionError("none of " + candidates + " is installed: the protocol-check tests need the Debian "
                + "package '" + debianPackage + "' (bin/test installs it when run as root)");
    }

    /** Runs a setup command to its end within {@code timeout}, failing with its output otherwise. */
    void run(String what, List<String> command, Duration timeout) {
        Path log = dir.resolve(what + ".log");
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                throw new AssertionError(name + ": '" + what + "' did not finish within " + timeout + ":\n" + tail(log));
            }
            if (p.exitValue() != 0) {
                throw new AssertionError(name + ": '" + what + "' failed (exit " + p.exitValue() + "): " + command
                        + "\n" + tail(log));
            }
        } catch (IOException e) {
            throw new AssertionError(name + ": cannot run " + command + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Starts the server and waits until its port accepts connections. */
    void start(List<String> command, Duration timeout) {
        Path log = dir.resolve("server.log");
        try {
            process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new AssertionError(name + ": cannot start " + command + ": " + e, e);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!accepts()) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited (" + process.exitValue() + ") before listening on port " + port
                        + ": " + command + "\n" + tail(log));
            }
            if (System.nanoTime() > deadline) {
                close();
                throw new AssertionError(name + " did not listen on port " + port + " within " + timeout + "\n" + tail(log));
            }
            sleep(50);
        }
    }

    private boolean accepts() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops the server (SIGTERM, then SIGKILL after 10 s); the port then refuses connections. */
    void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(files.sorted(Comparator.reverseOrder()).toList());
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a leftover temporary directory is not worth failing a test for
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, java.nio.charset.StandardCharsets.ISO_8859_1);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
