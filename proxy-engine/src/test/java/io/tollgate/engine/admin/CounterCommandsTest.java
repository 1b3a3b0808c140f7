package io.tollgate.engine.admin;

import io.tollgate.engine.runtime.CheckState;
import io.tollgate.engine.runtime.CheckStatus;
import io.tollgate.engine.runtime.Proxies;
import io.tollgate.engine.runtime.Proxy;
import io.tollgate.engine.runtime.Server;
import io.tollgate.engine.stats.BackendCounters;
import io.tollgate.engine.stats.CsvRows;
import io.tollgate.engine.stats.CsvStatsWriter;
import io.tollgate.engine.stats.FrontendCounters;
import io.tollgate.engine.stats.StatsRegistry;
import io.tollgate.engine.stats.Ticker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.tollgate.engine.admin.CliActors.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code clear counters} and {@code clear counters all} read in the CSV before and after, with
 * the fields HAProxy 2.6.12 resets for each (seen with {@code haproxy -db}: the peaks for the
 * first; every counter, {@code chkfail}, {@code chkdown} and {@code lastsess} included, for the
 * second, while {@code scur}, {@code qcur} and {@code downtime} stay).
 */
class CounterCommandsTest {

    @TempDir
    Path dir;
    private Proxies proxies;
    private StatsRegistry stats;
    private RuntimeApi api;

    @BeforeEach
    void load() throws Exception {
        proxies = CliActors.proxies(dir, """
                defaults
                  mode http
                  timeout connect 1s
                  timeout client 5s
                  timeout server 5s
                frontend fe
                  bind 127.0.0.1:27311
                  default_backend be
                backend be
                  server s1 127.0.0.1:27312 check inter 1h observe layer7
                """);
        stats = new StatsRegistry(proxies, Ticker.SYSTEM);
        api = new RuntimeApi(proxies, stats, () -> null);
        traffic();
    }

    /** What three requests, each queued a moment, and a failed check leave in the counters; one session of each stays open. */
    private void traffic() {
        FrontendCounters fe = proxies.proxy("fe").frontendCounters();
        Proxy be = proxies.backend("be");
        Server s1 = be.server("s1");
        for (int i = 0; i < 3; i++) {
            fe.sessionOpened();
            fe.requestReceived();
            fe.bytesIn.add(100);
            fe.responses.count(200);
            for (BackendCounters c : List.of(be.backendCounters(), s1.counters())) {
                c.sessionStarted();
                c.lbTotal.increment();
                c.connects.increment();
                c.requestsTotal.increment();
                c.responses.count(200);
                c.queued.increment();
                c.queued.decrement();
                c.queueTime.add(4);
                c.totalTime.add(9);
                c.sessionEnded();
            }
        }
        fe.sessionClosed();
        fe.sessionClosed();
        be.backendCounters().sessionStarted();
        s1.counters().sessionStarted();
        s1.analyzedFailures().increment();
        proxies.stateChanges().checkCompleted(s1, s1.check(),
                new CheckState.Result(CheckStatus.L4_CONNECTION, -1, "Connection refused", 0));
        proxies.stateChanges().setMaintenance(s1, true, "test");
        proxies.stateChanges().setMaintenance(s1, false, "test");
    }

    private Map<String, String> row(String px, String sv) {
        return CsvRows.parse(new CsvStatsWriter().write(stats.snapshot())).get(px + "/" + sv);
    }

    @Test
    void clearCountersResetsThePeaksOnly() {
        assertThat(row("fe", "FRONTEND")).containsEntry("smax", "3").containsEntry("conn_rate_max", "3")
                .containsEntry("rate_max", "3").containsEntry("req_rate_max", "3");
        assertThat(row("be", "s1")).containsEntry("qmax", "1").containsEntry("smax", "1")
                .containsEntry("qtime_max", "4").containsEntry("ttime_max", "9");

        assertThat(api.execute("clear counters", OPERATOR)).isEmpty();

        assertThat(row("fe", "FRONTEND")).containsEntry("smax", "0").containsEntry("scur", "1")
                .containsEntry("stot", "3").containsEntry("req_tot", "3").containsEntry("hrsp_2xx", "3")
                .containsEntry("bin", "300");
        for (String sv : List.of("s1", "BACKEND")) {
            assertThat(row("be", sv)).as(sv).containsEntry("qmax", "0").containsEntry("smax", "0")
                    .containsEntry("qtime_max", "0").containsEntry("ttime_max", "0").containsEntry("scur", "1")
                    .containsEntry("stot", "4").containsEntry("lbtot", "3").containsEntry("qtime", "4");
        }
        assertThat(row("be", "s1")).containsEntry("chkfail", "1").containsEntry("chkdown", "1")
                .containsEntry("hanafail", "1");
    }

    @Test
    void clearCountersAllResetsEveryCounterButWhatIsLive() {
        assertThat(api.execute("clear counters all", OPERATOR)).isEqualTo("Permission denied\n");
        assertThat(row("fe", "FRONTEND")).containsEntry("stot", "3");

        assertThat(api.execute("clear counters all", ADMIN)).isEmpty();

        assertThat(row("fe", "FRONTEND")).containsEntry("scur", "1").containsEntry("smax", "0")
                .containsEntry("stot", "0").containsEntry("conn_tot", "0").containsEntry("req_tot", "0")
                .containsEntry("bin", "0").containsEntry("hrsp_2xx", "0").containsEntry("rate", "0")
                .containsEntry("conn_rate_max", "0");
        for (String sv : List.of("s1", "BACKEND")) {
            assertThat(row("be", sv)).as(sv).containsEntry("scur", "1").containsEntry("stot", "0")
                    .containsEntry("lbtot", "0").containsEntry("connect", "0").containsEntry("req_tot", "0")
                    .containsEntry("hrsp_2xx", "0").containsEntry("qtime", "0").containsEntry("ttime", "0")
                    .containsEntry("lastsess", "-1");
        }
        assertThat(row("be", "s1")).containsEntry("chkfail", "0").containsEntry("chkdown", "0")
                .containsEntry("hanafail", "0");
    }

    @Test
    void aUserMayNotClearAnything() {
        assertThat(api.execute("clear counters", USER)).isEqualTo("Permission denied\n");
        assertThat(row("fe", "FRONTEND")).containsEntry("smax", "3");
        assertThat(api.execute("clear counters foo", OPERATOR)).isEmpty();
        assertThat(row("fe", "FRONTEND")).containsEntry("smax", "0").containsEntry("stot", "3");
    }
}
