package io.tollgate.engine.runtime;

import io.tollgate.engine.config.ServerConfig;
import io.tollgate.engine.lb.PendingQueue;
import io.tollgate.engine.stats.BackendCounters;
import io.tollgate.engine.stats.Ticker;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server of a backend at run time: its counters, its state and its connection slots.
 *
 * <p>State is split as HAProxy splits it: the operational state ({@link #isUp()}, driven by
 * health checks in a later issue) and the admin state ({@link #isInMaintenance()}, from
 * {@code disabled} now, from the socket and page later). State changes are made through
 * {@link StateChanges} so that every door updates counters and listeners the same way.
 *
 * <p>Slots: {@code maxconn} limits the requests (HTTP) or connections (TCP) served at once; a
 * slot is taken with {@link #tryAcquire()} before connecting and given back with
 * {@link io.tollgate.engine.lb.Dispatcher#release(Server)}, which hands it to a queued request.
 */
public final class Server {
    private final ServerConfig config;
    private final Proxy backend;
    private final int index;
    private final BackendCounters counters;
    private final PendingQueue queue;
    private final AtomicInteger served = new AtomicInteger();
    private volatile boolean up = true;
    private volatile boolean maintenance;
    private volatile int weight;
    private volatile long lastChangeMillis;
    private final Ticker ticker;
    private volatile InetAddress resolved;

    public Server(ServerConfig config, Proxy backend, int index, Ticker ticker) {
        this.config = config;
        this.backend = backend;
        this.index = index;
        this.ticker = ticker;
        this.counters = new BackendCounters(ticker);
        this.queue = new PendingQueue(counters.queued);
        this.weight = config.weight();
        this.maintenance = config.disabled();
        this.lastChangeMillis = ticker.wallMillis();
    }

    public String name() {
        return config.name();
    }

    public int id() {
        return config.id();
    }

    public ServerConfig config() {
        return config;
    }

    public Proxy backend() {
        return backend;
    }

    /** Position in the backend's server list, for balancers' per-server arrays. */
    public int index() {
        return index;
    }

    public BackendCounters counters() {
        return counters;
    }

    public PendingQueue queue() {
        return queue;
    }

    public boolean isBackup() {
        return config.backup();
    }

    public boolean isUp() {
        return up;
    }

    public boolean isInMaintenance() {
        return maintenance;
    }

    public int weight() {
        return weight;
    }

    /** May take new load-balanced traffic: running, not in maintenance, weight above zero. */
    public boolean isUsable() {
        return up && !maintenance && weight > 0;
    }

    /**
     * May take traffic that asks for it by name ({@code use-server}, a persistence cookie): not
     * in maintenance, and running, or down in a backend with {@code option persist}. A draining
     * server (weight 0) still does.
     */
    public boolean takesPersistentTraffic() {
        return !maintenance && (up || backend.config().hasOption("persist"));
    }

    /** Requests (or connections) being served right now, for slot accounting. */
    public int served() {
        return served.get();
    }

    public boolean hasRoom() {
        int max = config.maxconn();
        return max <= 0 || served.get() < max;
    }

    /** Takes a slot if one is free. */
    public boolean tryAcquire() {
        int max = config.maxconn();
        if (max <= 0) {
            served.incrementAndGet();
            return true;
        }
        int cur;
        do {
            cur = served.get();
            if (cur >= max) {
                return false;
            }
        } while (!served.compareAndSet(cur, cur + 1));
        return true;
    }

    /** Gives a slot back without serving the queue; use {@code Dispatcher.release} instead. */
    public void releaseSlot() {
        served.decrementAndGet();
    }

    /**
     * Resolves the configured host once, at start, as HAProxy's default {@code init-addr libc}
     * does, so that no DNS lookup ever runs on an event loop.
     */
    public void resolve() throws UnknownHostException {
        if (config.address() == null) {
            return;
        }
        String host = config.address().host();
        resolved = host.isEmpty() ? null : InetAddress.getByName(host);
    }

    /**
     * Where to connect: the resolved address and configured port; a server without address
     * ({@code 0.0.0.0}) or without port takes them from the address the client connected to.
     */
    /**
     * Whether connections go where the client connected ({@code 0.0.0.0} or no port, HAProxy's
     * transparent servers), so that each belongs to its client.
     */
    public boolean followsClientDestination() {
        return config.address() != null
                && (resolved == null || resolved.isAnyLocalAddress() || config.address().port() <= 0);
    }

    public InetSocketAddress target(InetSocketAddress clientLocal) {
        InetAddress a = resolved;
        if (a == null || a.isAnyLocalAddress()) {
            a = clientLocal.getAddress();
        }
        int port = config.address().port();
        return new InetSocketAddress(a, port > 0 ? port : clientLocal.getPort());
    }

    public long lastChangeMillis() {
        return lastChangeMillis;
    }

    /** Seconds since the last UP/DOWN change, as {@code lastchg}. */
    public long secondsSinceLastChange() {
        return Math.max(0, (ticker.wallMillis() - lastChangeMillis) / 1000);
    }

    void setUp(boolean up) {
        if (this.up != up) {
            this.up = up;
            lastChangeMillis = ticker.wallMillis();
        }
    }

    void setMaintenance(boolean maintenance) {
        if (this.maintenance != maintenance) {
            this.maintenance = maintenance;
            lastChangeMillis = ticker.wallMillis();
        }
    }

    void setWeight(int weight) {
        this.weight = weight;
    }

    @Override
    public String toString() {
        return backend.name() + "/" + name();
    }
}
