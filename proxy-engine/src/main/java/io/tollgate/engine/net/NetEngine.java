package io.tollgate.engine.net;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.tollgate.engine.admin.RuntimeApi;
import io.tollgate.engine.api.Engine;
import io.tollgate.engine.api.ProcessInfo;
import io.tollgate.engine.api.StatsPage;
import io.tollgate.engine.check.HealthChecks;
import io.tollgate.engine.config.BindConfig;
import io.tollgate.engine.config.Config;
import io.tollgate.engine.config.HostPort;
import io.tollgate.engine.config.ProxyConfig;
import io.tollgate.engine.config.ProxyMode;
import io.tollgate.engine.config.ServerConfig;
import io.tollgate.engine.runtime.FrontendChanges;
import io.tollgate.engine.runtime.Proxies;
import io.tollgate.engine.log.AccessLog;
import io.tollgate.engine.log.AccessLogSink;
import io.tollgate.engine.log.EventLogs;
import io.tollgate.engine.log.LogRoutes;
import io.tollgate.engine.log.ShippedAccessLogs;
import io.tollgate.logship.LogShipper;
import io.tollgate.engine.runtime.Proxy;
import io.tollgate.engine.runtime.Server;
import io.tollgate.engine.runtime.Sessions;
import io.tollgate.engine.runtime.StateChanges;
import io.tollgate.engine.stats.StatsRegistry;
import io.tollgate.engine.stats.Ticker;
import io.tollgate.engine.tls.BindTlsContext;
import io.tollgate.engine.tls.ServerTlsContext;
import io.tollgate.engine.tls.TlsDefaults;
import io.tollgate.engine.tls.TlsException;

import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The engine on Netty: one event-loop group of {@code nbthread} loops (default: one per core)
 * that accepts on every frontend's {@code bind} addresses and runs every client and server
 * connection; a server connection always lives on its client's loop, so a connection pair
 * needs no locks. TLS contexts (binds and servers) are built here, once, before anything
 * listens.
 */
public final class NetEngine implements Engine {
    private final Proxies proxies;
    private final StatsRegistry stats;
    private final EventLoopGroup group;
    private final NetContext net;
    private final RuntimeApi api;
    private final BitRate bitRate = new BitRate();
    private final Map<String, List<InetSocketAddress>> bound = new LinkedHashMap<>();
    private final List<ListenerGate> gates = new ArrayList<>();
    private HealthChecks checks;
    private final Map<Server, ServerTlsContext> checkTls;
    private final LoopUsage loopUsage;
    /**
     * Access lines that may wait for the log shipper's thread: about a second of a busy
     * frontend's lines, a few MB at most; past it lines are dropped and counted (DroppedLogs),
     * never waited for.
     */
    private static final int LOG_QUEUE = 4096;
    private volatile LogShipper shipper;
    private final java.util.concurrent.atomic.AtomicBoolean softStopped = new java.util.concurrent.atomic.AtomicBoolean();

    private NetEngine(Config config, Ticker ticker) {
        this.proxies = new Proxies(config, ticker);
        this.stats = new StatsRegistry(proxies, ticker);
        // before the event loops exist: a server whose files are wrong leaves nothing to release
        Map<Server, ServerTransport> serverTransports = serverTransports(config.global().tls());
        this.checkTls = checkTls(config.global().tls());
        Transport transport = Transport.best();
        int threads = config.global().nbthread() > 0 ? config.global().nbthread()
                : Runtime.getRuntime().availableProcessors();
        this.group = transport.newGroup(threads, "tollgate-loop");
        long started = ticker.wallMillis();
        this.loopUsage = new LoopUsage(group);
        this.api = new RuntimeApi(proxies, stats, () -> processInfo(config, threads, started, ticker), loopUsage::read);
        api.reopenLogsWith(this::reopenLogs);
        this.net = new NetContext(transport, serverTransports, new StatsApplet(stats, api, () -> processInfo(config,
                threads, started, ticker)));
        proxies.sessions().idleCounter(net.idleCounter(group));
        proxies.dynamicServers().admission(new ServerAdmission(net, config.global().tls(), checkTls));
    }

