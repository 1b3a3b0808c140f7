package io.tollgate.engine.runtime;

import io.tollgate.engine.config.ProxyConfig;
import io.tollgate.engine.config.ProxyKind;
import io.tollgate.engine.config.ProxyMode;
import io.tollgate.engine.config.ServerConfig;
import io.tollgate.engine.http.ErrorPages;
import io.tollgate.engine.lb.Balancer;
import io.tollgate.engine.lb.Balancers;
import io.tollgate.engine.lb.Dispatcher;
import io.tollgate.engine.lb.PendingQueue;
import io.tollgate.engine.stats.BackendCounters;
import io.tollgate.engine.stats.FrontendCounters;
import io.tollgate.engine.stats.Ticker;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A proxy at run time: a frontend, a backend or both ({@code listen}). The frontend side owns
 * the listeners' counters; the backend side owns servers, the balancer and the backend queue
 * (requests waiting for any server).
 */
public final class Proxy {
    private final ProxyConfig config;
    private final FrontendCounters frontendCounters;
    private final BackendCounters backendCounters;
    /** Copy-on-write: replaced whole by {@code add server}/{@code del server}, read without locks. */
    private volatile List<Server> servers;
    private final Balancer balancer;
    private final PendingQueue queue;
    private final CookieRouting cookieRouting;
    private final long startMillis;
    private final Ticker ticker;
    /** The {@link Server#index()} the next server added at run time takes; indexes are never reused. */
    private int nextIndex;
    private volatile List<Server> candidates = List.of();
    private List<SwitchingRule> switchingRules = List.of();
    private TrafficRules rules = TrafficRules.NONE;
    private StatsPolicy stats;
    private Proxies registry;
    private Proxy defaultBackend;
    private volatile int frontendMaxconn;
    private volatile FrontendState frontendState = FrontendState.OPEN;
    private volatile FrontendListeners listeners = FrontendListeners.NONE;
    private int fullconn;

    public Proxy(ProxyConfig config, Ticker ticker) {
        this.config = config;
        this.startMillis = ticker.wallMillis();
        this.ticker = ticker;
        this.frontendCounters = config.kind().isFrontend() ? new FrontendCounters(ticker) : null;
        this.backendCounters = config.kind().isBackend() ? new BackendCounters(ticker) : null;
        List<Server> list = new ArrayList<>();
        if (config.kind().isBackend()) {
            for (int i = 0; i < config.servers().size(); i++) {
                list.add(new Server(config.servers().get(i), this, i, ticker));
            }
        }
        this.servers = Collections.unmodifiableList(list);
        this.nextIndex = list.size();
        this.balancer = config.kind().isBackend() ? Balancers.create(config, servers) : null;
        this.queue = config.kind().isBackend() ? new PendingQueue(backendCounters.queued) : null;
        this.cookieRouting = config.kind().isBackend() && config.rules().cookie() != null
                ? new CookieRouting(config.rules().cookie(), servers) : null;
        refreshCandidates();
    }

    /** The servers that take load-balanced traffic now; see {@link Dispatcher#computeCandidates}. */
    public List<Server> candidates() {
        return candidates;
    }

    /** Recomputes {@link #candidates()} after a server's state or weight changed. */
    public void refreshCandidates() {
        if (isBackend()) {
            candidates = Dispatcher.computeCandidates(this);
        }
    }

    public String name() {
        return config.name();
    }

    public int id() {
        return config.id();
    }

    public ProxyConfig config() {
        return config;
    }

    public ProxyKind kind() {
        return config.kind();
    }

    public ProxyMode mode() {
        return config.mode();
    }

    public boolean isFrontend() {
        return config.kind().isFrontend();
    }

    public boolean isBackend() {
        return config.kind().isBackend();
    }

    /** Null unless {@link #isFrontend()}. */
    public FrontendCounters frontendCounters() {
        return frontendCounters;
    }

    /** Null unless {@link #isBackend()}. */
    public BackendCounters backendCounters() {
        return backendCounters;
    }

    public List<Server> servers() {
        return servers;
    }

    public Balancer balancer() {
        return balancer;
    }

    /** A server for {@code config}, not yet part of this backend (see {@link #addServer}). */
    synchronized Server newServer(ServerConfig config) {
        return new Server(config, this, nextIndex++, ticker);
    }

    /** Appends a server at run time, after the others as HAProxy 2.6 does. */
    synchronized void addServer(Server server) {
        List<Server> copy = new ArrayList<>(servers);
        copy.add(server);
        servers = Collections.unmodifiableList(copy);
    }

    /** Takes a server out at run time; requests already on it are not this method's business. */
    synchronized void removeServer(Server server) {
        List<Server> copy = new ArrayList<>(servers);
        copy.remove(server);
        servers = Collections.unmodifiableList(copy);
        if (cookieRouting != null) {
            cookieRouting.remove(server);
        }
    }

