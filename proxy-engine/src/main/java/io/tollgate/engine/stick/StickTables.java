package io.tollgate.engine.stick;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Every stick table of a configuration, by name: what {@code track-sc*}, {@code stick},
 * {@code table_*} fetches and {@code show table} look tables up in. Built once per load and
 * read-only afterwards, so lookups need no locking.
 */
public final class StickTables {
    private final Map<String, StickTable> byName;

    /** The tables in declaration order; two with one name is a configuration error the caller missed. */
    public StickTables(Collection<StickTable> tables) {
        Map<String, StickTable> map = new LinkedHashMap<>();
        for (StickTable table : tables) {
            if (map.putIfAbsent(table.name(), table) != null) {
                throw new IllegalArgumentException("two stick tables are named '" + table.name() + "'");
            }
        }
        this.byName = Collections.unmodifiableMap(map);
    }

    /** One table per spec, all on one clock. */
    public static StickTables of(Collection<StickTableSpec> specs, LongSupplier clockMs) {
        List<StickTable> tables = new ArrayList<>(specs.size());
        for (StickTableSpec spec : specs) {
            tables.add(new StickTable(spec, clockMs));
        }
        return new StickTables(tables);
    }

    public Optional<StickTable> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The tables in declaration order. */
    public Collection<StickTable> all() {
        return byName.values();
    }

    public boolean isEmpty() {
        return byName.isEmpty();
    }

    /** Purges every table (the engine's periodic expiry task); returns how many entries went. */
    public int purge() {
        int purged = 0;
        for (StickTable table : byName.values()) {
            purged += table.purge();
        }
        return purged;
    }

    /** {@code show table} without a name: one header per table, the last declared first as HAProxy 2.6 lists them. */
    public String summary() {
        List<StickTable> tables = new ArrayList<>(byName.values());
        Collections.reverse(tables);
        StringBuilder out = new StringBuilder();
        for (StickTable table : tables) {
            table.purge();
            out.append(table.header());
        }
        return out.toString();
    }
}
