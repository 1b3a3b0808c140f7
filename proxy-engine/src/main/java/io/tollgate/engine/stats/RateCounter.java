package io.tollgate.engine.stats;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Events per second over a sliding one-second window, as HAProxy's {@code freq_ctr}: the count of
 * the current second plus the previous second's count weighted by the part of it still inside
 * the window. Also tracks the highest rate seen ({@code *_rate_max}).
 *
 * <p>Lock-free: the hot path is one {@code incrementAndGet} on the current bucket; rotating to a
 * new second is a CAS on the packed (second, count) pair, so a racing increment at a second's
 * boundary can land in either second, which is the precision HAProxy offers too.
 */
public final class RateCounter {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final Ticker ticker;
    /** The second the current bucket belongs to. */
    private final AtomicLong second = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong current = new AtomicLong();
    private volatile long previous;
    private final AtomicLong max = new AtomicLong();

    public RateCounter(Ticker ticker) {
        this.ticker = ticker;
    }

    /** Counts one event now. */
    public void increment() {
        long now = ticker.nanos();
        rotate(now);
        current.incrementAndGet();
        Maxima.raise(max, rateAt(now));
    }

    /** The current rate, events per second. */
    public long rate() {
        long now = ticker.nanos();
        rotate(now);
        return rateAt(now);
    }

    /** The highest rate observed since start. */
    public long max() {
        return Math.max(max.get(), rate());
    }

    /** {@code clear counters}: forgets the highest rate (a racing event may raise it again at once). */
    public void clearMax() {
        max.set(0);
    }

    /** {@code clear counters all}: as if no event had happened. */
    public void clear() {
        current.set(0);
        previous = 0;
        max.set(0);
    }

    private long rateAt(long now) {
        long elapsedInSecond = Math.floorMod(now, NANOS_PER_SECOND);
        long remainingWeight = NANOS_PER_SECOND - elapsedInSecond;
        return current.get() + (previous * remainingWeight + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND;
    }

    private void rotate(long now) {
        long sec = Math.floorDiv(now, NANOS_PER_SECOND);
        long seen = second.get();
        if (sec == seen) {
            return;
        }
        if (second.compareAndSet(seen, sec)) {
            long count = current.getAndSet(0);
            previous = (sec == seen + 1) ? count : 0;
        }
    }
}
