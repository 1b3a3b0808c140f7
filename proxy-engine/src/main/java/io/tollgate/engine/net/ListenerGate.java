package io.tollgate.engine.net;

import io.netty.channel.Channel;
import io.tollgate.engine.stats.Gauge;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Enforces a frontend's {@code maxconn}: when its sessions reach the limit, its listening
 * sockets stop accepting (the kernel's backlog holds newcomers, as with HAProxy's FULL
 * listeners) and resume as soon as a session ends.
 */
final class ListenerGate {
    private final Gauge sessions;
    private final int maxconn;
    private final List<Channel> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean paused;

    ListenerGate(Gauge sessions, int maxconn) {
        this.sessions = sessions;
        this.maxconn = maxconn;
    }

    void add(Channel listener) {
        listeners.add(listener);
    }

    /** Called after a session was counted in. */
    void opened() {
        if (maxconn > 0 && sessions.current() >= maxconn && !paused) {
            setAccepting(false);
        }
    }

    /** Called after a session was counted out. */
    void closed() {
        if (paused && sessions.current() < maxconn) {
            setAccepting(true);
        }
    }

    boolean isFull() {
        return paused;
    }

    private synchronized void setAccepting(boolean accepting) {
        boolean full = !accepting;
        if (paused == full) {
            return;
        }
        boolean overLimit = sessions.current() >= maxconn;
        if (accepting == overLimit) {
            // the count moved on since the caller looked
            return;
        }
        paused = full;
        for (Channel l : listeners) {
            l.config().setAutoRead(accepting);
        }
    }
}
