package io.tollgate.engine.net;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wrong stats-page credentials per client address: after a few, each further 401 is held back
 * longer (doubling up to a few seconds), so guessing passwords is slow; a success forgets the
 * address, and a quiet minute forgives it. Bounded: past {@link #MAX_ADDRESSES} the table starts
 * afresh rather than grow with a spray of addresses.
 */
final class AuthFailures {
    static final int FREE_TRIES = 3;
    static final long MAX_DELAY_MILLIS = 4000;
    private static final long FORGIVE_MILLIS = 60_000;
    private static final int MAX_ADDRESSES = 10_000;

    private record Entry(int count, long lastMillis) {
    }

    private final ConcurrentHashMap<InetAddress, Entry> failures = new ConcurrentHashMap<>();

    /** Records a failure from {@code address}; returns how long to hold back its answer, in ms. */
    long failed(InetAddress address) {
        if (address == null) {
            return 0;
        }
        if (failures.size() > MAX_ADDRESSES) {
            failures.clear();
        }
        long now = System.currentTimeMillis();
        Entry e = failures.compute(address, (a, old) -> old == null || now - old.lastMillis() > FORGIVE_MILLIS
                ? new Entry(1, now) : new Entry(old.count() + 1, now));
        int beyond = e.count() - FREE_TRIES;
        if (beyond <= 0) {
            return 0;
        }
        return Math.min(MAX_DELAY_MILLIS, 250L << Math.min(beyond - 1, 10));
    }

    void succeeded(InetAddress address) {
        if (address != null) {
            failures.remove(address);
        }
    }
}
