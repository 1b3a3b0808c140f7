package io.tollgate.engine.check;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.tollgate.engine.config.AgentSettings;
import io.tollgate.engine.config.CheckSettings;
import io.tollgate.engine.runtime.CheckState;
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

    private final List<PeriodicCheck> checks = new ArrayList<>();
    private final EventLoopGroup group;
    private volatile boolean closed;

    private HealthChecks(EventLoopGroup group) {
        this.group = group;
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
     * {@code tls} speaking TLS with those contexts ({@code check-ssl}, {@code ssl} servers).
     */
    public static HealthChecks start(Proxies proxies, EventLoopGroup group, Class<? extends SocketChannel> channelType,
                                     int spreadPercent, Map<Server, ServerTlsContext> tls) {
        HealthChecks all = new HealthChecks(group);
        StateChanges changes = proxies.stateChanges();
        AgentEffects agents = new AgentEffects(changes);
        for (Proxy p : proxies.all()) {
            CheckProtocol protocol = null;
            for (Server s : p.servers()) {
                if (s.check() != null) {
                    if (protocol == null) {
                        protocol = CheckProtocols.of(p.config().rules().healthCheck());
                    }
                    all.checks.add(new ServerCheck(s, s.check(), protocol, address(s), group.next(), channelType,
                            changes, spreadPercent).tls(tls.get(s)));
                }
                AgentSettings agent = s.config().check().agent();
                if (agent != null && agent.enabled() && agent.port() > 0) {
                    // HAProxy's agent counter: rise 1, fall 1, starting UP
                    CheckState state = new CheckState(true, 1, 1);
                    s.setAgent(state);
                    all.checks.add(new AgentCheck(s, state, agentAddress(s), group.next(), channelType, agents,
                            spreadPercent));
                }
            }
        }
        List<Long> delays = firstDelays(all.checks.stream().map(PeriodicCheck::interval).toList());
        for (int i = 0; i < delays.size(); i++) {
            all.checks.get(i).start(delays.get(i));
        }
        changes.addListener(all.new WarmUps(changes));
        return all;
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
     * address at that moment; the check's port ({@code port}, {@code set server check-port}),
     * else the server's at that moment, as HAProxy's checks follow {@code set server addr}.
     */
    static Supplier<InetSocketAddress> address(Server s) {
        CheckSettings c = s.config().check();
        InetAddress fixed = c.addr() != null ? resolve(s, c.addr(), "check address") : null;
        return () -> new InetSocketAddress(hostOr(fixed, s), s.checkTargetPort());
    }

    /** The agent's address: {@code agent-addr}, else {@code addr}, else the server's at each run; always {@code agent-port}. */
    static Supplier<InetSocketAddress> agentAddress(Server s) {
        AgentSettings agent = s.config().check().agent();
        String addr = agent.addr() != null ? agent.addr() : s.config().check().addr();
        InetAddress fixed = addr != null ? resolve(s, addr, "agent address") : null;
        return () -> new InetSocketAddress(hostOr(fixed, s), agent.port());
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