    /** Requests waiting for any server of this backend. */
    public PendingQueue queue() {
        return queue;
    }

    /** The backend that gets this frontend's traffic: {@code default_backend}, or itself for a listen. */
    public Proxy defaultBackend() {
        return defaultBackend;
    }

    /** The frontend's {@code use_backend} rules, in order; empty when it has none. */
    public List<SwitchingRule> switchingRules() {
        return switchingRules;
    }

    /** The backend that gets {@code request}: the first matching {@code use_backend}, else the default. */
    public Proxy selectBackend(io.tollgate.engine.acl.RequestView request) {
        return switchingRules.isEmpty() ? defaultBackend : SwitchingRule.select(switchingRules, request, defaultBackend);
    }

    /** The frontend's session limit ({@code maxconn}, else the global one). */
    public int frontendMaxconn() {
        return frontendMaxconn;
    }

    void frontendMaxconn(int maxconn) {
        this.frontendMaxconn = maxconn;
    }

    /** Whether the frontend listens; changed through {@link FrontendChanges}. */
    public FrontendState frontendState() {
        return frontendState;
    }

    void frontendState(FrontendState state) {
        this.frontendState = state;
    }

    /** The frontend's listening sockets, once the network layer has bound them. */
    public FrontendListeners listeners() {
        return listeners;
    }

    /** Set once by the network layer after binding. */
    public void listeners(FrontendListeners bound) {
        this.listeners = bound;
    }

    /** The backend's {@code fullconn} (the CSV {@code slim} of a BACKEND row). */
    public int fullconn() {
        return fullconn;
    }

    public long startMillis() {
        return startMillis;
    }

    /** Sum of the weights of usable active servers (the BACKEND row's weight; 0 means DOWN). */
    public int activeWeight() {
        int sum = 0;
        for (Server s : servers) {
            if (!s.isBackup() && s.isUsable()) {
                sum += s.weight();
            }
        }
        return sum;
    }

    /** A backend is UP when a server can take traffic or when it has no server at all. */
    public boolean isUp() {
        if (servers.isEmpty()) {
            return true;
        }
        for (Server s : servers) {
            if (s.isUsable()) {
                return true;
            }
        }
        return false;
    }

    /** Who may see and use this proxy's stats page; null when it has none. */
    public StatsPolicy stats() {
        return stats;
    }

    void stats(StatsPolicy policy) {
        this.stats = policy;
    }

    /** The door of state changes of the configuration this proxy belongs to. */
    public StateChanges stateChanges() {
        return registry.stateChanges();
    }

    /** Every proxy of the same configuration, in configuration order. */
    public java.util.List<Proxy> peers() {
        return registry == null ? java.util.List.of() : registry.all();
    }

    /** The proxy named {@code name} in the same configuration, or null. */
    public Proxy peer(String name) {
        return registry == null ? null : registry.proxy(name);
    }

    /**
     * HAProxy's {@code nbsrv}: the usable active servers, or the usable backups when no active
     * one is left.
     */
    public int usableServers() {
        int active = 0;
        int backup = 0;
        for (Server s : servers) {
            if (s.isUsable()) {
                if (s.isBackup()) {
                    backup++;
                } else {
                    active++;
                }
            }
        }
        return active > 0 ? active : backup;
    }

    /** The stick table named {@code name}, or this proxy's own when null; null when there is none. */
    public io.tollgate.engine.stick.StickTable stickTable(String name) {
        return registry == null ? null : registry.table(name == null ? name() : name);
    }

    /** The userlist named {@code name}, or null. */
    public io.tollgate.engine.auth.Userlist userlist(String name) {
        return registry == null ? null : registry.userlist(name);
    }

    /** All proxies of this configuration (its sessions, its captured errors). */
    public Proxies proxies() {
        return registry;
    }

    void registry(Proxies proxies) {
        this.registry = proxies;
    }

    /** The server named {@code name}, or null. */
    public Server server(String name) {
        for (Server s : servers) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        return null;
    }

    /** This proxy's {@code errorfile}/{@code errorloc}/{@code errorfiles} pages, else HAProxy's. */
    public ErrorPages errorPages() {
        return config.errorPages();
    }

    /** The backend's {@code cookie} persistence, or null when it has none. */
    public CookieRouting cookieRouting() {
        return cookieRouting;
    }

    /** The compiled {@code http-request}, {@code http-response}, {@code tcp-request}, ... rules. */
    public TrafficRules rules() {
        return rules;
    }

    void rules(TrafficRules compiled) {
        this.rules = compiled;
    }

    void switching(List<SwitchingRule> rules) {
        this.switchingRules = List.copyOf(rules);
    }

    void link(Proxy defaultBackend, int frontendMaxconn, int fullconn) {
        this.defaultBackend = defaultBackend;
        this.frontendMaxconn = frontendMaxconn;
        this.fullconn = fullconn;
    }

    @Override
    public String toString() {
        return name();
    }
}
