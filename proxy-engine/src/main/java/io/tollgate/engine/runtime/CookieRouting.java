package io.tollgate.engine.runtime;

import io.tollgate.engine.persist.CookiePersistence;
import io.tollgate.engine.persist.CookieSettings;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A backend's cookie persistence at run time: the {@link CookiePersistence} that edits the
 * headers, and which server each cookie value names. Several servers may share a value; the
 * first in declaration order that can take persistent traffic wins, as HAProxy walks its list.
 */
public final class CookieRouting {
    private final CookiePersistence persistence;
    /** Replaced whole when a server is deleted at run time, so lookups take no lock. */
    private volatile Map<String, Server[]> byValue;

    CookieRouting(CookieSettings settings, List<Server> servers) {
        this.persistence = new CookiePersistence(settings);
        Map<String, Server[]> map = new HashMap<>();
        for (Server s : servers) {
            String value = s.config().cookie();
            if (value != null && !value.isEmpty()) {
                map.merge(value, new Server[] {s}, CookieRouting::concat);
            }
        }
        this.byValue = map;
    }

    private static Server[] concat(Server[] a, Server[] b) {
        Server[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** Forgets a server deleted at run time ({@code del server}). */
    synchronized void remove(Server server) {
        Map<String, Server[]> map = new HashMap<>();
        byValue.forEach((value, named) -> {
            Server[] kept = Arrays.stream(named).filter(s -> s != server).toArray(Server[]::new);
            if (kept.length > 0) {
                map.put(value, kept);
            }
        });
        byValue = map;
    }

    public CookiePersistence persistence() {
        return persistence;
    }

    /** The server a cookie value sends the request to now, or null (unknown value, server down). */
    public Server serverFor(String value) {
        Server[] named = byValue.get(value);
        if (named == null) {
            return null;
        }
        for (Server s : named) {
            if (s.takesPersistentTraffic()) {
                return s;
            }
        }
        return null;
    }

    /** Whether a cookie value names a server that takes persistent traffic now. */
    public boolean isUsable(String value) {
        return serverFor(value) != null;
    }
}
