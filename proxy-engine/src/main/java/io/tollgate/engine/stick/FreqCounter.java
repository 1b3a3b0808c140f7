package io.tollgate.engine.stick;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * HAProxy's {@code freq_ctr} over a configurable period (include/haproxy/freq_ctr.h,
 * src/freq_ctr.c in 2.6), kept in three slots of an entry's {@link AtomicLongArray} so that
 * an entry with several rates is still one allocation: the start of the current period, the
 * events counted in it, and the events of the previous period.
 *
 * <p>Reading gives {@code read_freq_ctr_period}: the current count plus the previous one
 * weighted by the part of the previous period still inside a sliding window of one period,
 * rounded down; while nothing happened in the current period and the previous one had at most
 * one event, that count is reported whole so that a rate of 1 does not flap to 0. Two periods
 * without events read 0. A period starts at the first event after a quiet spell, so the
 * boundaries follow the traffic, not the clock.
 *
 * <p>Lock-free like HAProxy's: adding within the period is one atomic add; the thread that sees
 * the period over marks the counter as rotating, moves the count to "previous" and sets the
 * new start, while the others wait those few instructions out. Readers retry until they see
 * the three values of one period.
 */
final class FreqCounter {
    /** Slots per counter. */
    static final int WIDTH = 3;
    /** The start slot before any event. */
    private static final long EMPTY = Long.MIN_VALUE;
    /** The start slot while one thread moves the counter to a new period. */
    private static final long ROTATING = Long.MIN_VALUE + 1;

    private FreqCounter() {
    }

    static void init(AtomicLongArray slots, int at) {
        slots.set(at, EMPTY);
    }

    /**
     * What {@code set table ... data.<rate> <n>} does: a period starting now with {@code n}
     * events and none before. Not atomic with concurrent adds, as HAProxy's is not either.
     */
    static void set(AtomicLongArray slots, int at, long now, long value) {
        slots.set(at, ROTATING);
        slots.set(at + 1, value);
        slots.set(at + 2, 0);
        slots.set(at, now);
    }

    /** {@code update_freq_ctr_period}: counts {@code inc} events at {@code now}; returns the current period's count. */
    static long add(AtomicLongArray slots, int at, long periodMs, long now, long inc) {
        long start;
        while (true) {
            start = slots.get(at);
            if (start != ROTATING) {
                // A clock read before another thread rotated can lag the start: it still counts now.
                if (start != EMPTY && now - start < periodMs) {
                    return slots.addAndGet(at + 1, inc);
                }
                if (slots.compareAndSet(at, start, ROTATING)) {
                    break;
                }
            }
            Thread.onSpinWait();
        }
        long previous = slots.getAndSet(at + 1, inc);
        long next = start == EMPTY ? now : start + periodMs;
        if (start == EMPTY || now - next >= periodMs) {
            // Two periods or more went by without events: nothing of them is left in the window.
            previous = 0;
            next = now;
        }
        slots.set(at + 2, previous);
        slots.set(at, next);
        return inc;
    }

    /** {@code read_freq_ctr_period}: events per period at {@code now}; 0 for a period of 0. */
    static long read(AtomicLongArray slots, int at, long periodMs, long now) {
        if (periodMs <= 0) {
            return 0;
        }
        long start;
        long current;
        long previous;
        while (true) {
            start = slots.get(at);
            if (start != ROTATING) {
                current = slots.get(at + 1);
                previous = slots.get(at + 2);
                if (slots.get(at) == start) {
                    break;
                }
            }
            Thread.onSpinWait();
        }
        if (start == EMPTY) {
            return 0;
        }
        long remain = start + periodMs - now;
        if (remain < 0) {
            // The current period is over but nobody rotated: it is the previous one now.
            remain += periodMs;
            previous = remain >= 0 ? current : 0;
            current = 0;
        } else if (remain > periodMs) {
            remain = periodMs;
        }
        if (current == 0 && previous <= 1) {
            return previous;
        }
        // current + previous * remain / period, without overflowing on byte counts.
        return current + (previous / periodMs) * remain + (previous % periodMs) * remain / periodMs;
    }
}
