package io.tollgate.engine.lb;

import io.tollgate.engine.runtime.Proxy;
import org.junit.jupiter.api.Test;

import static io.tollgate.engine.lb.BalancerContractTest.backend;
import static io.tollgate.engine.lb.BalancerContractTest.picks;
import static org.assertj.core.api.Assertions.assertThat;

/** Servers filled in id order up to maxconn, pick by pick. */
class FirstBalancerTest {

    @Test
    void fillsTheFirstServerToMaxconnThenTheNext() {
        Proxy be = backend(new int[] {1, 1}, new int[] {2, 1}, null);
        Balancer b = new FirstBalancer();
        assertThat(picks(b, be, 4, false)).isEqualTo("aab-");
        Dispatcher.release(be.servers().get(0));
        assertThat(picks(b, be, 2, false)).isEqualTo("a-");
        assertThat(b.algorithm()).isEqualTo("first");
    }

    @Test
    void followsServerIdsNotDeclarationOrder() {
        Proxy be = backend(new int[] {1, 1, 1}, new int[] {1, 1, 1}, new int[] {3, 1, 2});
        assertThat(picks(new FirstBalancer(), be, 4, false)).isEqualTo("bca-");
    }

    @Test
    void aServerWithoutMaxconnTakesEverythingAndWeightIsIgnored() {
        Proxy be = backend(new int[] {1, 100}, new int[] {0, 0}, null);
        assertThat(picks(new FirstBalancer(), be, 4, false)).isEqualTo("aaaa");
    }
}
