package io.tollgate.engine.net;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.tollgate.engine.api.Engine;
import io.tollgate.engine.config.BindConfig;
import io.tollgate.engine.config.Config;
import io.tollgate.engine.config.HostPort;
import io.tollgate.engine.config.ProxyMode;
import io.tollgate.engine.runtime.Proxies;
import io.tollgate.engine.runtime.Proxy;
import io.tollgate.engine.runtime.Server;
import io.tollgate.engine.stats.StatsRegistry;
import io.tollgate.engine.stats.Ticker;

import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The engine on Netty: one event-loop group of {@code nbthread} loops (default: one per core)
 * that accepts on every frontend's {@code bind} addresses and runs every client and server
 * connection; a server connection always lives on its client's loop, so a connection pair
 * needs no locks.
 */
public final class NetEngine implements Engine {
    private final Proxies proxies;
    private final StatsRegistry stats;
    private final EventLoopGroup group;
    private final NetContext net;
    private final Map<String, List<InetSocketAddress>> bound = new LinkedHashMap<>();
    private final List<Channel> listeners = new ArrayList<>();

    private NetEngine(Config config, Ticker ticker) {
        this.proxies = new Proxies(config, ticker);
        this.stats = new StatsRegistry(proxies, ticker);
        Transport transport = Transport.best();
        int threads = config.global().nbthread() > 0 ? config.global().nbthread()
                : Runtime.getRuntime().availableProcessors();
        this.group = transport.newGroup(threads, "tollgate-loop");
        this.net = new NetContext(transport);
    }

    /** Builds the runtime and binds every listener; on a bind failure, releases all and throws. */
    public static NetEngine start(Config config) throws InterruptedException {
        NetEngine engine = new NetEngine(config, Ticker.SYSTEM);
        try {
            engine.resolveServers();
            engine.bindAll();
            engine.expireStickEntries();
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

    private void bindAll() throws InterruptedException {
        for (Proxy p : proxies.all()) {
            if (!p.isFrontend()) {
                continue;
            }
            ListenerGate gate = new ListenerGate(p.frontendMaxconn());
            List<InetSocketAddress> addrs = new ArrayList<>();
            for (BindConfig b : p.config().binds()) {
                if (b.unixPath() != null) {
                    throw new IllegalStateException("[" + b.source() + "] bind on a Unix socket ('"
                            + b.unixPath() + "') is not supported yet by Tollgate");
                }
                for (HostPort hp : b.addresses()) {
                    Channel ch = bind(p, gate, hp);
                    gate.add(ch);
                    listeners.add(ch);
                    addrs.add((InetSocketAddress) ch.localAddress());
                }
            }
            bound.put(p.name(), List.copyOf(addrs));
        }
    }

    private Channel bind(Proxy frontend, ListenerGate gate, HostPort hp) throws InterruptedException {
        boolean http = frontend.mode() == ProxyMode.HTTP;
        LongAdder[] in = {frontend.frontendCounters().bytesIn};
        LongAdder[] out = {frontend.frontendCounters().bytesOut};
        TrafficCounter traffic = new TrafficCounter(in, out);
        ServerBootstrap b = new ServerBootstrap()
                .group(group)
                .channel(net.transport().serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .childOption(ChannelOption.AUTO_READ, http)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ChannelPipeline p = ch.pipeline();
                        p.addLast(Pipelines.TRAFFIC, traffic);
                        if (http) {
                            p.addLast(Pipelines.HTTP_CODEC, new HttpServerCodec(NetContext.decoderConfig()));
                            long clientTimeout = frontend.config().timeouts().client();
                            if (clientTimeout > 0) {
                                p.addLast(Pipelines.IDLE, NetContext.idle(clientTimeout));
                            }
                            p.addLast(Pipelines.HTTP_SESSION, new HttpSession(net, frontend, gate));
                        } else {
                            p.addLast(Pipelines.RELAY, new TcpSession(net, frontend, gate));
                        }
                    }
                });
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

    @Override
    public void close() {
        for (Channel l : listeners) {
            l.close().awaitUninterruptibly();
        }
        net.closePools();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
