package io.tollgate.engine.net;

import io.tollgate.engine.acl.StickContext;
import io.tollgate.engine.runtime.Proxy;
import io.tollgate.engine.stick.Entry;
import io.tollgate.engine.stick.StickTable;

import java.util.function.Consumer;

/**
 * The stick counters (sc0..sc2) of a connection or of one request on it. A request sees its own
 * counters first, then its connection's ({@code tcp-request connection} tracking lasts as long
 * as the connection; {@code http-request} tracking as long as the request). Tracking takes a
 * reference on the entry and counts it in {@code conn_cur}; {@link #releaseAll()} gives both back.
 * Used on one event loop only.
 */
final class StickCounters implements StickContext {
    private final StickCounters parent;
    private final Entry[] entries = new Entry[3];
    /** The proxy whose table a rule without {@code table} means. */
    private Proxy current;

    StickCounters(StickCounters parent, Proxy current) {
        this.parent = parent;
        this.current = current;
    }

    void current(Proxy proxy) {
        this.current = proxy;
    }

    @Override
    public Entry tracked(int counter) {
        Entry e = entries[counter];
        return e != null ? e : parent != null ? parent.tracked(counter) : null;
    }

    @Override
    public StickTable table(String name) {
        return current == null ? null : current.stickTable(name);
    }

    /**
     * Starts tracking {@code key} of {@code tableName} in {@code counter} unless it is taken;
     * {@code connection} says whether this counts as a new connection for the entry (conn_cnt),
     * {@code request} whether as a request (http_req_cnt).
     */
    void track(int counter, String tableName, String key, boolean connection, boolean request) {
        if (tracked(counter) != null) {
            return;
        }
        StickTable table = table(tableName);
        Entry e = table == null ? null : table.acquire(table.keyOf(key));
        if (e == null) {
            return;
        }
        entries[counter] = e;
        e.connCurInc();
        if (connection) {
            e.incConn();
            e.incSess();
        }
        if (request) {
            e.incHttpReq();
        }
    }

    /** Applies {@code action} to every entry tracked here and by the parent. */
    void forEach(Consumer<Entry> action) {
        for (Entry e : entries) {
            if (e != null) {
                action.accept(e);
            }
        }
        if (parent != null) {
            parent.forEach(action);
        }
    }

    boolean isEmpty() {
        return entries[0] == null && entries[1] == null && entries[2] == null && (parent == null || parent.isEmpty());
    }

    /** Stops tracking here (not in the parent). */
    void releaseAll() {
        for (int i = 0; i < entries.length; i++) {
            Entry e = entries[i];
            if (e != null) {
                entries[i] = null;
                e.connCurDec();
                e.release();
            }
        }
    }
}
