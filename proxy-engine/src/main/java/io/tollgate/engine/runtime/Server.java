package io.tollgate.engine.runtime;

import io.tollgate.engine.config.CheckSettings;
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
    private volatile boolean stopping;
    private volatile boolean maintenance;
    private volatile boolean drain;
    /** Health checks or agent stopped by an operator ({@code disable health}, {@code disable agent}). */
    private volatile boolean checkDisabled;
    private volatile boolean agentDisabled;
    private volatile int weight;
    /** {@code maxconn} set at run time (an agent's {@code maxconn:<n>}); -1 while the configured one applies. */
    private volatile int runtimeMaxconn = -1;
    /** Until when the weight ramps up after coming back ({@code slowstart}); 0 when not ramping. */
    private volatile long warmUntilMillis;
    private final CheckState check;
    private volatile CheckState agent;
    private volatile Server tracked;
    private final java.util.List<Server> trackers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger consecutiveErrors = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.LongAdder analyzedFailures = new java.util.concurrent.atomic.LongAdder();
    private final java.util.Set<Runnable> sessions = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** 0, 4 or 7: the layer {@code observe} watches (read on every connection and response). */
    private final int observedLayer;
    private volatile long lastChangeMillis;
    private final Ticker ticker;
    /**
     * Where connections go: the address (looked up at start, null before or without one), and the
     * port, or with {@code mapped} the offset added to the port the client connected to (HAProxy's
     * {@code SRV_F_MAPPORTS}; a configured port 0 or none is offset 0). One value, so that
     * {@code set server addr} never lets a connection see the new address with the old port.
     */
    private record Destination(InetAddress address, int port, boolean mapped) {
    }

    private volatile Destination destination;
    /** Counts address changes, so that pooled connections to an older address are not reused. */
    private volatile int addressVersion;
    /** {@code set server check-port}; -1 while the configured {@code port} of the check applies. */
    private volatile int runtimeCheckPort = -1;
    private volatile LiveSettings live = LiveSettings.NONE;

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
        this.destination = new Destination(null, config.address() == null ? 0 : Math.max(0, config.address().port()),
                config.address() != null && config.address().port() <= 0);
        CheckSettings c = config.check();
        this.check = c.enabled() ? new CheckState(false, c.rise(), c.fall()) : null;
        this.observedLayer = "layer4".equals(c.observe()) ? 4 : "layer7".equals(c.observe()) ? 7 : 0;
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

    /** Operationally up: running, warming up or stopping (NOLB); not DOWN. */
    public boolean isUp() {
        return up;
    }

    /** Up but refusing new load-balanced traffic after a conditional check ({@code NOLB}). */
    public boolean isStopping() {
        return up && stopping;
    }

    /** In maintenance, forced ({@code disabled}, the CLI, an agent) or through the server it tracks. */
    public boolean isInMaintenance() {
        return maintenance || inheritsMaintenance();
    }

    /** In maintenance because of this server itself, not of a tracked one. */
    public boolean isInForcedMaintenance() {
        return maintenance;
    }

    /** Whether the end of the track chain is in maintenance ({@code MAINT (via b/s)}). */
    public boolean inheritsMaintenance() {
        Server t = tracked;
        return t != null && t.isInMaintenance();
    }

    /** Forced drain ({@code set server state drain}, an agent's {@code drain}): no new load-balanced traffic. */
    public boolean isDraining() {
        return drain;
    }

    /**
     * The effective weight the balancers use: the user weight, ramped while warming up after
     * {@code slowstart} (never below 1 then, so a warming server gets some traffic).
     */
    public int weight() {
        int w = weight;
        long until = warmUntilMillis;
        if (until == 0 || w == 0) {
            return w;
        }
        long left = until - ticker.wallMillis();
        if (left <= 0) {
            return w;
        }
        long slow = config.check().slowstart();
        long elapsed = Math.max(0, slow - left);
        return (int) Math.max(1, (w * elapsed + slow - 1) / slow);
    }

    /** The weight set by the configuration or an operator ({@code uweight}). */
    public int userWeight() {
        return weight;
    }

    /** The ramp's progress in percent while warming up ({@code throttle}), or -1 when not warming up. */
    public int throttle() {
        long until = warmUntilMillis;
        if (until == 0) {
            return -1;
        }
        long left = until - ticker.wallMillis();
        long slow = config.check().slowstart();
        if (left <= 0 || slow <= 0) {
            return -1;
        }
        return (int) ((slow - left) * 100 / slow);
    }

    /** Whether the weight is still ramping up after {@code slowstart}. */
    public boolean isWarmingUp() {
        return throttle() >= 0;
    }

    /** May take new load-balanced traffic: running, not stopping, draining or in maintenance, weight above zero. */
    public boolean isUsable() {
        return up && !stopping && !drain && !isInMaintenance() && weight > 0;
    }

    /** Checks configured but stopped by an operator: the server shows as not checked meanwhile. */
    public boolean isCheckDisabled() {
        return checkDisabled;
    }

    public boolean isAgentDisabled() {
        return agentDisabled;
    }

    void setCheckDisabled(boolean disabled) {
        this.checkDisabled = disabled;
    }

    void setAgentDisabled(boolean disabled) {
        this.agentDisabled = disabled;
    }

    /** The health check's state, or null without {@code check}. */
    public CheckState check() {
        return check;
    }

    /** The agent check's state, or null without {@code agent-check}. */
    public CheckState agent() {
        return agent;
    }

    public void setAgent(CheckState agent) {
        this.agent = agent;
    }

    /** The server this one follows ({@code track}), or null. */
    public Server tracked() {
        return tracked;
    }

    /** The end of the track chain: the server whose checks decide this one's state. */
    public Server trackRoot() {
        Server s = this;
        for (int i = 0; i < 64 && s.tracked != null; i++) {
            s = s.tracked;
        }
        return s;
    }

    /** Servers that follow this one. */
    public java.util.List<Server> trackers() {
        return trackers;
    }

    /** Links this server to the one it tracks; done once when the runtime is built. */
    public void track(Server target) {
        this.tracked = target;
        target.trackers.add(this);
    }

    /**
     * Closers of this server's open connections, so that they can be shut down
     * ({@code on-marked-down shutdown-sessions}, backups under {@code on-marked-up}, an operator's
     * "kill sessions"); the network layer adds each new connection and removes it when it closes.
     */
    public java.util.Set<Runnable> sessions() {
        return sessions;
    }

    /** The layer {@code observe} watches: 4, 7, or 0 when it does not. */
    public int observedLayer() {
        return observedLayer;
    }

    /** Failed checks caused by errors seen on live traffic ({@code hanafail}). */
    public java.util.concurrent.atomic.LongAdder analyzedFailures() {
        return analyzedFailures;
    }

    /** Consecutive errors seen on live traffic ({@code observe}); reset by a passed check. */
    public java.util.concurrent.atomic.AtomicInteger consecutiveErrors() {
        return consecutiveErrors;
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

    /**
     * The {@code maxconn} in force ({@code slim}): the configured one until an agent sets another
     * ({@code maxconn:<n>}); 0 means no limit.
     */
    public int maxconn() {
        int max = runtimeMaxconn;
        return max >= 0 ? max : config.maxconn();
    }

    public boolean hasRoom() {
        int max = maxconn();
        return max <= 0 || served.get() < max;
    }

    /** Takes a slot if one is free. */
    public boolean tryAcquire() {
        int max = maxconn();
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
        Destination d = destination;
        destination = new Destination(host.isEmpty() ? null : InetAddress.getByName(host), d.port(), d.mapped());
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
        Destination d = destination;
        InetAddress a = d.address();
        return config.address() != null && (a == null || a.isAnyLocalAddress() || d.mapped());
    }

    public InetSocketAddress target(InetSocketAddress clientLocal) {
        Destination d = destination;
        InetAddress a = d.address();
        if (a == null || a.isAnyLocalAddress()) {
            a = clientLocal.getAddress();
        }
        int p = d.mapped() ? (clientLocal.getPort() + d.port()) & 0xffff : d.port();
        return new InetSocketAddress(a, p);
    }

    /** The address connections go to: looked up at start, or set since; null (no address, or a Unix socket). */
    public InetAddress resolvedAddress() {
        return destination.address();
    }

    /** The port connections go to, or the offset to the client's port when {@link #isPortMapped()}. */
    public int port() {
        return destination.port();
    }

    /** Whether {@link #port()} is added to the port the client connected to (0: that very port). */
    public boolean isPortMapped() {
        return destination.mapped();
    }

    /** The health check's own port ({@code port}, {@code set server check-port}), 0 when it uses the server's. */
    public int checkPort() {
        int p = runtimeCheckPort;
        return p >= 0 ? p : config.check().port();
    }

    /** The health check's port, as the next run uses it: its own, else the server's (0 when mapped). */
    public int checkTargetPort() {
        int p = checkPort();
        Destination d = destination;
        return p > 0 ? p : d.mapped() ? 0 : d.port();
    }

    /** Changes with every {@code set server addr}: a connection opened under another version leads elsewhere. */
    public int addressVersion() {
        return addressVersion;
    }

    void setAddress(InetAddress address, int port, boolean portMapped) {
        this.destination = new Destination(address, port, portMapped);
        addressVersion++; // under StateChanges' lock: one writer
    }

    void setCheckPort(int port) {
        this.runtimeCheckPort = port;
    }

    /** Check, agent and TLS settings set over the runtime API ({@link LiveSettings#NONE} until then). */
    public LiveSettings live() {
        return live;
    }

    /** Whether new connections use the server's TLS settings: as configured until {@code set server ssl}. */
    public boolean usesTls() {
        Boolean ssl = live.ssl();
        return ssl != null ? ssl : config.tls() != null;
    }

    void setLive(LiveSettings settings) {
        if (!java.util.Objects.equals(settings.ssl(), live.ssl())) {
            addressVersion++; // pooled connections kept the other transport (HAProxy cleans them up)
        }
        this.live = settings;
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
        if (!up) {
            stopping = false;
            warmUntilMillis = 0;
        }
    }

    void setStopping(boolean stopping) {
        if (this.stopping != stopping) {
            this.stopping = stopping;
            lastChangeMillis = ticker.wallMillis();
        }
    }

    void setDrain(boolean drain) {
        this.drain = drain;
    }

    /** Starts the weight ramp of {@code slowstart}, if configured. */
    void startWarmUp() {
        long slow = config.check().slowstart();
        warmUntilMillis = slow > 0 ? ticker.wallMillis() + slow : 0;
    }

    /** Ends the ramp once it is over, so that the warm-up task knows to stop. */
    void endWarmUpIfDone() {
        if (warmUntilMillis != 0 && ticker.wallMillis() >= warmUntilMillis) {
            warmUntilMillis = 0;
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

    void setMaxconn(int maxconn) {
        this.runtimeMaxconn = Math.max(0, maxconn);
    }

    @Override
    public String toString() {
        return backend.name() + "/" + name();
    }
}
