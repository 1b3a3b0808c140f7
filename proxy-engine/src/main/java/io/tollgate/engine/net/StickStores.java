package io.tollgate.engine.net;

import io.tollgate.engine.acl.RequestView;
import io.tollgate.engine.runtime.Proxy;
import io.tollgate.engine.runtime.Server;
import io.tollgate.engine.runtime.StickRule;
import io.tollgate.engine.stick.DataType;
import io.tollgate.engine.stick.Entry;
import io.tollgate.engine.stick.StickKey;
import io.tollgate.engine.stick.StickTable;
import io.tollgate.engine.stick.StickTableSpec;

import java.util.List;

/**
 * One request's (or TCP session's) {@code stick} rules, run as HAProxy 2.6 runs them: on the
 * request, {@code match} and {@code on} look the key up and name the server it was stored with
 * (unless a cookie or {@code use-server} already chose one); {@code on} and {@code store-request}
 * keep the key; on the response {@code store-response} keeps its own; once the server that
 * answered is known, every kept key is written with it. Only the first store rule of each table
 * counts, on each side, and at most 8 keys are kept, as in HAProxy.
 */
final class StickStores {
    private static final int MAX = 8;

    private final StickTable[] tables = new StickTable[MAX];
    private final StickKey[] keys = new StickKey[MAX];
    private int count;
    /** Where the response side's keys start. */
    private int responseStart = -1;

    /** Runs the request-side rules; returns the server a match names, or null. */
    Server onRequest(List<StickRule> rules, RequestView view, boolean assigned, Proxy backend) {
        Server found = null;
        for (StickRule rule : rules) {
            if (rule.storesOnResponse() || (rule.storesOnRequest() && keeps(rule.table(), 0))) {
                continue;
            }
            StickKey key = key(rule, view);
            if (key == null) {
                continue;
            }
            if (rule.matches()) {
                Entry entry = rule.table().lookup(key);
                if (entry != null) {
                    if (!assigned && found == null) {
                        Server s = serverOf(entry, rule.table(), backend);
                        if (s != null && s.takesPersistentTraffic()) {
                            found = s;
                        }
                    }
                    entry.touch();
                }
            }
            if (rule.storesOnRequest()) {
                keep(rule.table(), key);
            }
        }
        return found;
    }

    /** Runs the {@code store-response} rules against the response {@code view} now shows. */
    void onResponse(List<StickRule> rules, RequestView view) {
        responseStart = count;
        for (StickRule rule : rules) {
            if (!rule.storesOnResponse() || keeps(rule.table(), responseStart)) {
                continue;
            }
            StickKey key = key(rule, view);
            if (key != null) {
                keep(rule.table(), key);
            }
        }
    }

    /** Writes every kept key with {@code server}; runs once. */
    void store(Server server) {
        for (int i = 0; i < count; i++) {
            Entry entry = tables[i].acquire(keys[i]);
            if (entry != null) {
                entry.setServerId(server.id());
                entry.setServerKey(serverKey(tables[i], server));
                entry.release();
            }
            tables[i] = null;
            keys[i] = null;
        }
        count = 0;
    }

    private static StickKey key(StickRule rule, RequestView view) {
        if (!rule.condition().matches(view)) {
            return null;
        }
        String sample = rule.pattern().value(view);
        return sample == null ? null : rule.table().keyOf(sample);
    }

    private boolean keeps(StickTable table, int from) {
        for (int i = Math.max(from, 0); i < count; i++) {
            if (tables[i] == table) {
                return true;
            }
        }
        return false;
    }

    private void keep(StickTable table, StickKey key) {
        if (count < MAX) {
            tables[count] = table;
            keys[count++] = key;
        }
    }

    /** The server an entry names in {@code backend}: by server_key when stored, else by server_id. */
    private static Server serverOf(Entry entry, StickTable table, Proxy backend) {
        if (table.stores(DataType.SERVER_KEY) && entry.serverKey() != null) {
            for (Server s : backend.servers()) {
                if (entry.serverKey().equals(serverKey(table, s))) {
                    return s;
                }
            }
        }
        if (!table.stores(DataType.SERVER_ID)) {
            return null;
        }
        long id = entry.get(DataType.SERVER_ID);
        for (Server s : backend.servers()) {
            if (s.id() == id) {
                return s;
            }
        }
        return null;
    }

    /** What server_key records: the server's name, or its address with {@code srvkey addr}. */
    private static String serverKey(StickTable table, Server server) {
        if (table.spec().srvKey() == StickTableSpec.SrvKey.ADDR) {
            return server.config().address() != null ? server.config().address().toString() : server.config().unixPath();
        }
        return server.name();
    }
}
