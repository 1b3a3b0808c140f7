package io.tollgate.engine.lb;

import io.tollgate.engine.stats.Gauge;

import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Requests waiting for a slot, oldest first, with {@code qcur}/{@code qmax} kept in the owner's
 * counters. Whoever removes an entry (a dispatcher polling, a timeout removing) decrements qcur.
 */
public final class PendingQueue {
    private final ConcurrentLinkedQueue<Pending> waiting = new ConcurrentLinkedQueue<>();
    private final Gauge queued;

    public PendingQueue(Gauge queued) {
        this.queued = queued;
    }

    public void add(Pending p) {
        queued.increment();
        waiting.add(p);
    }

    public Pending poll() {
        Pending p = waiting.poll();
        if (p != null) {
            queued.decrement();
        }
        return p;
    }

    /** Removes an entry that gave up (timeout, client gone); false when a dispatcher took it first. */
    public boolean remove(Pending p) {
        if (waiting.remove(p)) {
            queued.decrement();
            return true;
        }
        return false;
    }

    public boolean isEmpty() {
        return waiting.isEmpty();
    }

    public int size() {
        return (int) queued.current();
    }
}
