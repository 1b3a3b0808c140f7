package io.tollgate.engine.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** HAProxy's swrate average behind qtime, ctime, rtime and ttime. */
class SlidingAverageTest {
    private final SlidingAverage average = new SlidingAverage();

    @Test
    void zeroBeforeAnySample() {
        assertThat(average.average()).isZero();
        assertThat(average.max()).isZero();
    }

    @Test
    void theFirstSamplesAreNotAveragedAgainstImaginaryZeros() {
        average.add(10);
        assertThat(average.average()).isEqualTo(10);
        average.add(20);
        assertThat(average.average()).isEqualTo(15);
        average.add(20);
        assertThat(average.average()).isEqualTo(17); // 50 / 3, rounded up as swrate_avg does
        assertThat(average.max()).isEqualTo(20);
    }

    /**
     * Regression: the window used to grow by dropping sum/n at every sample, which made the first
     * thousand samples of a steady 100 ms read as about 50 ms (and still 81 ms after 2000).
     * HAProxy 2.6 sums the first 1024 samples and only then starts dropping 1/1024 per sample.
     */
    @Test
    void aSteadyValueIsItsOwnAverageAndOldSamplesFadeOut() {
        for (int i = 0; i < 1000; i++) {
            average.add(100);
        }
        assertThat(average.average()).isEqualTo(100);
        for (int i = 0; i < 1000; i++) {
            average.add(100);
        }
        assertThat(average.average()).isEqualTo(100);
        for (int i = 0; i < 5000; i++) {
            average.add(4);
        }
        assertThat(average.average()).isBetween(4L, 5L);
        assertThat(average.max()).isEqualTo(100);
    }
}
