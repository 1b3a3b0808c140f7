package io.tollgate.engine.lb;

import io.tollgate.engine.runtime.Server;

import java.util.List;

/**
 * How a key hash becomes a server: {@code hash-type map-based} ({@link MapBasedHash}, the
 * default) or {@code hash-type consistent} ({@link ConsistentHash}). Each builds its table once
 * per candidate list and rebuilds it when the {@link Dispatcher} hands a different list instance
 * (it keeps the same one until a server changes state), so a lookup allocates nothing.
 *
 * <p>When the hashed server has no room, the lookup walks forward (next table slot, next ring
 * point) to the first server that has; null when none has.
 */
interface HashTable {
    /** The server for {@code hash} among {@code candidates} that has room, or null. */
    Server lookup(List<Server> candidates, int hash);

    /** Forgets the table, for a weight change that left the candidate list unchanged. */
    void invalidate();

    /** The table for a {@code hash-type} value; null or anything but "consistent ..." is map-based. */
    static HashTable of(String hashType) {
        String method = hashType == null ? "" : hashType.trim().split("\\s+")[0];
        return method.equals("consistent") ? new ConsistentHash() : new MapBasedHash();
    }
}
