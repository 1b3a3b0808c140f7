package io.tollgate.engine.stick;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLongArray;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HAProxy's {@code read_freq_ctr_period} over a 10 s period, stepped to the millisecond around
 * the period boundaries. A period starts with the first event, here at {@code T}.
 */
class FreqCounterTest {
    private static final long PERIOD = 10_000;
    private static final long T = 1_000_000;
    private final AtomicLongArray slots = new AtomicLongArray(FreqCounter.WIDTH);

    FreqCounterTest() {
        FreqCounter.init(slots, 0);
    }

    private void add(long at, long n) {
        FreqCounter.add(slots, 0, PERIOD, at, n);
    }

    private long rate(long at) {
        return FreqCounter.read(slots, 0, PERIOD, at);
    }

    @Test
    void nothingCountedReadsZero() {
        assertThat(rate(T)).isZero();
    }

    @Test
    void thePreviousPeriodFadesOutOverTheCurrentOne() {
        add(T, 3);
        assertThat(rate(T)).isEqualTo(3);
        assertThat(rate(T + PERIOD - 1)).isEqualTo(3);
        // At the boundary itself the whole previous period is still inside the window.
        assertThat(rate(T + PERIOD)).isEqualTo(3);
        // 3 x 9999/10000 = 2.9997, rounded down.
        assertThat(rate(T + PERIOD + 1)).isEqualTo(2);
        assertThat(rate(T + PERIOD + 5_000)).isEqualTo(1);
        assertThat(rate(T + PERIOD + 6_667)).isZero();
        assertThat(rate(T + 2 * PERIOD)).isZero();
    }

    @Test
    void eventsOfTheNewPeriodAddToWhatRemainsOfThePreviousOne() {
        add(T, 3);
        add(T + PERIOD + 2_000, 1);

        // 1 + 3 x 8000/10000 = 3.4
        assertThat(rate(T + PERIOD + 2_000)).isEqualTo(3);
        // 1 + 3 x 5000/10000 = 2.5
        assertThat(rate(T + PERIOD + 5_000)).isEqualTo(2);
        // The period that started at T + PERIOD is over; its single event is not weighted down.
        assertThat(rate(T + 2 * PERIOD + 5_000)).isEqualTo(1);
        assertThat(rate(T + 3 * PERIOD + 1)).isZero();
    }

    @Test
    void aSingleEventDoesNotFlapTo0BeforeTwoPeriodsPass() {
        add(T, 1);

        assertThat(rate(T + PERIOD + 9_999)).isEqualTo(1);
        assertThat(rate(T + 2 * PERIOD)).isEqualTo(1);
        assertThat(rate(T + 2 * PERIOD + 1)).isZero();
    }

    @Test
    void periodsFollowTheFirstEventAndRestartAfterAQuietSpell() {
        add(T, 5);
        // Two periods and more later nothing of the old period is kept, and the new one starts now.
        add(T + 2 * PERIOD + 500, 1);

        assertThat(rate(T + 2 * PERIOD + 500)).isEqualTo(1);
        assertThat(rate(T + 3 * PERIOD + 500)).isEqualTo(1);
        add(T + 3 * PERIOD + 499, 1);
        assertThat(rate(T + 3 * PERIOD + 499)).isEqualTo(2);
    }

    @Test
    void aRotationJustAfterTheBoundaryKeepsThePhase() {
        add(T, 4);
        add(T + PERIOD + 1, 2);
        add(T + 2 * PERIOD, 1);

        // Current period is [T+PERIOD, T+2*PERIOD): 3 events; at its end the previous counts whole.
        assertThat(rate(T + 2 * PERIOD)).isEqualTo(3);
        // The next rotation starts at T + 2*PERIOD exactly, not when it happened.
        add(T + 2 * PERIOD + 100, 1);
        assertThat(rate(T + 2 * PERIOD + 100)).isEqualTo(1 + 3 * 9_900 / 10_000);
    }

    @Test
    void addReturnsTheCountOfTheCurrentPeriod() {
        assertThat(FreqCounter.add(slots, 0, PERIOD, T, 2)).isEqualTo(2);
        assertThat(FreqCounter.add(slots, 0, PERIOD, T + 1, 3)).isEqualTo(5);
        assertThat(FreqCounter.add(slots, 0, PERIOD, T + PERIOD, 1)).isEqualTo(1);
    }

    @Test
    void aClockReadingOlderThanTheLastRotationStillCounts() {
        add(T, 1);
        add(T + PERIOD, 1);
        // A thread that read the clock just before the rotation adds into the new period.
        add(T + PERIOD - 1, 1);

        assertThat(rate(T + PERIOD)).isEqualTo(1 + 2);
        assertThat(rate(T + PERIOD - 1)).isEqualTo(1 + 2);
    }

    @Test
    void largeByteCountsDoNotOverflow() {
        add(T, 4_000_000_000_000_000L);

        assertThat(rate(T + PERIOD + 5_000)).isEqualTo(2_000_000_000_000_000L);
    }

    @Test
    void aPeriodOfZeroReadsZero() {
        FreqCounter.add(slots, 0, 0, T, 5);

        assertThat(FreqCounter.read(slots, 0, 0, T)).isZero();
    }
}
