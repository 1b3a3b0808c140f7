package io.tollgate.engine.stats;

import io.tollgate.engine.config.CheckSettings;
import io.tollgate.engine.config.HostPort;
import io.tollgate.engine.config.ProxyConfig;
import io.tollgate.engine.config.ProxyKind;
import io.tollgate.engine.config.ProxyMode;
import io.tollgate.engine.config.ServerConfig;
import io.tollgate.engine.lb.Dispatcher;
import io.tollgate.engine.runtime.Proxies;
import io.tollgate.engine.runtime.Proxy;
import io.tollgate.engine.runtime.Server;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import static io.tollgate.engine.stats.StatField.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatsRegistryTest {
    private final ManualTicker ticker = new ManualTicker();
    private Proxies proxies;
    private StatsRegistry registry;

    private void start(ProxyConfig... configs) {
        proxies = new Proxies(LabConfig.config(1000, List.of(configs)), ticker);
        registry = new StatsRegistry(proxies, ticker);
    }

    private StatRow row(String proxy, String svname) {
        return registry.snapshot().row(proxy, svname).orElseThrow();
    }

    @Test
    void limitsAreEmptyWhenUnset() {
        ServerConfig limited = new ServerConfig("limited", 1, new HostPort("10.0.0.1", 80), null, 1, 50, 5, 0,
                false, false, null, CheckSettings.DEFAULT, null);
        start(LabConfig.proxy("web", ProxyKind.LISTEN, 2, ProxyMode.HTTP, 200, null, null,
                List.of(limited, LabConfig.plainServer("open", 2, "10.0.0.2", 80))));
        assertThat(row("web", "FRONTEND").number(SLIM)).isEqualTo(200);
        assertThat(row("web", "BACKEND").number(SLIM)).isEqualTo(20); // fullconn: maxconn / 10
        assertThat(row("web", "limited").number(SLIM)).isEqualTo(50);
        assertThat(row("web", "limited").number(QLIMIT)).isEqualTo(5);
        StatRow open = row("web", "open");
        assertThat(open.has(SLIM)).isFalse();
        assertThat(open.has(QLIMIT)).isFalse();
        assertThat(open.has(SRC_ILIM)).isFalse();
        assertThat(open.has(THROTTLE)).isFalse();
        assertThat(open.has(TRACKED)).isFalse();
        assertThat(open.has(COOKIE)).isFalse();
        assertThat(open.number(SRV_ICUR)).isZero();
    }

    /** HAProxy leaves the HTTP columns of TCP proxies empty, except the frontend's request counts. */
    @Test
    void tcpProxiesHaveNoHttpColumns() {
        start(LabConfig.proxy("db", ProxyKind.LISTEN, 2, ProxyMode.TCP, 0, null, null,
                List.of(LabConfig.plainServer("pg", 1, "10.0.0.1", 5432))));
        StatRow fe = row("db", "FRONTEND");
        StatRow be = row("db", "BACKEND");
        StatRow sv = row("db", "pg");
        for (StatField f : new StatField[] {HRSP_1XX, HRSP_2XX, HRSP_3XX, HRSP_4XX, HRSP_5XX, HRSP_OTHER,
                CACHE_LOOKUPS, CACHE_HITS, INTERCEPTED}) {
            assertThat(fe.has(f)).as(f.csvName()).isFalse();
            if (f.appliesTo(RowType.BACKEND)) {
                assertThat(be.has(f)).as(f.csvName()).isFalse();
            }
        }
        assertThat(fe.number(REQ_TOT)).isZero();
        assertThat(fe.number(REQ_RATE)).isZero();
        assertThat(be.has(REQ_TOT)).isFalse();
        assertThat(sv.has(REQ_TOT)).isFalse();
        assertThat(sv.has(HRSP_2XX)).isFalse();
        assertThat(be.number(RTIME)).isZero();
        assertThat(be.number(COMP_IN)).isZero();
        assertThat(fe.text(MODE)).isEqualTo("tcp");
        assertThat(be.text(ALGO)).isEqualTo("roundrobin");
    }

    @Test
    void addressesPrintAsHaproxyDoes() {
        ServerConfig v6 = new ServerConfig("v6", 1, new HostPort("::1", 8080), null, 1, 0, 0, 0, false, false,
                null, CheckSettings.DEFAULT, null);
        ServerConfig unix = new ServerConfig("sock", 2, null, "/run/app.sock", 1, 0, 0, 0, false, false,
                null, CheckSettings.DEFAULT, null);
        start(LabConfig.proxy("be", ProxyKind.BACKEND, 2, ProxyMode.HTTP, 0, null, null, List.of(v6, unix)));
        assertThat(row("be", "v6").text(ADDR)).isEqualTo("[::1]:8080");
        assertThat(row("be", "sock").text(ADDR)).isEqualTo("unix");
    }

    @Test
    void lastsessIsMinusOneUntilASessionThenSeconds() {
        start(LabConfig.proxy("be", ProxyKind.BACKEND, 2, ProxyMode.HTTP, 0, null, null,
                List.of(LabConfig.plainServer("s1", 1, "10.0.0.1", 80))));
        Proxy be = proxies.backend("be");
        Server s1 = be.servers().get(0);
        assertThat(row("be", "s1").number(LASTSESS)).isEqualTo(-1);
        assertThat(row("be", "BACKEND").number(LASTSESS)).isEqualTo(-1);

        assertThat(Dispatcher.pick(be, null, null)).isSameAs(s1);
        be.backendCounters().sessionStarted();
        s1.counters().sessionStarted();
        assertThat(row("be", "s1").number(LASTSESS)).isZero();
        assertThat(row("be", "s1").number(SCUR)).isEqualTo(1);
        assertThat(row("be", "s1").number(USED_CONN_CUR)).isEqualTo(1);

        ticker.advanceMillis(5_400);
        assertThat(row("be", "s1").number(LASTSESS)).isEqualTo(5);
        assertThat(row("be", "BACKEND").number(LASTSESS)).isEqualTo(5);
    }

    @Test
    void ratesDecayWithSteppedTimeAndTheirMaximumStays() {
        start(LabConfig.proxy("fe", ProxyKind.FRONTEND, 2, ProxyMode.HTTP, 0, null, null, List.of()));
        FrontendCounters c = proxies.proxy("fe").frontendCounters();
        ticker.advanceMillis(200);
        for (int i = 0; i < 5; i++) {
            c.sessionOpened();
            c.requestReceived();
        }
        StatRow fe = row("fe", "FRONTEND");
        assertThat(fe.number(RATE)).isEqualTo(5);
        assertThat(fe.number(CONN_RATE)).isEqualTo(5);
        assertThat(fe.number(REQ_RATE)).isEqualTo(5);

        ticker.advanceSeconds(1); // 80% of the busy second is still in the window
        fe = row("fe", "FRONTEND");
        assertThat(fe.number(RATE)).isEqualTo(4);
        assertThat(fe.number(REQ_RATE)).isEqualTo(4);

        ticker.advanceSeconds(1);
        fe = row("fe", "FRONTEND");
        assertThat(fe.number(RATE)).isZero();
        assertThat(fe.number(CONN_RATE)).isZero();
        assertThat(fe.number(RATE_MAX)).isEqualTo(5);
        assertThat(fe.number(CONN_RATE_MAX)).isEqualTo(5);
        assertThat(fe.number(REQ_RATE_MAX)).isEqualTo(5);
        assertThat(fe.number(RATE_LIM)).isZero();
    }

    @Test
    void timesAreAveragedAndTheirMaximumKept() {
        start(LabConfig.proxy("be", ProxyKind.BACKEND, 2, ProxyMode.HTTP, 0, null, null,
                List.of(LabConfig.plainServer("s1", 1, "10.0.0.1", 80))));
        BackendCounters c = proxies.backend("be").backendCounters();
        for (long ms : new long[] {10, 30}) {
            c.queueTime.add(ms);
            c.connectTime.add(ms + 1);
            c.responseTime.add(ms + 2);
            c.totalTime.add(ms + 3);
        }
        StatRow be = row("be", "BACKEND");
        assertThat(List.of(be.number(QTIME), be.number(CTIME), be.number(RTIME), be.number(TTIME)))
                .containsExactly(20L, 21L, 22L, 23L);
        assertThat(List.of(be.number(QTIME_MAX), be.number(CTIME_MAX), be.number(RTIME_MAX), be.number(TTIME_MAX)))
                .containsExactly(30L, 31L, 32L, 33L);
    }

    /** Each counter lands in its own column: distinct values, no crossed wires. */
    @Test
    void everyCounterReachesItsColumn() {
        start(LabConfig.proxy("web", ProxyKind.LISTEN, 2, ProxyMode.HTTP, 0, null, null,
                List.of(LabConfig.plainServer("s1", 1, "10.0.0.1", 80))));
        Proxy web = proxies.proxy("web");
        FrontendCounters f = web.frontendCounters();
        Map<StatField, LongAdder> frontend = Map.ofEntries(Map.entry(BIN, f.bytesIn), Map.entry(BOUT, f.bytesOut),
                Map.entry(DREQ, f.deniedRequests), Map.entry(DRESP, f.deniedResponses),
                Map.entry(EREQ, f.requestErrors), Map.entry(INTERCEPTED, f.intercepted),
                Map.entry(DCON, f.deniedConnections), Map.entry(DSES, f.deniedSessions),
                Map.entry(WREW, f.failedRewrites), Map.entry(EINT, f.internalErrors),
                Map.entry(REQ_TOT, f.requestsTotal), Map.entry(CONN_TOT, f.connectionsTotal),
                Map.entry(STOT, f.sessionsTotal));
        assertWired(frontend, "web", "FRONTEND", 100);
        assertWired(backendCounters(web.backendCounters()), "web", "BACKEND", 200);
        assertWired(backendCounters(web.servers().get(0).counters()), "web", "s1", 300);
    }

    private static Map<StatField, LongAdder> backendCounters(BackendCounters c) {
        return Map.ofEntries(Map.entry(STOT, c.sessionsTotal), Map.entry(LBTOT, c.lbTotal),
                Map.entry(BIN, c.bytesIn), Map.entry(BOUT, c.bytesOut), Map.entry(DRESP, c.deniedResponses),
                Map.entry(ECON, c.connectionErrors), Map.entry(ERESP, c.responseErrors),
                Map.entry(WRETR, c.retries), Map.entry(WREDIS, c.redispatches),
                Map.entry(REQ_TOT, c.requestsTotal), Map.entry(CLI_ABRT, c.clientAborts),
                Map.entry(SRV_ABRT, c.serverAborts), Map.entry(CONNECT, c.connects), Map.entry(REUSE, c.reuses),
                Map.entry(WREW, c.failedRewrites), Map.entry(EINT, c.internalErrors));
    }

    private void assertWired(Map<StatField, LongAdder> counters, String proxy, String svname, int base) {
        int i = 0;
        for (Map.Entry<StatField, LongAdder> e : counters.entrySet()) {
            e.getValue().add(base + i++);
        }
        StatRow r = row(proxy, svname);
        for (Map.Entry<StatField, LongAdder> e : counters.entrySet()) {
            assertThat(r.number(e.getKey())).as(svname + " " + e.getKey().csvName()).isEqualTo(e.getValue().sum());
        }
    }

    @Test
    void httpResponsesAreCountedByClass() {
        start(LabConfig.proxy("fe", ProxyKind.FRONTEND, 2, ProxyMode.HTTP, 0, null, null, List.of()));
        HttpStatusCounters r = proxies.proxy("fe").frontendCounters().responses;
        for (int code : new int[] {101, 200, 204, 302, 404, 404, 503, 0, 700}) {
            r.count(code);
        }
        StatRow fe = row("fe", "FRONTEND");
        assertThat(List.of(fe.number(HRSP_1XX), fe.number(HRSP_2XX), fe.number(HRSP_3XX), fe.number(HRSP_4XX),
                fe.number(HRSP_5XX), fe.number(HRSP_OTHER))).containsExactly(1L, 2L, 1L, 2L, 1L, 2L);
    }

    @Test
    void rowsRefuseValuesHaproxyNeverPrints() {
        StatRow.Builder fe = StatRow.builder(RowType.FRONTEND, "fe", "FRONTEND", 2, 0);
        assertThatThrownBy(() -> fe.number(QCUR, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("qcur does not apply to a Frontend row");
        assertThatThrownBy(() -> fe.text(SCUR, "1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scur is a u32 field, not a text");
        StatRow row = fe.number(SCUR, 3).build();
        assertThat(row.number(PID)).isEqualTo(1);
        assertThat(row.number(TYPE)).isZero();
        assertThat(row.text(PXNAME)).isEqualTo("fe");
        assertThatThrownBy(() -> row.number(SMAX)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theSnapshotIsStampedAndFindsRows() {
        start(LabConfig.proxy("fe", ProxyKind.FRONTEND, 2, ProxyMode.HTTP, 0, null, null, List.of()));
        StatsSnapshot s = registry.snapshot();
        assertThat(s.takenAtMillis()).isEqualTo(ticker.wallMillis());
        assertThat(s.rows()).hasSize(1);
        assertThat(s.row("fe", "BACKEND")).isEmpty();
        assertThat(s.row("fe", "FRONTEND")).get().extracting(StatRow::iid).isEqualTo(2);
    }
}
