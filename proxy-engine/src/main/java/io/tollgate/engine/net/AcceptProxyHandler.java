package io.tollgate.engine.net;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.haproxy.HAProxyCommand;
import io.netty.handler.codec.haproxy.HAProxyMessage;
import io.netty.handler.codec.haproxy.HAProxyProxiedProtocol;
import io.netty.util.NetUtil;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code bind ... accept-proxy}: a new connection is a client only once its PROXY protocol
 * header (v1 or v2, decoded by Netty's {@code HAProxyMessageDecoder} just before this handler)
 * has named the real client. Until then the rest of the pipeline (TLS, the HTTP or TCP session)
 * does not exist and {@code channelActive} is held back; on the header, the addresses are
 * recorded ({@link ClientConnection}), the rest is installed, {@code channelActive} goes on,
 * and both PROXY handlers leave, the decoder passing on whatever followed the header.
 *
 * <p>A {@code LOCAL} (v2) or {@code UNKNOWN} (v1) header keeps the socket's addresses, as in
 * HAProxy. A connection that sends something else, or nothing within {@code timeout client},
 * is closed.
 */
final class AcceptProxyHandler extends ChannelInboundHandlerAdapter {
    private final Consumer<Channel> rest;
    private final long timeoutMillis;
    private ScheduledFuture<?> timer;

    /**
     * @param rest          installs the handlers that follow, at the end of the pipeline
     * @param timeoutMillis how long to wait for the header; 0 for ever
     */
    AcceptProxyHandler(Consumer<Channel> rest, long timeoutMillis) {
        this.rest = rest;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (timeoutMillis > 0) {
            timer = ctx.executor().schedule(() -> {
                ctx.close();
            }, timeoutMillis, TimeUnit.MILLISECONDS);
        }
        if (!ctx.channel().config().isAutoRead()) {
            ctx.read();
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof HAProxyMessage header)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        try {
            if (header.command() == HAProxyCommand.PROXY && isInet(header.proxiedProtocol())) {
                ClientConnection.proxied(ctx.channel(), address(header.sourceAddress(), header.sourcePort()),
                        address(header.destinationAddress(), header.destinationPort()));
            }
        } finally {
            header.release();
        }
        if (timer != null) {
            timer.cancel(false);
        }
        rest.accept(ctx.channel());
        ctx.fireChannelActive();
        ctx.pipeline().remove(this);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // not a PROXY header (Netty's HAProxyProtocolException): HAProxy closes too
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (timer != null) {
            timer.cancel(false);
        }
    }

    private static boolean isInet(HAProxyProxiedProtocol p) {
        return p == HAProxyProxiedProtocol.TCP4 || p == HAProxyProxiedProtocol.TCP6;
    }

    /** The decoder has validated the literal: this never looks a name up. */
    private static InetSocketAddress address(String literal, int port) {
        InetAddress a = NetUtil.createInetAddressFromIpAddressString(literal);
        return new InetSocketAddress(a, port);
    }
}
