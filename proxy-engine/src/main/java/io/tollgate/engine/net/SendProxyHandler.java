package io.tollgate.engine.net;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.haproxy.HAProxyCommand;
import io.netty.handler.codec.haproxy.HAProxyMessage;
import io.netty.handler.codec.haproxy.HAProxyMessageEncoder;
import io.netty.handler.codec.haproxy.HAProxyProtocolVersion;
import io.netty.handler.codec.haproxy.HAProxyProxiedProtocol;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * {@code server ... send-proxy} / {@code send-proxy-v2}: the PROXY protocol header naming the
 * client goes out as the first bytes of a new server connection, before a TLS handshake (this
 * handler sits in front of the TLS one), then the handler leaves. The header is written ahead
 * of the first write, or when the connection becomes active if nothing was written by then:
 * Netty completes the connect future, and so lets the session write, before it fires
 * {@code channelActive}. A client whose addresses are unknown (not an IP connection) is
 * announced as HAProxy announces its own connections: v1 {@code UNKNOWN}, v2 {@code LOCAL}.
 */
final class SendProxyHandler extends ChannelDuplexHandler {
    private static final byte[] V1_UNKNOWN = "PROXY UNKNOWN\r\n".getBytes(StandardCharsets.US_ASCII);

    private final HAProxyMessage header;
    private boolean sent;

    SendProxyHandler(HAProxyMessage header) {
        this.header = header;
    }

    /** The header announcing {@code client} in PROXY protocol {@code version} (1 or 2). */
    static HAProxyMessage header(int version, Channel client) {
        HAProxyProtocolVersion v = version == 2 ? HAProxyProtocolVersion.V2 : HAProxyProtocolVersion.V1;
        InetSocketAddress src = ClientConnection.source(client);
        InetSocketAddress dst = ClientConnection.destination(client);
        if (src == null || dst == null) {
            return new HAProxyMessage(v, v == HAProxyProtocolVersion.V2 ? HAProxyCommand.LOCAL : HAProxyCommand.PROXY,
                    HAProxyProxiedProtocol.UNKNOWN, null, null, 0, 0);
        }
        boolean v4 = src.getAddress() instanceof Inet4Address && dst.getAddress() instanceof Inet4Address;
        return new HAProxyMessage(v, HAProxyCommand.PROXY, v4 ? HAProxyProxiedProtocol.TCP4 : HAProxyProxiedProtocol.TCP6,
                literal(src.getAddress(), v4), literal(dst.getAddress(), v4), src.getPort(), dst.getPort());
    }

    /** An address in the header's family: IPv4 as is, or IPv6 (IPv4 mapped, as HAProxy does for mixed families). */
    private static String literal(InetAddress a, boolean v4) {
        if (v4 || !(a instanceof Inet4Address)) {
            return a.getHostAddress();
        }
        return "::ffff:" + a.getHostAddress();
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        sendHeader(ctx);
        ctx.write(msg, promise);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (!sent) {
            sendHeader(ctx);
            ctx.flush();
        }
        // then the TLS handshake, if any, starts behind the header
        ctx.fireChannelActive();
    }

    private void sendHeader(ChannelHandlerContext ctx) {
        if (sent) {
            return;
        }
        sent = true;
        if (header.protocolVersion() == HAProxyProtocolVersion.V1 && header.proxiedProtocol() == HAProxyProxiedProtocol.UNKNOWN) {
            // Netty's encoder cannot write the address-less v1 form
            header.release();
            ctx.write(Unpooled.wrappedBuffer(V1_UNKNOWN), ctx.voidPromise());
        } else {
            ctx.pipeline().addBefore(ctx.name(), null, HAProxyMessageEncoder.INSTANCE);
            ctx.write(header, ctx.voidPromise());
            ctx.pipeline().remove(HAProxyMessageEncoder.INSTANCE);
        }
        ctx.pipeline().remove(this);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (header.refCnt() > 0) {
            // never written: the connection failed first
            header.release();
        }
    }
}
