package io.tollgate.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code tollgate -f cfg -p pidfile} as a real process: it writes its own pid, and SIGTERM makes
 * it stop cleanly through the shutdown hook, which removes the pid file.
 */
class TollgateProcessTest {

    @TempDir
    Path dir;

    @Test
    void sigtermStopsItAndRemovesThePidFile() throws Exception {
        Path cfg = Cli.config(dir, "proc.cfg",
                "defaults",
                "    mode http",
                "    timeout connect 5s",
                "    timeout client 10s",
                "    timeout server 10s",
                "frontend web",
                "    bind 127.0.0.1:" + Cli.freePort(),
                "    default_backend app",
                "backend app",
                "    server s1 127.0.0.1:18999");
        Path pid = dir.resolve("tollgate.pid");
        Path log = dir.resolve("tollgate.out");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "-f", cfg.toString(), "-p", pid.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!(Files.exists(pid) && Files.readString(pid).endsWith("\n")) && process.isAlive()
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(pid).as(Files.readString(log)).exists();
            assertThat(Files.readString(pid).strip()).isEqualTo(Long.toString(process.pid()));

            process.destroy(); // SIGTERM

            assertThat(process.waitFor(20, TimeUnit.SECONDS)).as(Files.readString(log)).isTrue();
            assertThat(pid).doesNotExist();
            assertThat(Files.readString(log)).contains("frontend").contains("web");
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void checkModeExitCodeReachesTheShell() throws Exception {
        Path cfg = Cli.config(dir, "nolistener.cfg", "backend app", "    server s1 127.0.0.1:18999");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "-c", "-f", cfg.toString()))
                .redirectErrorStream(true)
                .redirectOutput(new File(dir.toFile(), "check.out"))
                .start();

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
    }
}
