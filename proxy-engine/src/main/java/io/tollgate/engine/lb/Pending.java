package io.tollgate.engine.lb;

import io.tollgate.engine.runtime.Server;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A request waiting in a queue for a server slot. Exactly one of {@link #claim()}'s callers wins:
 * the dispatcher that grants it a slot, or the queue timeout that expires it.
 */
public abstract class Pending {
    private final AtomicBoolean claimed = new AtomicBoolean();
    private final long enqueuedNanos;

    protected Pending(long enqueuedNanos) {
        this.enqueuedNanos = enqueuedNanos;
    }

    public final boolean claim() {
        return claimed.compareAndSet(false, true);
    }

    public final boolean isClaimed() {
        return claimed.get();
    }

    public final long enqueuedNanos() {
        return enqueuedNanos;
    }

    /**
     * The request now holds a slot on {@code server}; called on the releasing thread, so
     * implementations hop to their own event loop.
     */
    protected abstract void granted(Server server);
}
