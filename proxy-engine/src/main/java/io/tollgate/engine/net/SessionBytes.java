package io.tollgate.engine.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

/**
 * The bytes one client connection read and was sent, and when the next request's first byte
 * arrived: what an access-log line needs ({@code %U}, {@code %B}, {@code Ti}/{@code TR}). Put in
 * the pipeline only of frontends that log.
 */
final class SessionBytes extends ChannelDuplexHandler {
    long read;
    long written;
    /** {@link System#nanoTime()} of the first byte read since {@link #awaitRequest()}, 0 while none. */
    long firstByteNanos;

    /** The next byte read starts a request. */
    void awaitRequest() {
        firstByteNanos = 0;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        int n = size(msg);
        if (n > 0) {
            if (firstByteNanos == 0) {
                firstByteNanos = System.nanoTime();
            }
            read += n;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        written += size(msg);
        ctx.write(msg, promise);
    }

    private static int size(Object msg) {
        if (msg instanceof ByteBuf buf) {
            return buf.readableBytes();
        }
        return msg instanceof ByteBufHolder h ? h.content().readableBytes() : 0;
    }
}