    /**
     * Builds the runtime, binds every listener and starts the health checks, {@code listeners}
     * already listening; on a bind failure, releases all and throws. When anything has a log
     * target, one shipper carries the access lines, the state-change events ({@link EventLogs})
     * and, first, the configuration's warnings to the global targets.
     */
    public static NetEngine start(Config config, List<StateChanges.Listener> listeners) throws InterruptedException {
        LogRoutes routes = LogRoutes.of(config);
        if (routes.isEmpty()) {
            return start(config, listeners, null);
        }
        LogShipper shipper = LogShipper.start(LOG_QUEUE);
        EventLogs events = new EventLogs(routes, shipper);
        events.configWarnings(config.warnings());
        List<StateChanges.Listener> all = new ArrayList<>(listeners);
        all.add(events);
        NetEngine engine;
        try {
            engine = start(config, all, new ShippedAccessLogs(routes, shipper));
        } catch (RuntimeException | InterruptedException e) {
            shipper.close();
            throw e;
        }
        engine.shipper = shipper;
        return engine;
    }

    /**
     * As {@link #start(Config, List)}, the access-log lines of the frontends that log going to
     * {@code accessLogs} (none when null).
     */
    public static NetEngine start(Config config, List<StateChanges.Listener> listeners, AccessLogSink accessLogs)
            throws InterruptedException {
        NetEngine engine = new NetEngine(config, Ticker.SYSTEM);
        Map<Proxy, AccessLog> logs = new java.util.HashMap<>();
        for (Proxy p : engine.proxies.all()) {
            AccessLog log = AccessLog.of(p, config.global().logs(), accessLogs);
            if (log != null) {
                logs.put(p, log);
            }
        }
        engine.net.accessLogs(logs);
        listeners.forEach(engine.proxies.stateChanges()::addListener);
        try {
            engine.resolveServers();
            engine.bindAll();
            engine.expireStickEntries();
            engine.checks = HealthChecks.start(engine.proxies, engine.group, engine.net.transport().socketChannel(),
                    config.global().spreadChecks(), engine.checkTls);
        } catch (RuntimeException | InterruptedException e) {
            engine.close();
            throw e;
        }
        return engine;
    }

    /**
     * Stick tables drop expired entries as they are read; this once-a-second sweep frees the ones
     * nobody reads again, so an idle table shrinks back (HAProxy's table expiry task).
     */
    private void expireStickEntries() {
        if (!proxies.tables().isEmpty()) {
            group.next().scheduleAtFixedRate(() -> proxies.tables().purge(), 1, 1, TimeUnit.SECONDS);
        }
    }

    /** Every server address is looked up once, here, never on an event loop. */
    private void resolveServers() {
        for (Proxy p : proxies.all()) {
            for (Server s : p.servers()) {
                try {
                    s.resolve();
                } catch (UnknownHostException e) {
                    throw new IllegalStateException("[" + s.config().source() + "] : 'server " + s
                            + "' : could not resolve address '" + s.config().address().host() + "'.", e);
                }
            }
        }
    }

    /**
     * The SOCKS4, PROXY-header and TLS settings of the servers that have any, with their
     * certificate files read and TLS contexts built now, once, off the event loops.
     */
    private Map<Server, ServerTransport> serverTransports(TlsDefaults defaults) {
        Map<Server, ServerTransport> all = new IdentityHashMap<>();
        for (Proxy p : proxies.all()) {
            for (Server s : p.servers()) {
                ServerTransport t = transport(s.config(), p.config(), defaults);
                if (t != null) {
                    all.put(s, t);
                }
            }
        }
        return all;
    }

    /** The TLS contexts of the checks that run over TLS ({@code check-ssl}, {@code ssl} servers), built once. */
    private Map<Server, ServerTlsContext> checkTls(TlsDefaults defaults) {
        // concurrent: servers added at run time put theirs while checks read
        Map<Server, ServerTlsContext> all = new java.util.concurrent.ConcurrentHashMap<>();
        for (Proxy p : proxies.all()) {
            for (Server s : p.servers()) {
                if (s.check() != null && s.config().check().tls() != null) {
                    all.put(s, checkTlsContext(s.config(), p.config(), defaults));
                }
            }
        }
        return all;
    }

