package io.tollgate.engine.lb;

import io.tollgate.engine.runtime.Proxy;
import io.tollgate.engine.runtime.Server;
import org.junit.jupiter.api.Test;

import static io.tollgate.engine.lb.BalancerContractTest.backend;
import static io.tollgate.engine.lb.BalancerContractTest.picks;
import static org.assertj.core.api.Assertions.assertThat;

/** Fewest served per weight, ties in turn, pick by pick. */
class LeastConnBalancerTest {

    @Test
    void heldSlotsWithWeightsOneOneTwo() {
        Proxy be = backend(new int[] {1, 1, 2}, new int[3], null);
        Balancer b = new LeastConnBalancer();
        assertThat(picks(b, be, 12, false)).isEqualTo("abcc" + "abcc" + "abcc");
        assertThat(be.servers().stream().mapToInt(Server::served)).containsExactly(3, 3, 6);
        assertThat(b.algorithm()).isEqualTo("leastconn");
    }

    @Test
    void equalServersShareWhenSlotsAreReleased() {
        Proxy be = backend(new int[] {1, 1, 1}, new int[3], null);
        assertThat(picks(new LeastConnBalancer(), be, 6, true)).isEqualTo("abcabc");
    }

    @Test
    void aReleasedSlotMakesItsServerTheLeastLoaded() {
        Proxy be = backend(new int[] {1, 1, 1}, new int[3], null);
        Balancer b = new LeastConnBalancer();
        assertThat(picks(b, be, 3, false)).isEqualTo("abc");
        Dispatcher.release(be.servers().get(1));
        assertThat(picks(b, be, 1, false)).isEqualTo("b");
        assertThat(picks(b, be, 3, false)).isEqualTo("cab");
    }

    @Test
    void aFullServerIsSkippedEvenWhenItIsTheLeastLoaded() {
        Proxy be = backend(new int[] {10, 1}, new int[] {1, 0}, null);
        Balancer b = new LeastConnBalancer();
        assertThat(picks(b, be, 1, false)).isEqualTo("a");
        // a: 1 of weight 10 is lighter than b's 1 of weight 1, but a is at maxconn
        assertThat(picks(b, be, 3, false)).isEqualTo("bbb");
    }
}
