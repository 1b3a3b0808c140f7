package io.tollgate.engine.net;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The variables a transaction sees, by scope: {@code proc.*} shared by the whole process,
 * {@code sess.*} by one client connection, the others ({@code txn}, {@code req}, {@code res})
 * by one request and its response. Maps are created only when a variable is set.
 */
final class Variables {
    /** The process scope: written from every event loop. */
    static final Map<String, String> PROCESS = new ConcurrentHashMap<>();

    private final Map<String, String> session;
    private Map<String, String> transaction;

    /** {@code session} is the connection's map, owned by its event loop. */
    Variables(Map<String, String> session) {
        this.session = session;
    }

    String get(String name) {
        Map<String, String> m = scope(name, false);
        return m == null ? null : m.get(name);
    }

    void set(String name, String value) {
        Map<String, String> m = scope(name, value != null);
        if (m == null) {
            return;
        }
        if (value == null) {
            m.remove(name);
        } else {
            m.put(name, value);
        }
    }

    private Map<String, String> scope(String name, boolean create) {
        if (name.startsWith("proc.")) {
            return PROCESS;
        }
        if (name.startsWith("sess.")) {
            return session;
        }
        if (transaction == null && create) {
            transaction = new HashMap<>(4);
        }
        return transaction;
    }
}
