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
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The smooth weighted round robin, pick by pick, and the dispatcher's candidate rules. */
class RoundRobinBalancerTest {

    static Proxy backend(String options, int[] weights, boolean[] backup, boolean[] disabled) {
        List<ServerConfig> servers = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            servers.add(new ServerConfig(String.valueOf((char) ('a' + i)), i + 1, new HostPort("127.0.0.1", 1000 + i),
                    null, weights[i], 0, 0, 0, backup[i], disabled[i], null, CheckSettings.DEFAULT, new Source("t", i)));
        }
        ProxyConfig pc = new ProxyConfig("be", ProxyKind.BACKEND, 2, ProxyMode.HTTP, List.of(), null,
                "roundrobin", List.of(), Timeouts.NONE, 0, 0, 3,
                options.isEmpty() ? Set.of() : Set.of(options.split(" ")), HttpConnectionMode.KEEP_ALIVE,
                null, null, List.copyOf(servers), new Source("t", 1));
        return new Proxy(pc, Ticker.SYSTEM);
    }

    private static String picks(Proxy be, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            Server s = Dispatcher.pick(be, null, null);
            sb.append(s == null ? "-" : s.name());
            if (s != null) {
                Dispatcher.release(s);
            }
        }
        return sb.toString();
    }

    @Test
    void weightsOneTwoThreeProduceTheDocumentedSmoothOrder() {
        Proxy be = backend("", new int[] {1, 2, 3}, new boolean[3], new boolean[3]);
        assertThat(picks(be, 12)).isEqualTo("cbacbc" + "cbacbc");
    }

    @Test
    void weightsOneThreeNeverGroupTheLightServer() {
        Proxy be = backend("", new int[] {1, 3}, new boolean[2], new boolean[2]);
        assertThat(picks(be, 8)).isEqualTo("babbbabb");
    }

    @Test
    void weightZeroTakesNoTraffic() {
        Proxy be = backend("", new int[] {0, 1}, new boolean[2], new boolean[2]);
        assertThat(picks(be, 4)).isEqualTo("bbbb");
    }

    @Test
    void onlyTheFirstBackupServesUnlessAllbackups() {
        boolean[] backup = {false, true, true};
        boolean[] disabled = {true, false, false};
        assertThat(picks(backend("", new int[] {1, 1, 1}, backup, disabled), 4)).isEqualTo("bbbb");
        assertThat(picks(backend("allbackups", new int[] {1, 1, 1}, backup, disabled), 4)).isEqualTo("bcbc");
    }

    @Test
    void fullServersAreSkippedAndReleasesServeTheQueueInOrder() {
        Proxy be = backend("", new int[] {1}, new boolean[1], new boolean[1]);
        Server a = be.servers().get(0);
        // maxconn 0 is unlimited: every pick succeeds
        assertThat(picks(be, 3)).isEqualTo("aaa");
        List<String> granted = new ArrayList<>();
        Pending p1 = new Pending(1) {
            @Override
            protected void granted(Server server) {
                granted.add("p1@" + server.name());
            }
        };
        be.queue().add(p1);
        Dispatcher.serveQueue(a);
        assertThat(granted).containsExactly("p1@a");
        assertThat(be.queue().isEmpty()).isTrue();
        assertThat(be.backendCounters().queued.max()).isEqualTo(1);
        assertThat(be.servers().stream().map(Server::served).collect(Collectors.toList())).containsExactly(1);
    }
}
