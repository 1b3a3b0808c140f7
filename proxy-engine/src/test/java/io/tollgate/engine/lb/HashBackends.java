package io.tollgate.engine.lb;

import io.tollgate.engine.config.CheckSettings;
import io.tollgate.engine.config.HostPort;
import io.tollgate.engine.config.HttpConnectionMode;
import io.tollgate.engine.config.ProxyConfig;
import io.tollgate.engine.config.ProxyKind;
import io.tollgate.engine.config.ProxyMode;
import io.tollgate.engine.config.ServerConfig;
import io.tollgate.engine.config.Source;
import io.tollgate.engine.config.Timeouts;
import io.tollgate.engine.runtime.Proxy;
import io.tollgate.engine.runtime.Server;
import io.tollgate.engine.stats.Ticker;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Backends for the hash balancers' tests: servers s1, s2... with ids 1, 2... */
final class HashBackends {
    private HashBackends() {
    }

    /** {@code count} servers of weight 1 without maxconn. */
    static List<Server> servers(int count) {
        int[] weights = new int[count];
        java.util.Arrays.fill(weights, 1);
        return servers(weights, new int[count]);
    }

    /** Servers with these weights and maxconn (0 = unlimited), in declaration order. */
    static List<Server> servers(int[] weights, int[] maxconn) {
        List<ServerConfig> servers = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            servers.add(new ServerConfig("s" + (i + 1), i + 1, new HostPort("127.0.0.1", 1000 + i), null,
                    weights[i], maxconn[i], 0, 0, false, false, null, CheckSettings.DEFAULT, new Source("t", i)));
        }
        ProxyConfig pc = new ProxyConfig("be", ProxyKind.BACKEND, 2, ProxyMode.HTTP, List.of(), null,
                "roundrobin", List.of(), Timeouts.NONE, 0, 0, 3, Set.of(), HttpConnectionMode.KEEP_ALIVE,
                null, null, List.copyOf(servers), new Source("t", 1));
        return new Proxy(pc, Ticker.SYSTEM).servers();
    }

    /** The server {@code table} gives for the default (sdbm) hash of {@code key}. */
    static Server expected(HashTable table, List<Server> candidates, String key) {
        return table.lookup(candidates, KeyHash.of(null).hash(key, 0, key.length()));
    }
}
