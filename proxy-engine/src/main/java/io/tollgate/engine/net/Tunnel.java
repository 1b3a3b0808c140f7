package io.tollgate.engine.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;

/**
 * A two-way byte relay between a client and a server connection: a TCP-mode session, or an HTTP
 * connection after a protocol upgrade (WebSocket).
 *
 * <h2>Backpressure</h2>
 * Bytes read on one side are written to the other as they arrive and flushed when the read batch
 * completes. When the writing side stops being writable (its outbound buffer is above the high
 * water mark) the reading side stops reading, and resumes when the writing side drains below the
 * low mark: a client that stops reading holds at most one buffer's worth of server data.
 *
 * <h2>Half-close</h2>
 * When one side shuts its output (FIN), the other side's output is shut after pending bytes are
 * flushed (over TLS, after a close_notify); the tunnel closes when both directions are done, or
 * on error or inactivity.
 */
final class Tunnel {
    private final Channel client;
    private final Channel server;
    private final Runnable onClosed;
    private boolean clientDone;
    private boolean serverDone;
    private boolean closed;
    private boolean clientAborted;
    private boolean serverAborted;
    private boolean clientTimedOut;
    private boolean serverTimedOut;

    Tunnel(Channel client, Channel server, Runnable onClosed) {
        this.client = client;
        this.server = server;
        this.onClosed = onClosed;
    }

    /** The handler for one side; install it last in that side's pipeline. */
    Side side(boolean clientSide) {
        return new Side(clientSide);
    }

    /** Starts moving bytes both ways. */
    void start() {
        client.config().setAutoRead(true);
        server.config().setAutoRead(true);
    }

    boolean clientAborted() {
        return clientAborted;
    }

    boolean serverAborted() {
        return serverAborted;
    }

    boolean clientTimedOut() {
        return clientTimedOut;
    }

    boolean serverTimedOut() {
        return serverTimedOut;
    }

    void close() {
        if (closed) {
            return;
        }
        closed = true;
        flushAndClose(client);
        flushAndClose(server);
        onClosed.run();
    }

    private static void flushAndClose(Channel ch) {
        if (ch.isActive()) {
            ch.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        } else {
            ch.close();
        }
    }

    /**
     * Half-closes {@code ch}; over TLS, after a close_notify, without which OpenSSL 3 peers read
     * the FIN as a truncation ("unexpected eof while reading").
     */
    private static void shutdownOutput(DuplexChannel ch) {
        SslHandler tls = ch.pipeline().get(SslHandler.class);
        if (tls == null) {
            ch.shutdownOutput();
        } else {
            tls.closeOutbound().addListener(f -> ch.shutdownOutput());
        }
    }

    /** One direction's reader: forwards what its channel reads to the peer. */
    final class Side extends ChannelInboundHandlerAdapter {
        private final boolean clientSide;

        private Side(boolean clientSide) {
            this.clientSide = clientSide;
        }

        private Channel peer() {
            return clientSide ? server : client;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (!(msg instanceof ByteBuf)) {
                // left over from the HTTP codecs of an upgraded connection: keep bytes, drop markers
                ByteBuf bytes = msg instanceof ByteBufHolder h ? h.content().retain() : null;
                ReferenceCountUtil.release(msg);
                if (bytes == null || !bytes.isReadable()) {
                    if (bytes != null) {
                        bytes.release();
                    }
                    return;
                }
                msg = bytes;
            }
            Channel peer = peer();
            peer.write(msg, peer.voidPromise());
            if (!peer.isWritable()) {
                ctx.channel().config().setAutoRead(false);
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            peer().flush();
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            peer().config().setAutoRead(ctx.channel().isWritable());
            ctx.fireChannelWritabilityChanged();
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof ChannelInputShutdownEvent) {
                if (clientSide) {
                    clientDone = true;
                } else {
                    serverDone = true;
                }
                Channel peer = peer();
                if (clientDone && serverDone) {
                    close();
                } else if (peer instanceof DuplexChannel sc && peer.isActive()) {
                    peer.writeAndFlush(Unpooled.EMPTY_BUFFER)
                            .addListener(f -> shutdownOutput(sc));
                }
            } else if (evt instanceof IdleStateEvent) {
                if (clientSide) {
                    clientTimedOut = true;
                } else {
                    serverTimedOut = true;
                }
                close();
            } else {
                ctx.fireUserEventTriggered(evt);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            close();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (clientSide) {
                clientAborted = true;
            } else {
                serverAborted = true;
            }
            close();
        }
    }
}
