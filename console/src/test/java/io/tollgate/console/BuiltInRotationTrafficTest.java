package io.tollgate.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8's acceptance for Tollgate's own rotation: {@code file@... rotate size 8k keep 3 compress}
 * while a client sends requests through Tollgate the whole time, one after the other, each with its
 * id in its URI. The file rotates many more times than it keeps, so the oldest lines are gone by
 * design; what is kept must be whole: the kept files, oldest first, then the live one, hold one
 * unbroken run of ids ending at the last request, none twice. Exactly {@code keep} old files remain,
 * gzip, and Debian's {@code zcat} reads each back to what java.util.zip reads. Fails, not skips,
 * when zcat is missing.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BuiltInRotationTrafficTest {
    private static final Path ZCAT = Path.of("/usr/bin/zcat");
    private static final int KEEP = 3;
    private static final int ROTATE_BYTES = 8 * 1024;

    @TempDir
    Path dir;

    @Test
    void rotationBySizeUnderTrafficKeepsWholeFiles() throws Exception {
        assertThat(Files.isExecutable(ZCAT)).as("zcat is installed (gzip)").isTrue();
        Path log = dir.resolve("access.log");
        int frontendPort = Cli.freePort();
        int sent;
        try (AccessTraffic traffic = AccessTraffic.backend()) {
            Path cfg = Cli.config(dir, "t.cfg", traffic.configWith(frontendPort,
                    "global",
                    "    log file@" + log + " rotate size 8k keep " + KEEP + " compress local0"));
            Lifetime lifetime = Lifetime.untilEnded();
            CompletableFuture<Integer> exit = Cli.startInBackground(lifetime, cfg);
            try {
                traffic.start(frontendPort);
                // bounded: enough lines for more rotations than are kept (a line is ~150 bytes)
                for (int i = 0; i < 600 && traffic.answered() < ROTATE_BYTES * (KEEP + 4) / 100; i++) {
                    Thread.sleep(50);
                }
                sent = traffic.stop();
            } finally {
                lifetime.end();
            }
            assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(RunCommand.STOPPED);
            assertThat(traffic.failures()).as("proxying went on").isEqualTo("none");
        }

        List<Path> files = LogFileLines.family(dir, "access.log");
        List<String> names = files.stream().map(p -> p.getFileName().toString()).toList();
        List<String> expectedNames = new ArrayList<>(List.of("access.log"));
        for (int n = 1; n <= KEEP; n++) {
            expectedNames.add("access.log." + n + ".gz");
        }
        assertThat(names).as("the live file and " + KEEP + " old ones, all compressed")
                .containsExactlyInAnyOrderElementsOf(expectedNames);

        List<Integer> ids = new ArrayList<>();
        for (int n = KEEP; n >= 0; n--) {
            Path file = n == 0 ? log : dir.resolve("access.log." + n + ".gz");
            if (n > 0) {
                assertThat(LogFileLines.isGzip(file)).as(file + " is gzip").isTrue();
                assertThat(zcat(file)).as("zcat reads " + file).isEqualTo(LogFileLines.text(file));
                assertThat(LogFileLines.text(file).getBytes(StandardCharsets.UTF_8).length)
                        .as(file + " within the rotate size").isLessThanOrEqualTo(ROTATE_BYTES);
            }
            List<String> lines = LogFileLines.of(file);
            assertThat(lines).as(file + " has lines").isNotEmpty();
            for (String line : lines) {
                int id = AccessTraffic.idOf(line);
                if (id < 0) {
                    continue; // not an access line (an event's, such as a proxy starting)
                }
                ids.add(id);
            }
        }
        int first = ids.get(0);
        assertThat(first).as("older lines rotated away: the file turned over more than " + KEEP + " times")
                .isPositive();
        List<Integer> unbroken = new ArrayList<>();
        for (int id = first; id < sent; id++) {
            unbroken.add(id);
        }
        assertThat(ids).as("from the oldest kept line to the last request, each once and in order")
                .isEqualTo(unbroken);
    }

    private static String zcat(Path file) throws Exception {
        Process p = new ProcessBuilder(ZCAT.toString(), file.toString()).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        return text;
    }
}
