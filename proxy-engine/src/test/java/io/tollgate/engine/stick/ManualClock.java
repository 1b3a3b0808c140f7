package io.tollgate.engine.stick;

import java.util.function.LongSupplier;

/** Milliseconds that tests move by hand, starting far from 0 as a real clock would. */
final class ManualClock implements LongSupplier {
    private volatile long now = 5_000_000L;

    @Override
    public long getAsLong() {
        return now;
    }

    void advance(long ms) {
        now += ms;
    }
}
