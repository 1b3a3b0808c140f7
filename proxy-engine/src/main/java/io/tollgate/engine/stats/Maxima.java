package io.tollgate.engine.stats;

import java.util.concurrent.atomic.AtomicLong;

/** Raising a "highest value seen" without locks: a read, and a CAS only when the value is new. */
final class Maxima {
    private Maxima() {
    }

    static void raise(AtomicLong max, long value) {
        long seen = max.get();
        while (value > seen) {
            if (max.compareAndSet(seen, value)) {
                return;
            }
            seen = max.get();
        }
    }
}
