package io.tollgate.engine.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The sliding one-second window behind rate, conn_rate and req_rate, with stepped time. */
class RateCounterTest {
    private final ManualTicker ticker = new ManualTicker();
    private final RateCounter rate = new RateCounter(ticker);

    @Test
    void eventsOfThePastSecondDecayAndTheMaximumStays() {
        ticker.advanceMillis(200);
        for (int i = 0; i < 5; i++) {
            rate.increment();
        }
        assertThat(rate.rate()).isEqualTo(5);

        // One second later, 80% of the previous second is still inside the window.
        ticker.advanceSeconds(1);
        assertThat(rate.rate()).isEqualTo(4);
        ticker.advanceMillis(400);
        assertThat(rate.rate()).isEqualTo(2); // 40% of the previous second left

        // Two seconds after the events, nothing is left of them.
        ticker.advanceMillis(600);
        assertThat(rate.rate()).isZero();
        assertThat(rate.max()).isEqualTo(5);
    }

    @Test
    void eventsInTheNewSecondAddToTheDecayingPreviousOne() {
        for (int i = 0; i < 10; i++) {
            rate.increment();
        }
        ticker.advanceMillis(1500);
        rate.increment();
        assertThat(rate.rate()).isEqualTo(1 + 5);
        assertThat(rate.max()).isEqualTo(10);
    }
}
