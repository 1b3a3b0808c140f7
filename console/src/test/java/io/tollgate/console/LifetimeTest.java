package io.tollgate.console;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LifetimeTest {

    @Test
    void endClosesMostRecentFirstOnceEvenWhenOneFails() throws Exception {
        List<String> closed = new ArrayList<>();
        Lifetime lifetime = Lifetime.untilEnded();
        lifetime.register(() -> closed.add("upstreams"));
        lifetime.register(() -> {
            closed.add("engine");
            throw new IllegalStateException("boom");
        });
        lifetime.register(() -> closed.add("traffic"));

        lifetime.end();
        lifetime.end();
        lifetime.await();

        assertThat(closed).containsExactly("traffic", "engine", "upstreams");
        assertThat(lifetime.isEnded()).isTrue();
    }

    @Test
    void registeringAfterTheEndClosesAtOnce() {
        List<String> closed = new ArrayList<>();
        Lifetime lifetime = Lifetime.untilEnded();
        lifetime.end();

        lifetime.register(() -> closed.add("late"));

        assertThat(closed).containsExactly("late");
    }
}
