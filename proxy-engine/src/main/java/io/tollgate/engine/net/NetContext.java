package io.tollgate.engine.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.util.concurrent.EventExecutor;
import io.tollgate.engine.acl.RequestView;
import io.tollgate.engine.runtime.Proxy;
import io.tollgate.engine.runtime.Server;

import io.tollgate.engine.runtime.Sessions;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the sessions of one engine share: the transport, the per-event-loop server connection
 * pools, and the dialers that open server connections with the right pipeline, including the
 * {@link ServerTransport} (SOCKS4, PROXY header, TLS) of servers that have one.
 */
final class NetContext {
    /** HAProxy's default buffer size bounds request and response heads. */
    static final int MAX_HEAD_BYTES = 16_384;
    static final int MAX_LINE_BYTES = 8_192;
    /** Body pieces are slices of what was read, up to this size: larger means fewer objects. */
    static final int MAX_PIECE_BYTES = 65_536;

    /** The HTTP/1 decoder limits used on both sides. */
    static HttpDecoderConfig decoderConfig() {
        return new HttpDecoderConfig()
                .setMaxInitialLineLength(MAX_LINE_BYTES)
                .setMaxHeaderSize(MAX_HEAD_BYTES)
                .setMaxChunkSize(MAX_PIECE_BYTES);
    }

    private final Transport transport;
    private final Map<EventExecutor, ServerPool> pools = new ConcurrentHashMap<>();
    /** Filled before the listeners start, changed only by {@code add/del server}: lock-free reads. */
    private final Map<Server, ServerTransport> serverTransports;
    /** The backends with a server whose transport reads the request; a backend stays once in. */
    private final Set<Proxy> requestDependent = ConcurrentHashMap.newKeySet();

    private final StatsApplet stats;
    /** The frontends that log, set once before the listeners start. */
    private Map<Proxy, io.tollgate.engine.log.AccessLog> accessLogs = Map.of();

    /** Without stats pages (tests of the server side alone). */
    NetContext(Transport transport, Map<Server, ServerTransport> serverTransports) {
        this(transport, serverTransports, null);
    }

    NetContext(Transport transport, Map<Server, ServerTransport> serverTransports, StatsApplet stats) {
        this.transport = transport;
        this.stats = stats;
        this.serverTransports = new ConcurrentHashMap<>(serverTransports);
        serverTransports.forEach((server, t) -> {
            if (t.dependsOnRequest()) {
                requestDependent.add(server.backend());
            }
        });
    }

    /** The transport of a server added at run time, before it takes traffic; null for none. */
    void addServerTransport(Server server, ServerTransport t) {
        if (t != null) {
            serverTransports.put(server, t);
            if (t.dependsOnRequest()) {
                requestDependent.add(server.backend());
            }
        }
    }

    void removeServerTransport(Server server) {
        serverTransports.remove(server);
    }

    void accessLogs(Map<Proxy, io.tollgate.engine.log.AccessLog> logs) {
        this.accessLogs = Map.copyOf(logs);
    }

    /** The access log of {@code frontend}, or null when it does not log. */
    io.tollgate.engine.log.AccessLog accessLog(Proxy frontend) {
        return accessLogs.get(frontend);
    }

    Transport transport() {
        return transport;
    }

    /** The stats pages' exports. */
    /** Who renders the Prometheus exposition ({@code use-service prometheus-exporter}); null until the console gives one. */
    private volatile io.tollgate.engine.api.MetricsPage metricsPage;

    void metricsPage(io.tollgate.engine.api.MetricsPage page) {
        this.metricsPage = page;
    }

    io.tollgate.engine.api.MetricsPage metricsPage() {
        return metricsPage;
    }

    StatsApplet stats() {
        return stats;
    }

    /** The pool of the given event loop; only ever used from that loop. */
    ServerPool pool(EventLoop loop) {
        return pools.computeIfAbsent(loop, l -> new ServerPool(loop));
    }

