package io.tollgate.engine.net;

import io.netty.channel.Channel;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Enforces a frontend's {@code maxconn}, as HAProxy's FULL listeners do: at the limit, the
 * listening sockets stop accepting, so newcomers wait in the kernel's backlog. A listener may
 * still have accepted a few connections in the same batch before it paused; those are held,
 * unread and uncounted, exactly as if they were still in the backlog, and admitted in arrival
 * order as sessions end. So {@code scur} never exceeds {@code maxconn}.
 */
final class ListenerGate {
    private record Held(Channel channel, Runnable start) {
    }

    private final int maxconn;
    private final AtomicInteger admitted = new AtomicInteger();
    private final List<Channel> listeners = new CopyOnWriteArrayList<>();
    private final Queue<Held> held = new ConcurrentLinkedQueue<>();
    private volatile boolean paused;

    ListenerGate(int maxconn) {
        this.maxconn = maxconn <= 0 ? Integer.MAX_VALUE : maxconn;
    }

    void add(Channel listener) {
        listeners.add(listener);
    }

    /**
     * A connection was accepted: {@code start} runs now (on the caller's loop) if there is room,
     * or later on the connection's own loop when a session ends. Until then it is not read.
     */
    void admit(Channel channel, Runnable start) {
        if (tryTake()) {
            start.run();
            return;
        }
        channel.config().setAutoRead(false);
        held.add(new Held(channel, start));
        // a session may have ended between the failed take and the hold
        admitHeld();
    }

    /** An admitted session ended: its place goes to a held connection, or the listeners resume. */
    void released() {
        admitted.decrementAndGet();
        admitHeld();
    }

    private boolean tryTake() {
        int n;
        do {
            n = admitted.get();
            if (n >= maxconn) {
                setAccepting(false);
                return false;
            }
        } while (!admitted.compareAndSet(n, n + 1));
        if (n + 1 >= maxconn) {
            setAccepting(false);
        }
        return true;
    }

    private void admitHeld() {
        Held h;
        while ((h = held.peek()) != null) {
            if (!h.channel().isActive()) {
                held.remove(h);
                continue;
            }
            if (!tryTake()) {
                return;
            }
            if (held.remove(h)) {
                Held admittedOne = h;
                h.channel().eventLoop().execute(() -> {
                    if (admittedOne.channel().isActive()) {
                        admittedOne.start().run();
                    } else {
                        released();
                    }
                });
            } else {
                // another thread admitted it first: give the place back
                admitted.decrementAndGet();
            }
        }
        if (admitted.get() < maxconn) {
            setAccepting(true);
        }
    }

    boolean isFull() {
        return paused;
    }

    private synchronized void setAccepting(boolean accepting) {
        if (paused != accepting) {
            return;
        }
        if (accepting && (admitted.get() >= maxconn || !held.isEmpty())) {
            return;
        }
        paused = !accepting;
        for (Channel l : listeners) {
            l.config().setAutoRead(accepting);
        }
    }
}
