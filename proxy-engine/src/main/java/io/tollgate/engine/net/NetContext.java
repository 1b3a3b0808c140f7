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
import io.tollgate.engine.runtime.Server;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the sessions of one engine share: the transport, the per-event-loop server connection
 * pools, and the dialers that open server connections with the right pipeline.
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

    NetContext(Transport transport) {
        this.transport = transport;
    }

    Transport transport() {
        return transport;
    }

    /** The pool of the given event loop; only ever used from that loop. */
    ServerPool pool(EventLoop loop) {
        return pools.computeIfAbsent(loop, l -> new ServerPool(loop));
    }

    void closePools() {
        for (Map.Entry<EventExecutor, ServerPool> e : pools.entrySet()) {
            e.getKey().execute(e.getValue()::closeAll);
        }
    }

    /** Opens raw connections for TCP relays; the caller installs the tunnel once connected. */
    final Connector.Dialer tcpDialer = (server, loop, clientLocal) -> dial(server, loop, clientLocal, true, new ChannelInitializer<Channel>() {
        @Override
        protected void initChannel(Channel ch) {
            ch.pipeline().addLast(Pipelines.TRAFFIC, serverTraffic(server));
        }
    });

    /** Opens HTTP/1.1 connections: the caller adds the idle and response handlers. */
    final Connector.Dialer httpDialer = (server, loop, clientLocal) -> dial(server, loop, clientLocal, false, new ChannelInitializer<Channel>() {
        @Override
        protected void initChannel(Channel ch) {
            ch.pipeline().addLast(Pipelines.TRAFFIC, serverTraffic(server));
            ch.pipeline().addLast(Pipelines.HTTP_CODEC,
                    new HttpClientCodec(decoderConfig(), false, false));
        }
    });

    /**
     * Opens a connection on the client's loop. TCP relays keep half-closed connections open to
     * forward the FIN; in HTTP a server's FIN ends the connection (a close-delimited body has
     * been completed by the codec by then).
     */
    private ChannelFuture dial(Server server, EventLoop loop, InetSocketAddress clientLocal, boolean halfClosure, ChannelInitializer<Channel> init) {
        long connectTimeout = server.backend().config().timeouts().connect();
        String unixPath = server.config().unixPath();
        Bootstrap b = new Bootstrap()
                .group(loop)
                .channel(unixPath == null ? transport.socketChannel() : transport.domainChannel())
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.ALLOW_HALF_CLOSURE, halfClosure)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS,
                        (int) Math.min(Integer.MAX_VALUE, connectTimeout > 0 ? connectTimeout : 30_000))
                .handler(init);
        if (unixPath != null) {
            return b.connect(transport.domainAddress(unixPath));
        }
        return b.option(ChannelOption.TCP_NODELAY, true).connect(server.target(clientLocal));
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
