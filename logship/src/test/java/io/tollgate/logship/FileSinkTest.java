package io.tollgate.logship;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** file@ targets: rotation by size and time, keep, compress, dateext, and an external logrotate. */
class FileSinkTest {

    private static final int THREADS = 4;
    private static final int LINES = 5000;

    @TempDir
    Path dir;

    /** THREADS threads offer LINES numbered lines each; the clock, if given, steps an hour every 1,000 offers of one writer. */
    private static void writeNumberedLines(LogShipper shipper, LogRoute route, SteppedClock clock) throws Exception {
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            writers.add(new Thread(() -> {
                for (int i = 0; i < LINES; i++) {
                    if (!shipper.offer(route, Severity.INFO, "writer " + thread + " line " + i)) {
                        throw new AssertionError("queue full at writer " + thread + " line " + i);
                    }
                    if (clock != null && thread == 0 && i % 1000 == 999 && i < LINES - 1) {
                        clock.advance(Duration.ofHours(1));
                    }
                }
            }));
        }
        writers.forEach(Thread::start);
        for (Thread w : writers) {
            w.join(60_000);
            assertThat(w.isAlive()).isFalse();
        }
    }

    private static void assertEveryLineExactlyOnce(List<String> lines) {
        Set<String> expected = new HashSet<>();
        for (int t = 0; t < THREADS; t++) {
            for (int i = 0; i < LINES; i++) {
                expected.add("writer " + t + " line " + i);
            }
        }
        assertThat(lines).hasSize(THREADS * LINES).doesNotHaveDuplicates();
        assertThat(new HashSet<>(lines)).isEqualTo(expected);
    }

    @Test
    void sizeRotationCompressesOldFilesAndLosesOrDuplicatesNoLine() throws Exception {
        Path log = dir.resolve("app.log");
        try (LogShipper shipper = new LogShipper(THREADS * LINES + 10, Clock.systemUTC(), p -> { })) {
            writeNumberedLines(shipper, Routes.of("file@" + log + " format raw rotate size 64k keep 100 compress local0"),
                    null);
        }
        List<Path> files = LogFiles.family(dir, "app.log");
        assertThat(files).contains(log, dir.resolve("app.log.1.gz"), dir.resolve("app.log.2.gz"));
        assertThat(files).allSatisfy(p -> assertThat(p.equals(log) || p.toString().endsWith(".gz")).isTrue());
        for (Path p : files) {
            assertThat(Files.size(p)).isLessThanOrEqualTo(64 * 1024);
        }
        assertEveryLineExactlyOnce(LogFiles.allLines(dir, "app.log"));
    }

    @Test
    void keepDeletesTheOldestFiles() throws Exception {
        Path log = dir.resolve("keep.log");
        try (LogShipper shipper = new LogShipper(1000, Clock.systemUTC(), p -> { })) {
            LogRoute route = Routes.of("file@" + log + " format raw rotate size 100 keep 3 local0");
            for (int i = 0; i < 10; i++) {
                shipper.offer(route, Severity.INFO, "file " + i + " " + "x".repeat(90));
            }
        }
        assertThat(LogFiles.family(dir, "keep.log"))
                .containsExactly(log, dir.resolve("keep.log.1"), dir.resolve("keep.log.2"), dir.resolve("keep.log.3"));
        assertThat(LogFiles.lines(log)).singleElement().asString().startsWith("file 9 ");
        assertThat(LogFiles.lines(dir.resolve("keep.log.1"))).singleElement().asString().startsWith("file 8 ");
        assertThat(LogFiles.lines(dir.resolve("keep.log.3"))).singleElement().asString().startsWith("file 6 ");
    }

    @Test
    void hourlyRotationWithDateextNamesFilesByTheHourOfTheirLines() throws Exception {
        SteppedClock clock = new SteppedClock("2026-11-23T22:10:00Z");
        Path log = dir.resolve("hourly.log");
        try (LogShipper shipper = new LogShipper(THREADS * LINES + 10, clock, p -> { })) {
            writeNumberedLines(shipper, Routes.of("file@" + log + " format iso rotate hourly keep 100 compress dateext local0"),
                    clock);
        }
        List<Path> files = LogFiles.family(dir, "hourly.log");
        assertThat(files).containsExactly(log, dir.resolve("hourly.log-2026112322.gz"),
                dir.resolve("hourly.log-2026112323.gz"), dir.resolve("hourly.log-2026112400.gz"),
                dir.resolve("hourly.log-2026112401.gz"));
        List<String> all = new ArrayList<>();
        for (Path p : files) {
            String name = p.getFileName().toString();
            for (String line : LogFiles.lines(p)) {
                if (!name.equals("hourly.log")) {
                    // an old file holds lines stamped up to the end of the hour its name gives (a line
                    // stamped just before another thread's can reach the queue just after it)
                    String hour = name.substring(11, 15) + "-" + name.substring(15, 17) + "-" + name.substring(17, 19)
                            + "T" + name.substring(19, 21);
                    assertThat(line.substring(0, 13)).isLessThanOrEqualTo(hour);
                }
                all.add(line.substring(line.indexOf(' ') + 1));
            }
        }
        assertEveryLineExactlyOnce(all);
    }

    @Test
    void dailyDateextKeepsTheNewestDays() throws Exception {
        SteppedClock clock = new SteppedClock("2026-11-20T12:00:00Z");
        Path log = dir.resolve("daily.log");
        try (LogShipper shipper = new LogShipper(100, clock, p -> { })) {
            LogRoute route = Routes.of("file@" + log + " format raw rotate daily keep 2 dateext local0");
            for (int day = 0; day < 5; day++) {
                assertThat(shipper.offer(route, Severity.INFO, "day " + day)).isTrue();
                waitUntilQueueEmpty(shipper);
                clock.advance(Duration.ofDays(1));
            }
        }
        assertThat(LogFiles.family(dir, "daily.log"))
                .containsExactly(log, dir.resolve("daily.log-20261122"), dir.resolve("daily.log-20261123"));
        assertThat(LogFiles.lines(dir.resolve("daily.log-20261123"))).containsExactly("day 3");
        assertThat(LogFiles.lines(log)).containsExactly("day 4");
    }

    private static void waitUntilQueueEmpty(LogShipper shipper) throws InterruptedException {
        for (int i = 0; i < 1000 && shipper.queued() > 0; i++) {
            Thread.sleep(5);
        }
        // the entry may have left the queue but not yet been written: one more tick's worth
        Thread.sleep(2 * LogShipper.TICK_MILLIS);
    }

    @Test
    void realZcatReadsTheCompressedFiles() throws Exception {
        Path log = dir.resolve("z.log");
        try (LogShipper shipper = new LogShipper(1000, Clock.systemUTC(), p -> { })) {
            LogRoute route = Routes.of("file@" + log + " format raw rotate size 1k keep 10 compress local0");
            for (int i = 0; i < 40; i++) {
                shipper.offer(route, Severity.INFO, "line " + i + " ünïcödé " + "y".repeat(40));
            }
        }
        Process zcat = new ProcessBuilder("zcat", dir.resolve("z.log.1.gz").toString()).redirectErrorStream(true).start();
        String out = new String(zcat.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(zcat.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(zcat.exitValue()).as(out).isZero();
        assertThat(out).isEqualTo(String.join("\n", LogFiles.lines(dir.resolve("z.log.1.gz"))) + "\n");
        assertThat(out).contains("ünïcödé");
    }

    @Test
    @SuppressWarnings("try") // closed inside the block to read what it flushed
    void aFileMovedByAnExternalLogrotateIsReopenedWithoutLosingALine() throws Exception {
        Path log = dir.resolve("ext.log");
        try (LogShipper shipper = new LogShipper(100_000, Clock.systemUTC(), p -> { })) {
            LogRoute route = Routes.of("file@" + log + " format raw local0");
            int n = 0;
            for (; n < 1000; n++) {
                shipper.offer(route, Severity.INFO, "line " + n);
            }
            waitUntilQueueEmpty(shipper);
            Files.move(log, dir.resolve("ext.log.1"));
            // lines keep flowing into the moved file until the sink notices (within a second)
            for (int i = 0; i < 400 && !Files.exists(log); i++) {
                shipper.offer(route, Severity.INFO, "line " + n++);
                Thread.sleep(5);
            }
            assertThat(log).exists();
            Files.move(log, dir.resolve("ext.log.2"));
            // and reopen() (kill -HUP, the runtime API) reopens at once
            shipper.reopen().get(10, TimeUnit.SECONDS);
            assertThat(log).exists();
            for (int i = 0; i < 100; i++) {
                shipper.offer(route, Severity.INFO, "line " + n++);
            }
            shipper.close();
            List<String> all = LogFiles.allLines(dir, "ext.log");
            assertThat(all).hasSize(n).doesNotHaveDuplicates();
            assertThat(LogFiles.lines(log)).isNotEmpty();
            assertThat(shipper.dropped()).isZero();
        }
    }

    @Test
    void copytruncateNeedsNoReopen() throws Exception {
        Path log = dir.resolve("ct.log");
        try (LogShipper shipper = new LogShipper(1000, Clock.systemUTC(), p -> { })) {
            LogRoute route = Routes.of("file@" + log + " format raw local0");
            shipper.offer(route, Severity.INFO, "before");
            waitUntilQueueEmpty(shipper);
            Files.copy(log, dir.resolve("ct.log.1"));
            Files.write(log, new byte[0]);
            shipper.offer(route, Severity.INFO, "after");
        }
        assertThat(LogFiles.lines(dir.resolve("ct.log.1"))).containsExactly("before");
        assertThat(LogFiles.lines(log)).containsExactly("after");
    }
}
