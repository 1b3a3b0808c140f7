package io.tollgate.engine.stats;

import io.tollgate.engine.runtime.Proxies;
import io.tollgate.engine.runtime.Proxy;
import io.tollgate.engine.runtime.Server;

import java.util.ArrayList;
import java.util.List;

/**
 * The read side of the counters: turns the live counters of every proxy and server into a
 * {@link StatsSnapshot} on demand.
 *
 * <h2>Describe once, compute once, print many ways</h2>
 * {@link StatField} names every column once; {@link RowFill} decides once, per row type, which
 * column gets which number and which stays empty; writers ({@link CsvStatsWriter},
 * {@link TypedStatsWriter}, and the page, JSON and Prometheus surfaces) only print snapshots.
 * No surface keeps counters of its own, so the numbers agree everywhere.
 *
 * <h2>Where the numbers come from</h2>
 * The event loops update {@link FrontendCounters} and {@link BackendCounters} (one per backend
 * and one per server) without locks. A snapshot reads them off the hot path, field by field.
 * State history that no counter holds (when a backend last went down, how long servers stayed
 * down) is learnt from {@link io.tollgate.engine.runtime.StateChanges} by {@link StateTimes}.
 *
 * <h2>Precision</h2>
 * A snapshot is not atomic: counters are read one after another while traffic flows, so a row
 * may count a session in {@code stot} whose first bytes are not yet in {@code bin}. HAProxy
 * reads its counters the same way. Rates are per-second sliding windows ({@link RateCounter});
 * time averages cover the last 1024 samples ({@link SlidingAverage}); ages are whole seconds.
 *
 * <h2>Empty is not zero</h2>
 * Tools tell "not applicable" from "nothing happened yet" by an empty CSV column versus
 * {@code 0}. A field is empty on row types it does not apply to ({@link StatField#rows()}) and
 * where HAProxy leaves it empty on a condition (no {@code maxconn}, no checks, TCP mode, ...);
 * {@link StatRow.Builder} refuses a value where the field does not apply.
 *
 * <p>One registry per {@link Proxies}: it subscribes to their state changes when built.
 */
public final class StatsRegistry {
    private final Proxies proxies;
    private final Ticker ticker;
    private final RowFill fill;

    public StatsRegistry(Proxies proxies, Ticker ticker) {
        this.proxies = proxies;
        this.ticker = ticker;
        this.fill = new RowFill(StateTimes.follow(proxies, ticker));
    }

    /**
     * {@code clear counters [all]}, as HAProxy's {@code cli_parse_clear_counters}: the peaks of
     * every proxy and server, or with {@code all} every counter (check failures and
     * {@code chkdown} of servers included). Current values ({@code scur}, {@code qcur}), states
     * and {@code downtime} stay. Runs beside live traffic without stopping it.
     */
    public void clearCounters(boolean all) {
        for (Proxy p : proxies.all()) {
            if (p.isFrontend()) {
                if (all) {
                    p.frontendCounters().clearAll();
                } else {
                    p.frontendCounters().clearMaxima();
                }
            }
            if (!p.isBackend()) {
                continue;
            }
            clear(p.backendCounters(), all);
            for (Server s : p.servers()) {
                clear(s.counters(), all);
                if (all) {
                    if (s.check() != null) {
                        s.check().clearFailures();
                    }
                    s.analyzedFailures().reset();
                    fill.times().clearDownTransitions(s);
                }
            }
        }
    }

    private static void clear(BackendCounters c, boolean all) {
        if (all) {
            c.clearAll();
        } else {
            c.clearMaxima();
        }
    }

    /**
     * Reads every counter now: for each proxy in configuration order, its FRONTEND row (if it
     * is a frontend), its server rows in declaration order and its BACKEND row (if it is a
     * backend). No listener rows: {@code option socket-stats} is not supported.
     */
    public StatsSnapshot snapshot() {
        long now = ticker.wallMillis();
        List<StatRow> rows = new ArrayList<>();
        for (Proxy p : proxies.all()) {
            if (p.isFrontend()) {
                rows.add(fill.frontend(p));
            }
            if (p.isBackend()) {
                for (Server s : p.servers()) {
                    rows.add(fill.server(p, s));
                }
                rows.add(fill.backend(p));
            }
        }
        return new StatsSnapshot(now, rows);
    }
}
