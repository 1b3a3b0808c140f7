package io.tollgate.engine.check;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.tollgate.engine.config.AgentSettings;
import io.tollgate.engine.config.CheckSettings;
import io.tollgate.engine.runtime.CheckState;
import io.tollgate.engine.runtime.LiveSettings;
import io.tollgate.engine.runtime.Proxies;
import io.tollgate.engine.runtime.Proxy;
import io.tollgate.engine.runtime.Server;
import io.tollgate.engine.runtime.StateChanges;
import io.tollgate.engine.tls.ServerTlsContext;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Every health check of a running engine: one {@link ServerCheck} per checked server and one
 * {@link AgentCheck} per server with {@code agent-check}, spread over the event loops (no thread
 * of their own), first runs spread over an interval as HAProxy's {@code start_checks} does
 * ({@link #firstDelays}; a server's check, then its agent) so that a thousand servers are not
 * checked at once; and the {@code slowstart} ramps of servers coming back up.
 */
public final class HealthChecks implements AutoCloseable {
    /** HAProxy's {@code SRV_CHK_INTER_THRES}: intervals from which the first checks take their pace. */
    static final long PACE_FLOOR_MILLIS = 1000;

    /** Grows and shrinks with {@code add server}/{@code del server}, read for figures from any thread. */
    private final List<PeriodicCheck> checks = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final EventLoopGroup group;
    private final Class<? extends SocketChannel> channelType;
    private final int spreadPercent;
    private final Map<Server, ServerTlsContext> tls;
    private final StateChanges changes;
    private final AgentEffects agents;
    /** One per backend, shared by its servers' checks. */
    private final Map<Proxy, CheckProtocol> protocols = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean closed;

    private HealthChecks(EventLoopGroup group, Class<? extends SocketChannel> channelType, int spreadPercent,
                         Map<Server, ServerTlsContext> tls, StateChanges changes) {
        this.group = group;
        this.channelType = channelType;
        this.spreadPercent = spreadPercent;
        this.tls = tls;
        this.changes = changes;
        this.agents = new AgentEffects(changes);
    }

    /**
     * Builds and starts the checks. Addresses given by {@code addr} are looked up here, before any
     * check runs, never on an event loop.
     *
     * @param spreadPercent {@code spread-checks}: each interval varies by up to this many percent
     * @throws IllegalStateException when an {@code addr} cannot be resolved
     */
    public static HealthChecks start(Proxies proxies, EventLoopGroup group, Class<? extends SocketChannel> channelType,
                                     int spreadPercent) {
        return start(proxies, group, channelType, spreadPercent, Map.of());
    }

    /**
     * As {@link #start(Proxies, EventLoopGroup, Class, int)}, the checks of the servers in
     * {@code tls} speaking TLS with those contexts ({@code check-ssl}, {@code ssl} servers). The
     * map is read again when a server is added at run time, so its owner may fill it then.
     */
    public static HealthChecks start(Proxies proxies, EventLoopGroup group, Class<? extends SocketChannel> channelType,
                                     int spreadPercent, Map<Server, ServerTlsContext> tls) {
        StateChanges changes = proxies.stateChanges();
        HealthChecks all = new HealthChecks(group, channelType, spreadPercent, tls, changes);
        List<PeriodicCheck> first = new ArrayList<>();
        for (Proxy p : proxies.all()) {
            for (Server s : p.servers()) {
                first.addAll(all.checksOf(s));
            }
        }
        List<Long> delays = firstDelays(first.stream().map(PeriodicCheck::interval).toList());
        for (int i = 0; i < delays.size(); i++) {
            first.get(i).start(delays.get(i));
        }
        all.checks.addAll(first);
        changes.addListener(all.new WarmUps(changes));
        changes.addListener(all.new Membership());
        return all;
    }

    /** A server's health check and agent, not started. */
    private List<PeriodicCheck> checksOf(Server s) {
        List<PeriodicCheck> own = new ArrayList<>(2);
        if (s.check() != null) {
            CheckProtocol protocol = protocols.computeIfAbsent(s.backend(),
                    p -> CheckProtocols.of(p.config().rules().healthCheck()));
            own.add(new ServerCheck(s, s.check(), protocol, address(s), group.next(), channelType,
                    changes, spreadPercent).tls(tls.get(s)));
        }
        AgentSettings agent = s.config().check().agent();
        if (agent != null && agent.enabled() && agent.port() > 0) {
            // HAProxy's agent counter: rise 1, fall 1, starting UP
            CheckState state = new CheckState(true, 1, 1);
            s.setAgent(state);
            own.add(new AgentCheck(s, state, agentAddress(s), group.next(), channelType, agents, spreadPercent));
        }
        return own;
    }

    /**
     * When each check first runs, as HAProxy's {@code start_checks} decides from the intervals
     * the checks start with: the n-th of N checks after n/N of a pace, the shortest interval of
     * at least {@link #PACE_FLOOR_MILLIS} (shorter ones are left out so that they do not crowd
     * all the others into their short interval), or the check's own interval when that is longer.
     */
    static List<Long> firstDelays(List<Long> intervals) {
        long pace = 0;
        for (long interval : intervals) {
            if (interval >= PACE_FLOOR_MILLIS && (pace == 0 || interval < pace)) {
                pace = interval;
            }
        }
        int n = intervals.size();
        List<Long> delays = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            delays.add(Math.max(pace, intervals.get(i)) * i / n);
        }
        return delays;
    }

    /** Checks running, for figures and tests. */
    public int count() {
        return checks.size();
    }

    /** Runs done so far by all checks. */
    public long runs() {
        long sum = 0;
        for (PeriodicCheck c : checks) {
            sum += c.runs();
        }
        return sum;
    }

    @Override
    public void close() {
        closed = true;
        checks.forEach(PeriodicCheck::stop);
    }

    /**
     * Where each run of the health check goes: {@code addr} (looked up now), else the server's
     * address at that moment ({@code set server check-addr} before both); the check's port ({@code port}, {@code set server check-port}),
     * else the server's at that moment, as HAProxy's checks follow {@code set server addr}.
     */
    static Supplier<InetSocketAddress> address(Server s) {
        CheckSettings c = s.config().check();
        InetAddress fixed = c.addr() != null ? resolve(s, c.addr(), "check address") : null;
        return () -> {
            InetAddress set = s.live().checkAddress();
            return new InetSocketAddress(hostOr(set != null ? set : fixed, s), s.checkTargetPort());
        };
    }

    /**
     * The agent's address at each run: {@code set server agent-addr}, else {@code agent-addr}, else
     * {@code addr}, else the server's; its port {@code set server agent-port}, else {@code agent-port}.
     */
    static Supplier<InetSocketAddress> agentAddress(Server s) {
        AgentSettings agent = s.config().check().agent();
        String addr = agent.addr() != null ? agent.addr() : s.config().check().addr();
        InetAddress fixed = addr != null ? resolve(s, addr, "agent address") : null;
        return () -> {
            LiveSettings live = s.live();
            InetAddress host = hostOr(live.agentAddress() != null ? live.agentAddress() : fixed, s);
            return new InetSocketAddress(host, live.agentPort() >= 0 ? live.agentPort() : agent.port());
        };
    }

    private static InetAddress hostOr(InetAddress fixed, Server s) {
        InetAddress host = fixed != null ? fixed : s.resolvedAddress();
        return host != null ? host : InetAddress.getLoopbackAddress();
    }

    private static InetAddress resolve(Server s, String host, String what) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("[" + s.config().source() + "] : 'server " + s
                    + "' : could not resolve " + what + " '" + host + "'.", e);
        }
    }

    /**
     * Starts the checks of a server added at run time at once (HAProxy starts a dynamic server's
     * check task without spreading it; the check sits its turns out while disabled), and stops
     * those of a deleted one.
     */
    private final class Membership implements StateChanges.Listener {
        @Override
        public void serverChanged(Server server, String what, String cause) {
        }

        @Override
        public void serverAdded(Server server) {
            if (closed) {
                return;
            }
            for (PeriodicCheck c : checksOf(server)) {
                checks.add(c);
                c.start(0);
            }
        }

        @Override
        public void serverRemoved(Server server) {
            for (PeriodicCheck c : checks) {
                if (c.server == server) {
                    c.stop();
                    checks.remove(c);
                }
            }
        }
    }

    /** Ticks the weight ramp of each server that comes back with {@code slowstart}, on an event loop. */
    private final class WarmUps implements StateChanges.Listener {
        private final StateChanges changes;

        WarmUps(StateChanges changes) {
            this.changes = changes;
        }

        @Override
        public void serverChanged(Server server, String what, String cause) {
            if (!closed && "UP".equals(what) && server.isWarmingUp()) {
                long step = Math.max(1000, server.config().check().slowstart() / 20);
                EventLoop loop = group.next();
                tick(server, loop, step);
            }
        }

        private void tick(Server server, EventLoop loop, long step) {
            loop.schedule(() -> {
                if (!closed && changes.warmUpTick(server)) {
                    tick(server, loop, step);
                }
            }, step, TimeUnit.MILLISECONDS);
        }
    }
}
