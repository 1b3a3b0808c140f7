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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** What every balancing algorithm promises, whatever its order. */
class BalancerContractTest {

    /**
     * A backend of servers named a, b, c... with the given weights, {@code maxconn} (0 = unlimited)
     * and ids (null = 1, 2, 3... in declaration order).
     */
    static Proxy backend(int[] weights, int[] maxconn, int[] ids) {
        List<ServerConfig> servers = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            servers.add(new ServerConfig(String.valueOf((char) ('a' + i)), ids == null ? i + 1 : ids[i],
                    new HostPort("127.0.0.1", 1000 + i), null, weights[i], maxconn[i], 0, 0, false, false, null,
                    CheckSettings.DEFAULT, new Source("t", i)));
        }
        ProxyConfig pc = new ProxyConfig("be", ProxyKind.BACKEND, 2, ProxyMode.HTTP, List.of(), null,
                "roundrobin", List.of(), Timeouts.NONE, 0, 0, 3, java.util.Set.of(), HttpConnectionMode.KEEP_ALIVE,
                null, null, List.copyOf(servers), new Source("t", 1));
        return new Proxy(pc, Ticker.SYSTEM);
    }

    /** {@code n} picks from the backend's candidates, as the dispatcher makes them; "-" for none. */
    static String picks(Balancer balancer, Proxy be, int n, boolean release) {
        return picks(balancer, be.candidates(), n, release);
    }

    static String picks(Balancer balancer, List<Server> candidates, int n, boolean release) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            Server s = balancer.pick(candidates, null);
            if (s == null) {
                sb.append('-');
                continue;
            }
            assertThat(s.tryAcquire()).isTrue();
            sb.append(s.name());
            if (release) {
                Dispatcher.release(s);
            }
        }
        return sb.toString();
    }

    static Stream<Arguments> algorithms() {
        return Stream.of(
                Arguments.of("roundrobin", (Function<Proxy, Balancer>) be -> new RoundRobinBalancer(be.servers().size())),
                Arguments.of("static-rr", (Function<Proxy, Balancer>) be -> new StaticRoundRobinBalancer(be.servers())),
                Arguments.of("leastconn", (Function<Proxy, Balancer>) be -> new LeastConnBalancer()),
                Arguments.of("first", (Function<Proxy, Balancer>) be -> new FirstBalancer()),
                Arguments.of("random", (Function<Proxy, Balancer>) be -> new RandomBalancer(2, new SplittableRandom(7))),
                Arguments.of("random(1)", (Function<Proxy, Balancer>) be -> new RandomBalancer(1, new SplittableRandom(7))),
                // without a request to hash, the hash algorithms fall back to round robin
                Arguments.of("source", (Function<Proxy, Balancer>) be -> new SourceBalancer("consistent", List.of(), be.servers())),
                Arguments.of("uri", (Function<Proxy, Balancer>) be -> new UriBalancer("map-based", List.of(), be.servers())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("algorithms")
    void fillsEverySlotNeverPicksAFullServerThenReturnsNull(String name, Function<Proxy, Balancer> factory) {
        Proxy be = backend(new int[] {1, 2, 3, 1}, new int[] {1, 2, 3, 1}, null);
        Balancer balancer = factory.apply(be);
        List<Server> candidates = be.candidates();
        int taken = 0;
        for (Server s; (s = balancer.pick(candidates, null)) != null; taken++) {
            assertThat(s.hasRoom()).as("room on %s", s).isTrue();
            assertThat(s.tryAcquire()).isTrue();
            assertThat(taken).as("more picks than slots").isLessThan(7);
        }
        assertThat(taken).as("every slot filled before null").isEqualTo(1 + 2 + 3 + 1);
        assertThat(balancer.pick(candidates, null)).isNull();

        Dispatcher.release(be.servers().get(2));
        assertThat(balancer.pick(candidates, null)).isSameAs(be.servers().get(2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("algorithms")
    void neverPicksAWeightZeroServerEvenWhenPassedOne(String name, Function<Proxy, Balancer> factory) {
        Proxy be = backend(new int[] {1, 0, 2, 3, 1}, new int[] {1, 4, 2, 3, 1}, null);
        Balancer balancer = factory.apply(be);
        // the dispatcher never passes a weight 0 server; a balancer must not pick one if it is passed
        List<Server> all = be.servers();
        int taken = 0;
        for (Server s; (s = balancer.pick(all, null)) != null; taken++) {
            assertThat(s.weight()).as("weight of %s", s).isPositive();
            assertThat(s.tryAcquire()).isTrue();
            assertThat(taken).as("more picks than slots").isLessThan(7);
        }
        assertThat(taken).isEqualTo(1 + 2 + 3 + 1);
        assertThat(all.get(1).served()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("algorithms")
    void picksOnlyAmongTheCandidatesItIsGiven(String name, Function<Proxy, Balancer> factory) {
        Proxy be = backend(new int[] {1, 2, 3}, new int[] {0, 0, 0}, null);
        Balancer balancer = factory.apply(be);
        List<Server> withoutC = be.candidates().subList(0, 2);
        for (int i = 0; i < 60; i++) {
            List<Server> candidates = i % 3 == 0 ? be.candidates() : withoutC;
            Server s = balancer.pick(candidates, null);
            assertThat(s).isNotNull();
            assertThat(candidates).contains(s);
        }
        assertThat(balancer.pick(List.of(), null)).isNull();
    }
}
