package io.tollgate.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Debian's HAProxy 2.6 run in the foreground ({@code -db}) on a configuration file, until closed,
 * for tests that put Tollgate's answers beside its own. Without the program such a test fails,
 * saying how to install it.
 */
final class RealHaproxy implements AutoCloseable {
    static final Path PROGRAM = Path.of("/usr/sbin/haproxy");

    private final Process process;

    private RealHaproxy(Process process) {
        this.process = process;
    }

    /** Starts HAProxy on {@code cfg} and returns once {@code socket}, one of its stats sockets, answers. */
    static RealHaproxy start(Path cfg, Path socket) throws Exception {
        if (!Files.isExecutable(PROGRAM)) {
            throw new AssertionError(PROGRAM + " is missing: this test compares Tollgate with HAProxy 2.6; install "
                    + "Debian's haproxy package (apt-get install haproxy)");
        }
        Path log = cfg.resolveSibling(cfg.getFileName() + ".log");
        Process p = new ProcessBuilder(PROGRAM.toString(), "-db", "-f", cfg.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        RealHaproxy haproxy = new RealHaproxy(p);
        for (int i = 0; i < 200; i++) {
            if (!p.isAlive()) {
                throw new AssertionError("haproxy stopped: " + Files.readString(log));
            }
            if (Files.exists(socket) && Socat.ask(socket, "show cli level\n").endsWith("\n\n")) {
                return haproxy;
            }
            Thread.sleep(50);
        }
        haproxy.close();
        throw new AssertionError("haproxy's socket " + socket + " never answered");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
