package io.tollgate.console;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8's acceptance: Debian's real logrotate, with the HAProxy tutorial's settings (daily,
 * rotate 7, compress, delaycompress, dateext, missingok), forced {@value #ROTATIONS} times a second
 * and more apart ({@code dateformat -%Y%m%d-%s} gives each its own name) against a real Tollgate
 * process writing its access log to a {@code file@} target while a client sends requests through
 * it the whole time. Tollgate learns of each rotation in one of three ways: {@code kill -HUP}, the
 * runtime API's {@code reopen logs} over {@code socat}, or not at all ({@code copytruncate}).
 * Afterwards every request's line (its id is in its URI) is in exactly one of the live and rotated
 * files (but see copytruncate below), and the older rotated files are gzip (read back with
 * java.util.zip).
 *
 * <p>About {@code copytruncate}: logrotate's manual warns that lines written between its copy and
 * its truncation are lost. That window is logrotate's (it reads to the end, fsyncs the copy, then
 * truncates: about a millisecond here) and no writer can close it; Tollgate writes its buffer at
 * most every 50 ms, so a rotation now and then loses the one write that fell in it. So with
 * {@code copytruncate} the test asks for no line twice and, lost, at most one unbroken run of
 * lines per rotation; the two other ways lose nothing.
 *
 * <p>Fails, not skips, when logrotate or socat is missing.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LogrotateTrafficTest {
    private static final Path LOGROTATE = Path.of("/usr/sbin/logrotate");
    private static final int ROTATIONS = 3;

    @TempDir
    Path dir;

    /** How Tollgate learns that logrotate moved its file: logrotate's directive for it. */
    enum Reopen {
        HANGUP("    postrotate\n        kill -HUP %1$s\n    endscript\n"),
        RUNTIME_API("    postrotate\n        echo \"reopen logs\" | socat stdio %2$s >> %3$s\n    endscript\n"),
        COPYTRUNCATE("    copytruncate\n");

        private final String directive;

        Reopen(String directive) {
            this.directive = directive;
        }
    }

    @ParameterizedTest
    @EnumSource(Reopen.class)
    void forcedRotationsUnderTrafficKeepEveryLineOnce(Reopen reopen) throws Exception {
        assertThat(Files.isExecutable(LOGROTATE)).as("logrotate is installed (apt-get install logrotate)").isTrue();
        assertThat(Files.isExecutable(Path.of("/usr/bin/socat"))).as("socat is installed").isTrue();
        Path log = dir.resolve("access.log");
        Path socket = dir.resolve("admin.sock");
        Path answers = dir.resolve("answers");
        int frontendPort = Cli.freePort();
        int sent;
        try (AccessTraffic traffic = AccessTraffic.backend()) {
            Path cfg = Cli.config(dir, "t.cfg", traffic.configWith(frontendPort,
                    "global",
                    "    stats socket " + socket + " level admin",
                    "    log file@" + log + " local0"));
            String printed;
            try (TollgateProcess tollgate = TollgateProcess.start(dir, cfg)) {
                Path conf = dir.resolve("logrotate.conf");
                Files.writeString(conf, log + " {\n"
                        + "    daily\n    rotate 7\n    missingok\n    notifempty\n    compress\n    delaycompress\n"
                        + "    dateext\n    dateformat -%Y%m%d-%s\n"
                        + String.format(reopen.directive, tollgate.pid(), socket, answers)
                        + "}\n");
                traffic.start(frontendPort);
                for (int round = 0; round < ROTATIONS; round++) {
                    Thread.sleep(1100); // lines in the file, and a new second for the name
                    logrotate(conf);
                }
                Thread.sleep(300); // lines after the last rotation too
                sent = traffic.stop();
                assertThat(tollgate.isAlive()).as(tollgate.output()).isTrue();
                tollgate.stop();
                printed = tollgate.output();
            }
            assertThat(traffic.failures()).as("proxying went on").isEqualTo("none");
            assertThat(sent).isGreaterThan(ROTATIONS);
            switch (reopen) {
                case HANGUP -> assertThat(printed.split("\\[NOTICE] SIGHUP: log files reopened", -1))
                        .as(printed).hasSize(ROTATIONS + 1);
                case RUNTIME_API -> assertThat(Files.readString(answers)).as("reopen logs answers nothing")
                        .isEqualTo("\n".repeat(ROTATIONS));
                case COPYTRUNCATE -> assertThat(printed).doesNotContain("SIGHUP");
            }
        }

        List<Path> rotated = new ArrayList<>();
        for (Path p : LogFileLines.family(dir, "access.log")) {
            if (!p.equals(log)) {
                rotated.add(p);
            }
        }
        assertThat(rotated).hasSize(ROTATIONS);
        // delaycompress: the newest rotated file stays plain until the next rotation
        for (Path p : rotated.subList(0, ROTATIONS - 1)) {
            assertThat(p.getFileName().toString()).matches("access\\.log-\\d{8}-\\d+\\.gz");
            assertThat(LogFileLines.isGzip(p)).as(p + " is gzip").isTrue();
        }
        assertThat(rotated.get(ROTATIONS - 1).getFileName().toString()).matches("access\\.log-\\d{8}-\\d+");

        Map<Integer, List<String>> seen = new HashMap<>();
        List<Path> all = new ArrayList<>(rotated);
        all.add(log);
        for (Path p : all) {
            List<String> lines = LogFileLines.of(p);
            assertThat(lines).as(p + " has lines").isNotEmpty();
            for (String line : lines) {
                int id = AccessTraffic.idOf(line);
                if (id < 0) {
                    continue; // not an access line (an event's, such as a proxy starting)
                }
                seen.computeIfAbsent(id, k -> new ArrayList<>()).add(p.getFileName().toString());
            }
        }
        List<String> twice = new ArrayList<>();
        List<Integer> missing = new ArrayList<>();
        for (int id = 0; id < sent; id++) {
            List<String> where = seen.getOrDefault(id, List.of());
            if (where.isEmpty()) {
                missing.add(id);
            } else if (where.size() > 1) {
                twice.add(id + " in " + where);
            }
        }
        assertThat(twice).as("requests logged more than once, of " + sent).isEmpty();
        if (reopen == Reopen.COPYTRUNCATE) {
            // logrotate's own window (see the class comment): at most one paced write per rotation
            assertThat(runs(missing)).as("lines lost other than in logrotate's copy-to-truncate window: "
                    + missing).isLessThanOrEqualTo(ROTATIONS);
        } else {
            assertThat(missing).as("requests not logged, of " + sent).isEmpty();
        }
        assertThat(seen).hasSize(sent - missing.size());
    }

    /** How many unbroken runs of consecutive ids {@code ids} (ascending) makes. */
    private static int runs(List<Integer> ids) {
        int runs = 0;
        for (int i = 0; i < ids.size(); i++) {
            if (i == 0 || ids.get(i) != ids.get(i - 1) + 1) {
                runs++;
            }
        }
        return runs;
    }

    private void logrotate(Path conf) throws Exception {
        Process p = new ProcessBuilder(LOGROTATE.toString(), "-f", "-s", dir.resolve("state").toString(),
                conf.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
    }
}
