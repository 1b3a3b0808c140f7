package io.tollgate.engine.stats;

/** A ticker tests move by hand; both clocks advance together, starting on a second boundary. */
final class ManualTicker implements Ticker {
    /** A wall clock far from 0, since 0 means "never" for lastsess. */
    private long wallMillis = 1_700_000_000_000L;
    private long nanos = 1_000_000_000_000L;

    @Override
    public long nanos() {
        return nanos;
    }

    @Override
    public long wallMillis() {
        return wallMillis;
    }

    void advanceMillis(long millis) {
        wallMillis += millis;
        nanos += millis * 1_000_000L;
    }

    void advanceSeconds(long seconds) {
        advanceMillis(seconds * 1000);
    }
}
