package io.tollgate.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A log file that cannot be written, under traffic, in a real Tollgate process: a full disk
 * ({@code /dev/full}, where every write fails with ENOSPC) and a file in a directory that does not
 * exist. Each is reported once on standard error, every line lost is counted in {@code show info}'s
 * DroppedLogs, and proxying goes on.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LogFileFailureTest {

    @TempDir
    Path dir;

    @Test
    void aFullDiskAndAMissingDirectoryAreReportedOnceAndCounted() throws Exception {
        Path socket = dir.resolve("admin.sock");
        Path missing = dir.resolve("no-such-dir").resolve("access.log");
        int frontendPort = Cli.freePort();
        try (AccessTraffic traffic = AccessTraffic.backend()) {
            Path cfg = Cli.config(dir, "t.cfg", traffic.configWith(frontendPort,
                    "global",
                    "    stats socket " + socket + " level admin",
                    "    log file@/dev/full local0",
                    "    log file@" + missing + " local0"));
            try (TollgateProcess tollgate = TollgateProcess.start(dir, cfg)) {
                traffic.start(frontendPort);
                for (int i = 0; i < 200 && traffic.answered() < 300; i++) {
                    Thread.sleep(50);
                }
                int sent = traffic.stop();
                assertThat(traffic.failures()).as("proxying went on").isEqualTo("none");
                assertThat(sent).isPositive();

                // each access line is lost at both targets (event lines, if any, too); the last ones
                // within a write interval or two
                long dropped = 0;
                for (int i = 0; i < 100 && dropped < 2L * sent; i++) {
                    Thread.sleep(50);
                    dropped = Socat.ask(socket, "show info\n").lines().filter(l -> l.startsWith("DroppedLogs: "))
                            .mapToLong(l -> Long.parseLong(l.substring("DroppedLogs: ".length()))).findFirst()
                            .orElse(-1);
                }
                assertThat(dropped).isGreaterThanOrEqualTo(2L * sent);

                String printed = tollgate.output();
                assertThat(printed.lines().filter(l -> l.startsWith("[WARNING] logs : ")).toList()).as(printed)
                        .containsExactlyInAnyOrder(
                                "[WARNING] logs : log file /dev/full: write failed, " + firstWrite(printed)
                                        + " line(s) dropped: No space left on device; lines are dropped (counted in "
                                        + "DroppedLogs) until it works again",
                                "[WARNING] logs : log file " + missing + ": cannot open: no such file or directory; "
                                        + "lines are dropped (counted in DroppedLogs) until it works again");
                assertThat(tollgate.isAlive()).isTrue();
            }
        }
    }

    /** The number of lines the first failed write to /dev/full held, as its warning says. */
    private static String firstWrite(String printed) {
        String head = "[WARNING] logs : log file /dev/full: write failed, ";
        return printed.lines().filter(l -> l.startsWith(head)).findFirst()
                .map(l -> l.substring(head.length(), l.indexOf(" line(s)"))).orElse("?");
    }
}
