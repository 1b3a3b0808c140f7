package io.tollgate.engine.acl;

import io.tollgate.engine.stick.Entry;
import io.tollgate.engine.stick.StickTable;

/** What stick-counter fetches read: the entries this request tracks, and the tables by name. */
public interface StickContext {
    /** The entry tracked by {@code track-sc<counter>}, or null when that counter tracks nothing. */
    Entry tracked(int counter);

    /** The table named {@code name}, or the current proxy's own table when null; null when none. */
    StickTable table(String name);
}
