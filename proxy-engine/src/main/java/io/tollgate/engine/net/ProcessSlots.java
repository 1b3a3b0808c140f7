package io.tollgate.engine.net;

import io.tollgate.engine.runtime.GlobalMaxconn;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The process's {@code maxconn} over every frontend, as HAProxy's {@code actconn} against
 * {@code global.maxconn}: a session takes a place here besides its frontend's; at the limit every
 * frontend's listeners stop accepting, and they resume as sessions end anywhere or when
 * {@code set maxconn global} raises the limit. One counter shared by all event loops, as
 * HAProxy's is; waking the gates on a session's end costs a volatile read per frontend unless
 * one waits.
 */
final class ProcessSlots {
    private final GlobalMaxconn limit;
    private final AtomicInteger active = new AtomicInteger();
    private final List<ListenerGate> gates = new CopyOnWriteArrayList<>();

    ProcessSlots(GlobalMaxconn limit) {
        this.limit = limit;
        limit.onChange(this::changed);
    }

    void add(ListenerGate gate) {
        gates.add(gate);
    }

    /** Takes a place if one is free; when this was the last, every frontend stops accepting. */
    boolean tryTake() {
        int n;
        do {
            n = active.get();
            if (n >= max()) {
                pauseAll();
                return false;
            }
        } while (!active.compareAndSet(n, n + 1));
        if (n + 1 >= max()) {
            pauseAll();
        }
        return true;
    }

    void release() {
        active.decrementAndGet();
        wakeAll();
    }

    /** HAProxy's {@code actconn}: sessions in the process right now. */
    int active() {
        return active.get();
    }

    boolean hasRoom() {
        return active.get() < max();
    }

    private int max() {
        int m = limit.current();
        return m <= 0 ? Integer.MAX_VALUE : m;
    }

    private void changed() {
        if (hasRoom()) {
            wakeAll();
        } else {
            pauseAll();
        }
    }

    private void pauseAll() {
        for (ListenerGate g : gates) {
            g.processFull();
        }
    }

    private void wakeAll() {
        for (ListenerGate g : gates) {
            g.wake();
        }
    }
}
