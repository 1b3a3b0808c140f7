package io.tollgate.engine.runtime;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.tollgate.engine.runtime.HealthCounter.Transition.NONE;
import static io.tollgate.engine.runtime.HealthCounter.Transition.WENT_DOWN;
import static io.tollgate.engine.runtime.HealthCounter.Transition.WENT_UP;
import static org.assertj.core.api.Assertions.assertThat;

/** The rise/fall counter against the sequence HAProxy 2.6.12 was observed to produce (FORMATS §4.3). */
class HealthCounterTest {

    private static String state(HealthCounter c) {
        String p = c.progress();
        return (c.isUp() ? "UP" : "DOWN") + (p.isEmpty() ? "" : " " + p);
    }

    @Test
    void rise2Fall3FollowsHaproxysObservedSequence() {
        HealthCounter c = new HealthCounter(2, 3);
        // a server starts UP at rise: the first passed check brings it to the top of the range
        assertThat(c.health()).isEqualTo(2);
        assertThat(c.passed()).isEqualTo(NONE);
        assertThat(c.passed()).isEqualTo(NONE);
        assertThat(c.passed()).isEqualTo(NONE);
        assertThat(c.health()).isEqualTo(4);
        List<String> seen = new ArrayList<>();
        seen.add(state(c));
        assertThat(c.failed()).isEqualTo(NONE);
        seen.add(state(c));
        assertThat(c.failed()).isEqualTo(NONE);
        seen.add(state(c));
        assertThat(c.failed()).isEqualTo(WENT_DOWN);
        seen.add(state(c));
        assertThat(c.passed()).isEqualTo(NONE);
        seen.add(state(c));
        assertThat(c.passed()).isEqualTo(WENT_UP);
        seen.add(state(c));
        assertThat(seen).containsExactly("UP", "UP 2/3", "UP 1/3", "DOWN", "DOWN 1/2", "UP");
        assertThat(c.health()).isEqualTo(4);
    }

    @Test
    void aFailureWhileRecoveringStartsOverAndAPassWhileFallingClimbsBack() {
        HealthCounter c = new HealthCounter(3, 2);
        c.failed();
        c.failed();
        assertThat(state(c)).isEqualTo("DOWN");
        c.passed();
        c.passed();
        assertThat(state(c)).isEqualTo("DOWN 2/3");
        assertThat(c.failed()).isEqualTo(NONE);
        assertThat(state(c)).isEqualTo("DOWN");
        c.passed();
        c.passed();
        assertThat(c.passed()).isEqualTo(WENT_UP);
        assertThat(c.failed()).isEqualTo(NONE);
        assertThat(state(c)).isEqualTo("UP 1/2");
        assertThat(c.passed()).isEqualTo(NONE);
        assertThat(state(c)).isEqualTo("UP");
    }

    @Test
    void riseAndFallOfOneSwitchOnEveryResult() {
        HealthCounter c = new HealthCounter(1, 1);
        assertThat(c.failed()).isEqualTo(WENT_DOWN);
        assertThat(c.failed()).isEqualTo(NONE);
        assertThat(c.passed()).isEqualTo(WENT_UP);
        assertThat(c.progress()).isEmpty();
    }

    @Test
    void leavingMaintenanceRestartsAtRise() {
        HealthCounter c = new HealthCounter(2, 3);
        c.failed();
        c.failed();
        c.failed();
        c.reset();
        assertThat(state(c)).isEqualTo("UP 1/3");
    }
}
