package io.tollgate.engine.net;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.proxy.ProxyHandler;
import io.netty.handler.proxy.Socks4ProxyHandler;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.Future;
import io.tollgate.engine.acl.RequestView;
import io.tollgate.engine.tls.ServerTlsContext;

import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;

/**
 * How connections to one server are made beyond TCP: through a SOCKS4 proxy ({@code socks4}),
 * starting with a PROXY protocol header ({@code send-proxy}, {@code send-proxy-v2}), over TLS
 * ({@code ssl}). Built once when the engine starts; {@link #install} puts the handlers in front
 * of a new connection's pipeline, in the order the bytes must leave:
 * <pre>
 *   socks4 -> send-proxy -> tls -> traffic -> ...
 * </pre>
 * and {@link #ready} completes when the connection can carry data: TCP connected, SOCKS
 * request granted, TLS handshake done; so a proxy or TLS failure counts as a failed connection
 * (retried, then 503) rather than as a server that closed.
 */
final class ServerTransport {
    /** Marks connections that carry one client's identity (PROXY header, SNI from the request): never pooled for others. */
    static final AttributeKey<Boolean> PRIVATE = AttributeKey.valueOf(ServerTransport.class, "private");
    /** The server's {@code addressVersion} when the connection was opened: pooled, it serves that address only. */
    static final AttributeKey<Integer> ADDRESS_VERSION = AttributeKey.valueOf(ServerTransport.class, "addressVersion");

    private final InetSocketAddress socks4;
    private final int sendProxy;
    private final ServerTlsContext tls;
    private final long timeoutMillis;

    /**
     * @param socks4        the resolved SOCKS4 proxy, or null
     * @param sendProxy     the PROXY protocol version to send, 0 for none
     * @param tls           the TLS context, or null for clear text
     * @param timeoutMillis {@code timeout connect}, also bounding the SOCKS exchange and the TLS handshake
     */
    ServerTransport(InetSocketAddress socks4, int sendProxy, ServerTlsContext tls, long timeoutMillis) {
        this.socks4 = socks4;
        this.sendProxy = sendProxy;
        this.tls = tls;
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * This transport without TLS, for a server whose TLS an operator turned off
     * ({@code set server ssl off}); null when nothing else is left to do.
     */
    ServerTransport clearText() {
        return socks4 == null && sendProxy == 0 ? null : new ServerTransport(socks4, sendProxy, null, timeoutMillis);
    }

    /** Whether a connection serves only the client (or request) it was opened for. */
    boolean isPrivate() {
        return sendProxy > 0 || dependsOnRequest();
    }

    /** Whether the TLS handshake reads the request or the client ({@code sni req.hdr(host)}, {@code sni ssl_fc_sni}). */
    boolean dependsOnRequest() {
        return tls != null && tls.dependsOnRequest();
    }

    /** Adds this server's handlers to a new connection's pipeline (to {@code port}), before anything else. */
    void install(Channel ch, int port, Channel client, RequestView request) {
        ChannelPipeline p = ch.pipeline();
        if (socks4 != null) {
            Socks4ProxyHandler socks = new Socks4ProxyHandler(socks4);
            socks.setConnectTimeoutMillis(timeoutMillis);
            p.addLast(Pipelines.SOCKS, socks);
        }
        if (sendProxy > 0) {
            p.addLast(Pipelines.SEND_PROXY, new SendProxyHandler(SendProxyHandler.header(sendProxy, client)));
        }
        if (tls != null) {
            SslHandler h = tls.newHandler(ch.alloc(), port, request, () -> ClientConnection.serverName(client));
            h.setHandshakeTimeoutMillis(timeoutMillis);
            p.addLast(Pipelines.TLS, h);
        }
        if (isPrivate()) {
            ch.attr(PRIVATE).set(Boolean.TRUE);
        }
    }

    /**
     * Ends a new connection's pipeline until it is {@link #ready}: a failed SOCKS exchange or
     * handshake is reported by that future, so its exception stops here instead of reaching the
     * pipeline's tail, which would log it as unhandled.
     */
    void guard(Channel ch) {
        if (socks4 != null || tls != null) {
            ch.pipeline().addLast(Pipelines.CONNECTING, new ConnectGuard());
        }
    }

    /** A future of {@code connect} that completes when the SOCKS exchange and TLS handshake are done too. */
    ChannelFuture ready(ChannelFuture connect) {
        if (socks4 == null && tls == null) {
            return connect;
        }
        Channel ch = connect.channel();
        ChannelPromise ready = ch.newPromise();
        // first listener: the guard leaves before the connector installs the session's handlers;
        // after a failure it stays, for the exception that follows the failed future
        ready.addListener(f -> {
            if (f.isSuccess() && ch.pipeline().get(Pipelines.CONNECTING) != null) {
                ch.pipeline().remove(Pipelines.CONNECTING);
            }
        });
        connect.addListener(f -> {
            if (!f.isSuccess()) {
                ready.tryFailure(f.cause());
                return;
            }
            ProxyHandler socks = socks4 == null ? null : (ProxyHandler) ch.pipeline().get(Pipelines.SOCKS);
            whenDone(socks == null ? null : socks.connectFuture(), ch, ready, () -> {
                SslHandler h = tls == null ? null : (SslHandler) ch.pipeline().get(Pipelines.TLS);
                whenDone(h == null ? null : h.handshakeFuture(), ch, ready, () -> {
                    if (ch.isActive()) {
                        ready.trySuccess();
                    } else {
                        ready.tryFailure(new ClosedChannelException());
                    }
                });
            });
        });
        return ready;
    }

    private static final class ConnectGuard extends ChannelInboundHandlerAdapter {
        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    private static void whenDone(Future<?> step, Channel ch, ChannelPromise ready, Runnable next) {
        if (step == null) {
            next.run();
            return;
        }
        step.addListener(s -> {
            if (s.isSuccess()) {
                next.run();
            } else {
                ready.tryFailure(s.cause());
                ch.close();
            }
        });
    }
}
