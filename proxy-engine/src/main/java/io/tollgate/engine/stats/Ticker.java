package io.tollgate.engine.stats;

/**
 * The source of time for rates, ages and averages, injected so that tests step time instead of
 * sleeping (as Caffeine's {@code Ticker} does).
 */
public interface Ticker {
    /** Monotonic nanoseconds, for durations and rate windows. */
    long nanos();

    /** Wall-clock milliseconds since the epoch, for "seconds since" fields. */
    long wallMillis();

    Ticker SYSTEM = new Ticker() {
        @Override
        public long nanos() {
            return System.nanoTime();
        }

        @Override
        public long wallMillis() {
            return System.currentTimeMillis();
        }
    };
}
