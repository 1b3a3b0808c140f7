package io.tollgate.engine.lb;

import io.tollgate.engine.config.Config;
import io.tollgate.engine.config.ConfigLoader;
import io.tollgate.engine.runtime.Proxies;
import io.tollgate.engine.runtime.Proxy;
import io.tollgate.engine.runtime.Server;
import io.tollgate.engine.stats.Ticker;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every algorithm that takes servers at run time picks a server added by {@code add server} once
 * it is enabled, and never one deleted by {@code del server}: with every server taking one request
 * ({@code maxconn 1}) and picks holding their slots, three picks fill a, b and the added c, and once
 * c is deleted, two fill a and b and the third finds nobody.
 */
class AddedServerPickTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"balance roundrobin", "balance leastconn", "balance first", "balance random",
            "balance source\n  hash-type consistent", "balance uri\n  hash-type consistent",
            "balance hdr(host)\n  hash-type consistent sdbm avalanche"})
    void anAddedServerIsPickedAndADeletedOneNever(String balance) throws Exception {
        Path cfg = dir.resolve("t.cfg");
        Files.writeString(cfg, """
                defaults
                  mode http
                  timeout connect 1s
                  timeout client 5s
                  timeout server 5s
                backend be
                  %s
                  server a 127.0.0.1:1 maxconn 1
                  server b 127.0.0.1:2 maxconn 1
                """.formatted(balance));
        Config config = ConfigLoader.load(List.of(cfg), Map.of(), dir);
        Proxies proxies = new Proxies(config, Ticker.SYSTEM);
        Proxy be = proxies.backend("be");
        Server c = proxies.dynamicServers().add(be, "c", List.of("127.0.0.1:3", "weight", "3", "maxconn", "1"));
        assertThat(picks(be, 3)).containsExactly("a", "b", "-"); // c is in maintenance
        releaseAll(be);
        proxies.stateChanges().setMaintenance(c, false, "test");

        assertThat(picks(be, 4)).containsExactly("a", "b", "c", "-");
        releaseAll(be);

        proxies.stateChanges().setMaintenance(c, true, "test");
        proxies.dynamicServers().delete(c);
        assertThat(be.servers()).extracting(Server::name).containsExactly("a", "b");
        assertThat(picks(be, 3)).containsExactly("a", "b", "-");
    }

    /** Picks holding their slots, as the dispatcher makes them; "-" for none. */
    private static List<String> picks(Proxy be, int n) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Server s = Dispatcher.pick(be, null, null);
            names.add(s == null ? "-" : s.name());
        }
        if (names.contains("-")) {
            // sorted so that the picks before the first refusal read in any algorithm's order
            List<String> sorted = new ArrayList<>(names.subList(0, names.indexOf("-")));
            sorted.sort(null);
            sorted.addAll(names.subList(names.indexOf("-"), n));
            return sorted;
        }
        return names;
    }

    private static void releaseAll(Proxy be) {
        for (Server s : be.servers()) {
            while (s.served() > 0) {
                Dispatcher.release(s);
            }
        }
    }
}
