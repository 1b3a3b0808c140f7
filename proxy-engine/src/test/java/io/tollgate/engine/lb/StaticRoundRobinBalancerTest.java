package io.tollgate.engine.lb;

import io.tollgate.engine.runtime.Proxy;
import io.tollgate.engine.runtime.Server;
import org.junit.jupiter.api.Test;

import static io.tollgate.engine.lb.BalancerContractTest.backend;
import static io.tollgate.engine.lb.BalancerContractTest.picks;
import static org.assertj.core.api.Assertions.assertThat;

/** HAProxy's static map, pick by pick. */
class StaticRoundRobinBalancerTest {

    private static Proxy backend(int... weights) {
        return BalancerContractTest.backend(weights, new int[weights.length], null);
    }

    @Test
    void weightsOneTwoThreeFollowTheMapOrder() {
        Proxy be = backend(1, 2, 3);
        Balancer b = new StaticRoundRobinBalancer(be.servers());
        assertThat(picks(b, be, 12, true)).isEqualTo("acbcbc" + "acbcbc");
        assertThat(b.algorithm()).isEqualTo("static-rr");
    }

    @Test
    void weightsOneThreeSpreadTheHeavyServer() {
        Proxy be = backend(1, 3);
        assertThat(picks(new StaticRoundRobinBalancer(be.servers()), be, 8, true)).isEqualTo("abbb" + "abbb");
    }

    @Test
    void weightsAreReducedByTheirCommonDivisor() {
        Proxy be = backend(2, 4, 6);
        assertThat(picks(new StaticRoundRobinBalancer(be.servers()), be, 6, true)).isEqualTo("acbcbc");
    }

    @Test
    void weightZeroIsNotInTheMap() {
        Proxy be = backend(0, 1, 1);
        assertThat(picks(new StaticRoundRobinBalancer(be.servers()), be, 4, true)).isEqualTo("bcbc");
    }

    @Test
    void aFullServerIsSkippedAndResumesAfterRelease() {
        Proxy be = BalancerContractTest.backend(new int[] {1, 1}, new int[] {1, 0}, null);
        Server a = be.servers().get(0);
        Balancer b = new StaticRoundRobinBalancer(be.servers());
        assertThat(picks(b, be, 1, false)).isEqualTo("a");
        assertThat(picks(b, be, 3, true)).isEqualTo("bbb");
        Dispatcher.release(a);
        assertThat(picks(b, be, 4, true)).isEqualTo("abab");
    }

    @Test
    void aRedispatchSubsetSkipsTheAvoidedServersEntries() {
        Proxy be = backend(1, 2, 3);
        Balancer b = new StaticRoundRobinBalancer(be.servers());
        assertThat(picks(b, be.candidates().subList(0, 2), 6, true)).isEqualTo("abbabb");
        // the full candidate list walks the same map on
        assertThat(picks(b, be, 6, true)).isEqualTo("cacbcb");
    }
}
