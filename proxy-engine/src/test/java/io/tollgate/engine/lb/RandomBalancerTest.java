package io.tollgate.engine.lb;

import io.tollgate.engine.runtime.Proxy;
import io.tollgate.engine.runtime.Server;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import static io.tollgate.engine.lb.BalancerContractTest.backend;
import static io.tollgate.engine.lb.BalancerContractTest.picks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Power of N choices, with scripted and seeded draws. */
class RandomBalancerTest {

    /** Answers {@code nextLong(bound)} from a script: the position drawn on the weight line. */
    private static RandomGenerator script(long... positions) {
        return new RandomGenerator() {
            private int i;

            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public long nextLong(long bound) {
                long p = positions[i++];
                assertThat(p).isLessThan(bound);
                return p;
            }
        };
    }

    @Test
    void drawsAreWeightedAlongTheWeightLine() {
        Proxy be = backend(new int[] {1, 2, 3}, new int[3], null);
        Balancer b = new RandomBalancer(1, script(0, 1, 2, 3, 4, 5));
        assertThat(picks(b, be, 6, true)).isEqualTo("abbccc");
    }

    @Test
    void keepsTheLessLoadedOfTwoDraws() {
        Proxy be = backend(new int[] {1, 1}, new int[2], null);
        Server a = be.servers().get(0);
        a.tryAcquire();
        a.tryAcquire();
        // draws a then b, b then a, a then a, b then b
        Balancer b = new RandomBalancer(2, script(0, 1, 1, 0, 0, 0, 1, 1));
        assertThat(picks(b, be, 4, true)).isEqualTo("bbab");
    }

    @Test
    void equalLoadTiesKeepTheLaterDraw() {
        Proxy be = backend(new int[] {1, 1}, new int[2], null);
        Balancer b = new RandomBalancer(2, script(0, 1, 1, 0));
        assertThat(picks(b, be, 2, true)).isEqualTo("ba");
    }

    @Test
    void equalLoadSpreadsInProportionToWeight() {
        Proxy be = backend(new int[] {1, 2, 3}, new int[3], null);
        String picks = picks(new RandomBalancer(2, new SplittableRandom(42)), be, 6000, true);
        assertThat(count(picks, 'a')).isCloseTo(1000, within(150));
        assertThat(count(picks, 'b')).isCloseTo(2000, within(150));
        assertThat(count(picks, 'c')).isCloseTo(3000, within(150));
    }

    @Test
    void theBusyServerWinsOnlyWhenBothDrawsLandOnIt() {
        Proxy be = backend(new int[] {1, 1}, new int[2], null);
        be.servers().get(0).tryAcquire();
        String picks = picks(new RandomBalancer(2, new SplittableRandom(42)), be, 4000, true);
        assertThat(count(picks, 'a')).isCloseTo(1000, within(120));
    }

    @Test
    void reportsUnknownAsHaproxyTwoSixDoesAndRejectsZeroDraws() {
        assertThat(new RandomBalancer(RandomBalancer.DEFAULT_DRAWS).algorithm()).isEqualTo("unknown");
        assertThatThrownBy(() -> new RandomBalancer(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(x -> x == c).count();
    }
}
