package io.tollgate.engine.stats;

import java.util.concurrent.atomic.AtomicLong;

/** A current value with its peak (scur/smax, qcur/qmax): lock-free, one CAS per change at most twice. */
public final class Gauge {
    private final AtomicLong current = new AtomicLong();
    private final AtomicLong max = new AtomicLong();

    public long increment() {
        long v = current.incrementAndGet();
        Maxima.raise(max, v);
        return v;
    }

    public long decrement() {
        return current.decrementAndGet();
    }

    public long current() {
        return current.get();
    }

    public long max() {
        return max.get();
    }

    /** {@code clear counters}: the peak restarts from 0, as HAProxy's; the current value is no counter. */
    public void clearMax() {
        max.set(0);
    }
}