    /**
     * The pools' figures for {@code show servers conn}: each loop counts its own pool (pools are
     * confined to their loop), the caller waiting at most a second per loop.
     */
    Sessions.IdleCounter idleCounter(Iterable<EventExecutor> loops) {
        List<EventExecutor> ordered = new ArrayList<>();
        loops.forEach(ordered::add);
        return new Sessions.IdleCounter() {
            @Override
            public int[] idlePerThread(Server server) {
                int[] counts = new int[ordered.size()];
                for (int i = 0; i < counts.length && server != null; i++) {
                    ServerPool pool = pools.get(ordered.get(i));
                    if (pool == null) {
                        continue;
                    }
                    EventExecutor loop = ordered.get(i);
                    try {
                        counts[i] = loop.inEventLoop() ? pool.idleCount(server)
                                : loop.submit(() -> pool.idleCount(server)).get(1, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (ExecutionException | TimeoutException e) {
                        // a loop too busy to answer shows nothing idle
                    }
                }
                return counts;
            }

            @Override
            public int idleLimit() {
                return ServerPool.MAX_IDLE_PER_SERVER * ordered.size();
            }

            @Override
            public long purgeDelayMillis() {
                return ServerPool.IDLE_MILLIS;
            }
        };
    }

    void closePools() {
        for (Map.Entry<EventExecutor, ServerPool> e : pools.entrySet()) {
            e.getKey().execute(e.getValue()::closeAll);
        }
    }

    /** Opens raw connections for TCP relays; the caller installs the tunnel once connected. */
    final Connector.Dialer tcpDialer = (server, client, request) -> dial(server, client, request, true);

    /** Opens HTTP/1.1 connections: the caller adds the idle and response handlers. */
    final Connector.Dialer httpDialer = (server, client, request) -> dial(server, client, request, false);

    /**
     * Whether a connection to a server of {@code backend} reads the request it is opened for
     * ({@code sni req.hdr(host)}): then the session must give the dialer a view of it.
     */
    boolean dialsWithRequest(Proxy backend) {
        return requestDependent.contains(backend);
    }

    /**
     * Opens a connection on the client's loop. TCP relays keep half-closed connections open to
     * forward the FIN; in HTTP a server's FIN ends the connection (a close-delimited body has
     * been completed by the codec by then). A server without address or port takes the
     * client's destination's, the PROXY header's on {@code accept-proxy} listeners, as in HAProxy.
     *
     * @param request what the connection forwards first, or null when no view of it was built
     */
    private ChannelFuture dial(Server server, Channel client, RequestView request, boolean tcp) {
        long connectTimeout = server.backend().config().timeouts().connect();
        long timeout = connectTimeout > 0 ? connectTimeout : 30_000;
        String unixPath = server.config().unixPath();
        ServerTransport configured = serverTransports.get(server);
        // 'set server ssl off' leaves the rest of the transport (SOCKS4, PROXY header) in place
        boolean tlsOff = Boolean.FALSE.equals(server.live().ssl());
        ServerTransport extra = configured != null && tlsOff ? configured.clearText() : configured;
        InetSocketAddress target = unixPath == null ? server.target(ClientConnection.destination(client)) : null;
        Bootstrap b = new Bootstrap()
                .group(client.eventLoop())
                .channel(unixPath == null ? transport.socketChannel() : transport.domainChannel())
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.ALLOW_HALF_CLOSURE, tcp)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeout))
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        if (extra != null) {
                            extra.install(ch, target == null ? 0 : target.getPort(), client, request);
                        }
                        ch.attr(ServerTransport.ADDRESS_VERSION).set(server.addressVersion());
                        if (unixPath == null && server.followsClientDestination()) {
                            // where it leads depends on this client (and set-dst): never reuse it for another
                            ch.attr(ServerTransport.PRIVATE).set(Boolean.TRUE);
                        }
                        ch.pipeline().addLast(Pipelines.TRAFFIC, serverTraffic(server));
                        if (!tcp) {
                            ch.pipeline().addLast(Pipelines.CAPTURE, new ErrorCapture());
                            ch.pipeline().addLast(Pipelines.HTTP_CODEC, new HttpClientCodec(decoderConfig(), false, false));
                        }
                        if (extra != null) {
                            extra.guard(ch);
                        }
                    }
                });
        ChannelFuture connect = unixPath != null ? b.connect(transport.domainAddress(unixPath))
                : b.option(ChannelOption.TCP_NODELAY, true).connect(target);
        return extra == null ? connect : extra.ready(connect);
    }

    /** Bytes written to a server count as its (and its backend's) bin; bytes read as bout. */
    private static TrafficCounter serverTraffic(Server server) {
        LongAdder[] in = {server.counters().bytesIn, server.backend().backendCounters().bytesIn};
        LongAdder[] out = {server.counters().bytesOut, server.backend().backendCounters().bytesOut};
        return new TrafficCounter(out, in);
    }

    static InactivityTimeout idle(long millis) {
        return new InactivityTimeout(millis);
    }
}
