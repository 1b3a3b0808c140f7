package io.tollgate.engine.check;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When checks run, as HAProxy 2.6 schedules them: first runs spread in configuration order over
 * an interval, and each next run one interval after the previous one ended.
 */
class CheckScheduleTest {

    @Test
    void firstChecksAreSpreadOverTheInterval() {
        assertThat(HealthChecks.firstDelays(Collections.nCopies(200, 1000L)))
                .startsWith(0L, 5L, 10L).endsWith(990L, 995L).isSorted();
    }

    /** Observed with haproxy 2.6.12: four servers, {@code inter 2000} twice then {@code inter 300} twice. */
    @Test
    void shortIntervalsDoNotSetThePace() {
        assertThat(HealthChecks.firstDelays(List.of(2000L, 2000L, 300L, 300L))).containsExactly(0L, 500L, 1000L, 1500L);
    }

    /** At start a server's health is at rise, so it runs at {@code fastinter}: four at 400 ms start 100 ms apart. */
    @Test
    void onlyShortIntervalsSpreadEachOverItsOwn() {
        assertThat(HealthChecks.firstDelays(List.of(400L, 400L, 400L, 400L))).containsExactly(0L, 100L, 200L, 300L);
    }

    @Test
    void twoHundredServersAreNotCheckedAtOnce() throws Exception {
        StringBuilder config = new StringBuilder("""
                defaults
                  timeout connect 2s
                  timeout check 2s
                backend many
                """);
        int port = LocalPorts.unused();
        for (int i = 0; i < 200; i++) {
            config.append("  server s").append(i).append(" 127.0.0.1:").append(port).append(" check inter 1s\n");
        }
        long[] at = new long[200];
        try (CheckedEngine e = CheckedEngine.start(config.toString())) {
            CheckedEngine.await(Duration.ofSeconds(15), "a first check of every server",
                    () -> e.checks.stream().map(CheckedEngine.Seen::server).distinct().count() == 200);
            long start = e.checks.get(0).nanos();
            for (int i = 0; i < 200; i++) {
                at[i] = TimeUnit.NANOSECONDS.toMillis(e.checksOf("many", "s" + i).get(0).nanos() - start);
            }
        }
        long first = Arrays.stream(at).min().orElseThrow();
        long last = Arrays.stream(at).max().orElseThrow();
        // all at once would take a few milliseconds; spread, they fill most of the second
        assertThat(last - first).as("first checks from first to last, ms").isGreaterThanOrEqualTo(700);
        // in configuration order: the first fifty well before the last fifty
        double early = Arrays.stream(at, 0, 50).average().orElseThrow();
        double late = Arrays.stream(at, 150, 200).average().orElseThrow();
        assertThat(late - early).as("mean of the last fifty minus the first fifty, ms").isGreaterThan(500);
    }

    @Test
    void nextCheckStartsOneIntervalAfterTheLastEnded() throws Exception {
        try (SilentServer silent = new SilentServer();
             CheckedEngine e = CheckedEngine.start("""
                     defaults
                       mode http
                       timeout connect 2s
                       timeout check 300ms
                     backend b
                       option httpchk GET /
                       server s 127.0.0.1:%d check inter 500 fastinter 500 downinter 500
                     """.formatted(silent.port()))) {
            CheckedEngine.await(Duration.ofSeconds(10), "three checks", () -> silent.acceptNanos().size() >= 3);
            List<Long> at = silent.acceptNanos();
            for (int i = 1; i < 3; i++) {
                // each run lasts timeout check (300 ms) and the next starts inter (500 ms) after its end
                assertThat(TimeUnit.NANOSECONDS.toMillis(at.get(i) - at.get(i - 1))).as("gap before check " + i)
                        .isGreaterThanOrEqualTo(780);
            }
        }
    }
}
