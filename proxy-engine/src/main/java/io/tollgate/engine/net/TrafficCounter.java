package io.tollgate.engine.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the raw bytes a channel reads and writes into the given counters (for example a
 * frontend's bin/bout, or a server's and its backend's). Sits first in the pipeline so it sees
 * bytes as they cross the socket; it never touches their content.
 */
@ChannelHandler.Sharable
final class TrafficCounter extends ChannelDuplexHandler {
    private final LongAdder[] read;
    private final LongAdder[] written;

    TrafficCounter(LongAdder[] read, LongAdder[] written) {
        this.read = read;
        this.written = written;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        add(read, msg);
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        add(written, msg);
        ctx.write(msg, promise);
    }

    private static void add(LongAdder[] counters, Object msg) {
        int n;
        if (msg instanceof ByteBuf buf) {
            n = buf.readableBytes();
        } else if (msg instanceof ByteBufHolder holder) {
            n = holder.content().readableBytes();
        } else {
            return;
        }
        if (n > 0) {
            for (LongAdder c : counters) {
                c.add(n);
            }
        }
    }
}
