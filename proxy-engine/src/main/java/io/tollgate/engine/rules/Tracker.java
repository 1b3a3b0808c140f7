package io.tollgate.engine.rules;

/** Starts tracking {@code key} in stick counter {@code counter} of {@code table} (null: the proxy's own). */
@FunctionalInterface
public interface Tracker {
    void track(int counter, String table, String key);
}