    static ServerTlsContext checkTlsContext(ServerConfig c, ProxyConfig backend, TlsDefaults defaults) {
        try {
            return ServerTlsContext.build(c.check().tls(), defaults, name -> Path.of(name).toAbsolutePath());
        } catch (TlsException | SSLException e) {
            throw new IllegalStateException("[" + c.source() + "] : 'server " + backend.name() + "/" + c.name()
                    + "' : " + e.getMessage(), e);
        }
    }

    /**
     * What {@link #start} would find wrong with the servers' TLS files and SOCKS4 proxies, one
     * message per server in HAProxy's form ({@code [file:line] : 'server be/s1' : ...}), without
     * starting anything: for {@code -c}, since a server line cannot read its files while it is
     * parsed.
     */
    public static List<String> check(Config config) {
        List<String> problems = new ArrayList<>();
        for (ProxyConfig p : config.proxies()) {
            for (ServerConfig s : p.servers()) {
                try {
                    transport(s, p, config.global().tls());
                } catch (IllegalStateException e) {
                    problems.add(e.getMessage());
                }
            }
        }
        return problems;
    }

    /**
     * One server's transport, or null when it connects directly in clear text. Relative file
     * names start from {@code crt-base}/{@code ca-base}, then from the working directory.
     *
     * @throws IllegalStateException with HAProxy's message, prefixed with the server line
     */
    static ServerTransport transport(ServerConfig c, ProxyConfig backend, TlsDefaults defaults) {
        if (c.tls() == null && c.sendProxy() == 0 && c.socks4() == null) {
            return null;
        }
        String where = "[" + c.source() + "] : 'server " + backend.name() + "/" + c.name() + "' : ";
        ServerTlsContext tls = null;
        if (c.tls() != null) {
            try {
                tls = ServerTlsContext.build(c.tls(), defaults, name -> Path.of(name).toAbsolutePath());
            } catch (TlsException | SSLException e) {
                throw new IllegalStateException(where + e.getMessage(), e);
            }
        }
        InetSocketAddress socks = null;
        if (c.socks4() != null) {
            socks = new InetSocketAddress(c.socks4().host(), c.socks4().port());
            if (socks.isUnresolved()) {
                throw new IllegalStateException(where + "could not resolve socks4 address '" + c.socks4().host() + "'.");
            }
        }
        long connect = backend.timeouts().connect();
        return new ServerTransport(socks, c.sendProxy(), tls, connect > 0 ? connect : 30_000);
    }

    private void bindAll() throws InterruptedException {
        ProcessSlots process = new ProcessSlots(proxies.globalMaxconn());
        for (Proxy p : proxies.all()) {
            if (!p.isFrontend()) {
                continue;
            }
            ListenerGate gate = new ListenerGate(p, process);
            gates.add(gate);
            List<InetSocketAddress> addrs = new ArrayList<>();
            // HAProxy numbers a frontend's listeners from 1, one per address, named or not
            int listenerNumber = 0;
            for (BindConfig b : p.config().binds()) {
                if (b.unixPath() != null) {
                    throw new IllegalStateException("[" + b.source() + "] bind on a Unix socket ('"
                            + b.unixPath() + "') is not supported yet by Tollgate");
                }
                BindTlsContext tls = null;
                if (b.tls() != null) {
                    try {
                        tls = BindTlsContext.build(b.tls());
                    } catch (SSLException e) {
                        throw new IllegalStateException("[" + b.source() + "] : 'bind " + b.addresses().get(0)
                                + "' : cannot set up TLS: " + e.getMessage(), e);
                    }
                }
                for (HostPort hp : b.addresses()) {
                    String name = b.name() != null ? b.name() : Integer.toString(++listenerNumber);
                    if (b.name() != null) {
                        listenerNumber++;
                    }
                    Channel ch = bind(p, gate, hp, tls, b.acceptProxy(), name);
                    BindTlsContext bindTls = tls;
                    gate.add(ch, port -> bind(p, gate, new HostPort(hp.host(), port), bindTls, b.acceptProxy(), name));
                    addrs.add((InetSocketAddress) ch.localAddress());
                }
            }
            bound.put(p.name(), List.copyOf(addrs));
            p.listeners(gate);
        }
    }

