package io.tollgate.engine.stats;

import java.util.List;
import java.util.Optional;

/**
 * The stats of every proxy and server at one moment, as rows in HAProxy's order: for each proxy
 * in configuration order, its FRONTEND row, its server rows in declaration order, then its
 * BACKEND row. Immutable; every surface (CSV, typed, JSON, page, Prometheus, history) prints one.
 *
 * @param takenAtMillis wall-clock time the snapshot was taken
 */
public record StatsSnapshot(long takenAtMillis, List<StatRow> rows) {

    public StatsSnapshot {
        rows = List.copyOf(rows);
    }

    /** The row of a proxy with this {@code svname} ({@code FRONTEND}, {@code BACKEND} or a server name). */
    public Optional<StatRow> row(String proxyName, String svname) {
        for (StatRow r : rows) {
            if (r.proxyName().equals(proxyName) && r.svname().equals(svname)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
