package io.tollgate.engine.stats;

import io.tollgate.engine.runtime.Proxies;
import io.tollgate.engine.runtime.Proxy;
import io.tollgate.engine.runtime.Server;
import io.tollgate.engine.runtime.StateChanges;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * When each backend and server last went down or came back, how often it went down and for how
 * long in total: the {@code lastchg} of BACKEND rows and {@code chkdown}/{@code downtime} of
 * BACKEND and server rows. Learnt by listening to {@link StateChanges}, the one door every state
 * change goes through, as HAProxy's {@code srv_update_status} keeps {@code down_trans},
 * {@code down_time} and {@code last_change}.
 *
 * <p>A server counts as down while stopped or in maintenance (HAProxy stops a server it puts in
 * maintenance); a backend while no server can take traffic ({@link Proxy#isUp()}). State changes
 * are rare, so a lock is fine here; the hot path never comes near it.
 */
final class StateTimes implements StateChanges.Listener {
    /** One object's history; all times are wall-clock milliseconds. */
    private static final class Clock {
        long lastChange;
        long downSince = -1;
        long downMillis;
        long downTransitions;

        Clock(long since, boolean down) {
            lastChange = since;
            if (down) {
                downSince = since;
            }
        }

        void update(boolean down, long now) {
            if (down && downSince < 0) {
                downSince = now;
                downTransitions++;
                lastChange = now;
            } else if (!down && downSince >= 0) {
                downMillis += Math.max(0, now - downSince);
                downSince = -1;
                lastChange = now;
            }
        }
    }

    private final Ticker ticker;
    private final Map<Object, Clock> clocks = new IdentityHashMap<>();

    private StateTimes(Ticker ticker) {
        this.ticker = ticker;
    }

    /** Starts from the current states and listens to every later change. */
    static StateTimes follow(Proxies proxies, Ticker ticker) {
        StateTimes times = new StateTimes(ticker);
        for (Proxy p : proxies.all()) {
            if (!p.isBackend()) {
                continue;
            }
            times.clocks.put(p, new Clock(p.startMillis(), !p.isUp()));
            for (Server s : p.servers()) {
                times.clocks.put(s, new Clock(s.lastChangeMillis(), isDown(s)));
            }
        }
        proxies.stateChanges().addListener(times);
        return times;
    }

    @Override
    public synchronized void serverChanged(Server server, String what, String cause) {
        long now = ticker.wallMillis();
        clocks.get(server).update(isDown(server), now);
        clocks.get(server.backend()).update(!server.backend().isUp(), now);
    }

    @Override
    public synchronized void serverAdded(Server server) {
        clocks.put(server, new Clock(server.lastChangeMillis(), isDown(server)));
    }

    @Override
    public synchronized void serverRemoved(Server server) {
        clocks.remove(server);
    }

    /** Seconds since the last change to or from down ({@code lastchg}). */
    synchronized long secondsSinceLastChange(Object backendOrServer) {
        return Math.max(0, (ticker.wallMillis() - clock(backendOrServer).lastChange) / 1000);
    }

    /** Times it went down ({@code chkdown}). */
    synchronized long downTransitions(Object backendOrServer) {
        return clock(backendOrServer).downTransitions;
    }

    /** {@code clear counters all} resets a server's {@code chkdown}, not its {@code downtime} (HAProxy keeps it apart). */
    synchronized void clearDownTransitions(Server server) {
        clocks.get(server).downTransitions = 0;
    }

    /** Seconds spent down in total, including the current stretch ({@code downtime}). */
    synchronized long downtimeSeconds(Object backendOrServer) {
        Clock c = clock(backendOrServer);
        long total = c.downMillis;
        if (c.downSince >= 0) {
            total += Math.max(0, ticker.wallMillis() - c.downSince);
        }
        return total / 1000;
    }

    /** A server deleted while a snapshot was being taken has no clock any more: it reads as new. */
    private Clock clock(Object backendOrServer) {
        Clock c = clocks.get(backendOrServer);
        return c != null ? c : new Clock(ticker.wallMillis(), false);
    }

    private static boolean isDown(Server s) {
        return !s.isUp() || s.isInMaintenance();
    }
}
