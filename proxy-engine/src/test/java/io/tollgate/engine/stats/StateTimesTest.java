package io.tollgate.engine.stats;

import io.tollgate.engine.config.CheckSettings;
import io.tollgate.engine.config.HostPort;
import io.tollgate.engine.config.ProxyKind;
import io.tollgate.engine.config.ProxyMode;
import io.tollgate.engine.config.ServerConfig;
import io.tollgate.engine.runtime.Proxies;
import io.tollgate.engine.runtime.Proxy;
import io.tollgate.engine.runtime.Server;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.tollgate.engine.stats.StatField.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Status strings, weights, lastchg, chkdown and downtime as servers change state through StateChanges. */
class StateTimesTest {
    private final ManualTicker ticker = new ManualTicker();
    private Proxies proxies;
    private StatsRegistry registry;

    private StatRow row(String proxy, String svname) {
        return registry.snapshot().row(proxy, svname).orElseThrow();
    }

    private static ServerConfig server(String name, int id, int weight, boolean backup, boolean disabled,
                                       boolean checked) {
        CheckSettings check = checked ? LabConfig.CHECK : CheckSettings.DEFAULT;
        return new ServerConfig(name, id, new HostPort("10.0.0." + id, 80), null, weight, 0, 0, 0, backup,
                disabled, null, check, null);
    }

    /** A backend's servers going down one by one, then one coming back. */
    @Test
    void statusWeightsAndDowntimeFollowStateChanges() {
        proxies = new Proxies(LabConfig.config(1000, List.of(
                LabConfig.proxy("app", ProxyKind.BACKEND, 3, ProxyMode.HTTP, 0, null, null, List.of(
                        server("a", 1, 3, false, false, true),
                        server("b", 2, 2, false, false, false),
                        server("c", 3, 4, true, false, false),
                        server("d", 4, 1, false, true, true))))), ticker);
        registry = new StatsRegistry(proxies, ticker);
        LabTraffic.checksPassed(proxies);
        Proxy app = proxies.backend("app");
        Server a = app.servers().get(0);

        assertThat(row("app", "a").text(STATUS)).isEqualTo("UP");
        assertThat(row("app", "a").number(CHECK_HEALTH)).isEqualTo(4);
        assertThat(row("app", "b").text(STATUS)).isEqualTo("no check");
        assertThat(row("app", "b").has(CHKFAIL)).isFalse();
        assertThat(row("app", "b").has(CHECK_RISE)).isFalse();
        assertThat(row("app", "c").number(BCK)).isEqualTo(1);
        assertThat(row("app", "c").number(ACT)).isZero();
        // In maintenance the checks are paused: counters shown, check columns empty.
        assertThat(row("app", "d").text(STATUS)).isEqualTo("MAINT");
        assertThat(row("app", "d").number(CHKDOWN)).isZero();
        assertThat(row("app", "d").has(CHECK_HEALTH)).isFalse();
        StatRow backend = row("app", "BACKEND");
        assertThat(backend.text(STATUS)).isEqualTo("UP");
        assertThat(backend.number(WEIGHT)).isEqualTo(5);
        assertThat(backend.number(UWEIGHT)).isEqualTo(5);
        assertThat(backend.number(ACT)).isEqualTo(2);
        assertThat(backend.number(BCK)).isEqualTo(1);

        ticker.advanceSeconds(3);
        proxies.stateChanges().setUp(a, false, "test");
        assertThat(row("app", "a").text(STATUS)).isEqualTo("DOWN");
        assertThat(row("app", "a").number(CHECK_HEALTH)).isZero();
        assertThat(row("app", "a").number(CHKDOWN)).isEqualTo(1);
        assertThat(row("app", "BACKEND").number(WEIGHT)).isEqualTo(2);

        // No active server left: the backup carries the backend.
        proxies.stateChanges().setUp(app.servers().get(1), false, "test");
        backend = row("app", "BACKEND");
        assertThat(backend.text(STATUS)).isEqualTo("UP");
        assertThat(backend.number(WEIGHT)).isEqualTo(4);
        assertThat(backend.number(ACT)).isZero();
        assertThat(backend.number(LASTCHG)).isEqualTo(3);

        proxies.stateChanges().setMaintenance(app.servers().get(2), true, "test");
        assertThat(row("app", "c").text(STATUS)).isEqualTo("MAINT");
        ticker.advanceSeconds(7);
        backend = row("app", "BACKEND");
        assertThat(backend.text(STATUS)).isEqualTo("DOWN");
        assertThat(backend.number(WEIGHT)).isZero();
        assertThat(backend.number(CHKDOWN)).isEqualTo(1);
        assertThat(backend.number(DOWNTIME)).isEqualTo(7);
        assertThat(backend.number(LASTCHG)).isEqualTo(7);
        assertThat(row("app", "a").number(DOWNTIME)).isEqualTo(7);
        assertThat(row("app", "a").number(LASTCHG)).isEqualTo(7);

        ticker.advanceSeconds(2);
        proxies.stateChanges().setUp(a, true, "test");
        ticker.advanceSeconds(1);
        backend = row("app", "BACKEND");
        assertThat(backend.text(STATUS)).isEqualTo("UP");
        assertThat(backend.number(LASTCHG)).isEqualTo(1);
        assertThat(backend.number(DOWNTIME)).isEqualTo(9);
        assertThat(backend.number(CHKDOWN)).isEqualTo(1);
        assertThat(row("app", "a").text(STATUS)).isEqualTo("UP");
        assertThat(row("app", "a").number(DOWNTIME)).isEqualTo(9);
    }
}
