package io.tollgate.engine.stats;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The average of the last {@value #SAMPLES} values, computed as HAProxy's {@code swrate}: a sum
 * that loses 1/N of itself at each new sample, so the average needs no ring of samples. As
 * HAProxy 2.6 does for its stats, N grows with the number of samples until it reaches 1024, so the
 * first requests are not averaged against 1024 imaginary zeros. Used for qtime, ctime, rtime and
 * ttime (milliseconds); also keeps the maximum ({@code *_max} fields).
 */
public final class SlidingAverage {
    static final int SAMPLES = 1024;

    private final AtomicLong sum = new AtomicLong();
    private final AtomicLong samples = new AtomicLong();
    private final AtomicLong max = new AtomicLong();

    public void add(long value) {
        long n = Math.min(samples.incrementAndGet(), SAMPLES);
        long old;
        long next;
        do {
            old = sum.get();
            next = old - (old + n - 1) / n + value;
        } while (!sum.compareAndSet(old, next));
        Maxima.raise(max, value);
    }

    /** The average, rounded up as HAProxy's {@code swrate_avg}; 0 before any sample. */
    public long average() {
        long n = Math.min(samples.get(), SAMPLES);
        return n == 0 ? 0 : (sum.get() + n - 1) / n;
    }

    public long max() {
        return max.get();
    }
}
