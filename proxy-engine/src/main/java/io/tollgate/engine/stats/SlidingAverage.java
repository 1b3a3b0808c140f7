package io.tollgate.engine.stats;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The average of the last {@value #SAMPLES} values, computed as HAProxy's {@code swrate}: a sum
 * that loses 1/N of itself at each new sample, so the average needs no ring of samples. As
 * HAProxy 2.6 does for its stats ({@code stream_update_time_stats}), the first 1024 samples are
 * simply summed and divided by their count, an exact mean, so the first requests are not averaged
 * against 1024 imaginary zeros; from the 1025th on, each sample replaces 1/1024 of the sum. Used
 * for qtime, ctime, rtime and ttime (milliseconds); also keeps the maximum ({@code *_max} fields).
 */
public final class SlidingAverage {
    static final int SAMPLES = 1024;

    private final AtomicLong sum = new AtomicLong();
    private final AtomicLong samples = new AtomicLong();
    private final AtomicLong max = new AtomicLong();

    public void add(long value) {
        // HAProxy's swrate_add_dynamic with n = 0 (keep everything) until the window is full.
        long n = samples.incrementAndGet() > SAMPLES ? SAMPLES : 0;
        long old;
        long next;
        do {
            old = sum.get();
            next = n == 0 ? old + value : old - (old + n - 1) / n + value;
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

    /** {@code clear counters}: forgets the highest sample. */
    public void clearMax() {
        max.set(0);
    }

    /**
     * {@code clear counters all}: no sample yet. Not atomic with a racing {@link #add}, which may
     * land in the old or the new sum; the average is an estimate anyway.
     */
    public void clear() {
        samples.set(0);
        sum.set(0);
        max.set(0);
    }
}