    private Channel bind(Proxy frontend, ListenerGate gate, HostPort hp, BindTlsContext tls, boolean acceptProxy,
                         String name) throws InterruptedException {
        boolean http = frontend.mode() == ProxyMode.HTTP;
        LongAdder[] in = {frontend.frontendCounters().bytesIn};
        LongAdder[] out = {frontend.frontendCounters().bytesOut};
        TrafficCounter traffic = new TrafficCounter(in, out);
        ServerBootstrap b = new ServerBootstrap()
                .group(group)
                .channel(net.transport().serverChannel())
                .handler(loopUsage.acceptCounter())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .childOption(ChannelOption.AUTO_READ, http)
                .childHandler(new ClientInitializer(net, frontend, gate, traffic, tls, acceptProxy, name));
        InetSocketAddress address = hp.isWildcard()
                ? new InetSocketAddress(hp.port())
                : new InetSocketAddress(hp.host(), hp.port());
        try {
            return b.bind(address).sync().channel();
        } catch (Exception e) {
            throw new IllegalStateException("cannot bind frontend '" + frontend.name() + "' to " + hp
                    + ": " + e.getMessage(), e);
        }
    }

    @Override
    public StatsRegistry stats() {
        return stats;
    }

    @Override
    public Proxies proxies() {
        return proxies;
    }

    @Override
    public List<InetSocketAddress> boundAddresses() {
        List<InetSocketAddress> all = new ArrayList<>();
        bound.values().forEach(all::addAll);
        return all;
    }

    @Override
    public List<InetSocketAddress> boundAddresses(String proxyName) {
        return bound.getOrDefault(proxyName, List.of());
    }

    /** The stats page's process block, read when a page is drawn. */
    private ProcessInfo processInfo(Config config, int threads, long started, Ticker ticker) {
        long conns = 0;
        long rate = 0;
        long bytes = 0;
        for (Proxy p : proxies.all()) {
            if (p.isFrontend()) {
                conns += p.frontendCounters().sessions.current();
                rate += p.frontendCounters().connectionRate.rate();
                bytes += p.frontendCounters().bytesIn.sum() + p.frontendCounters().bytesOut.sum();
            }
        }
        long files = 0;
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            files = unix.getMaxFileDescriptorCount();
        }
        long queued = 0;
        for (io.netty.util.concurrent.EventExecutor loop : group) {
            if (loop instanceof io.netty.util.concurrent.SingleThreadEventExecutor single) {
                queued += single.pendingTasks();
            }
        }
        long checkTasks = checks == null ? 0 : checks.count();
        long now = ticker.wallMillis();
        return new ProcessInfo(ProcessHandle.current().pid(), started, now, threads, proxies.globalMaxconn().current(),
                conns, rate, files, config.global().node(), config.global().description(), bitRate.read(bytes, now),
                queued, checkTasks + conns, proxies.globalMaxconn().hard(), loopUsage.idlePct(), gates.stream().mapToInt(ListenerGate::size).sum(),
                shipper == null ? 0 : shipper.dropped());
    }

    @Override
    public java.util.concurrent.CompletableFuture<Void> reopenLogs() {
        LogShipper s = shipper;
        return s == null ? java.util.concurrent.CompletableFuture.completedFuture(null) : s.reopen();
    }

    @Override
    public void softStop() {
        if (softStopped.getAndSet(true)) {
            return;
        }
        FrontendChanges changes = new FrontendChanges(proxies.stateChanges());
        for (Proxy p : proxies.all()) {
            changes.softStop(p);
        }
        for (Sessions.Entry e : proxies.sessions().all()) {
            e.live().closeWhenIdle();
        }
    }

    @Override
    public int liveSessions() {
        return proxies.sessions().count();
    }

    @Override
    public RuntimeApi runtimeApi() {
        return api;
    }

    @Override
    public void metricsPage(io.tollgate.engine.api.MetricsPage page) {
        net.metricsPage(page);
    }

    @Override
    public void statsPage(StatsPage page) {
        net.stats().page(page);
    }

    /** The running health checks (none before start). */
    public HealthChecks healthChecks() {
        return checks;
    }

    @Override
    public void close() {
        if (checks != null) {
            checks.close();
        }
        for (ListenerGate g : gates) {
            g.stop();
        }
        net.closePools();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        // last: what the checks and the event loops logged while stopping is still delivered
        if (shipper != null) {
            shipper.close();
        }
    }
}
