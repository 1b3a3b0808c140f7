package io.tollgate.engine.check;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import io.tollgate.engine.runtime.CheckState;
import io.tollgate.engine.runtime.CheckStatus;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One check run on one event loop: connect (L4TOUT, L4CON), then hand the connection to the
 * protocol's {@link Conversation} until it gives a verdict, the server closes or the read
 * timeout expires (the protocol's timeout status). Reports exactly once, on the loop.
 */
final class CheckRun implements CheckChannel {
    private final EventLoop loop;
    private final Class<? extends SocketChannel> channelType;
    private final CheckTarget target;
    private final Conversation conversation;
    private final CheckStatus timeoutStatus;
    private final Consumer<CheckState.Result> report;
    private final long startNanos = System.nanoTime();
    private Channel channel;
    private ByteBuf in;
    private ScheduledFuture<?> readTimer;
    private boolean connected;
    private boolean finished;

    CheckRun(EventLoop loop, Class<? extends SocketChannel> channelType, CheckTarget target, CheckProtocol protocol,
             Conversation conversation, Consumer<CheckState.Result> report) {
        this.loop = loop;
        this.channelType = channelType;
        this.target = target;
        this.conversation = conversation;
        this.timeoutStatus = protocol.timeoutStatus();
        this.report = report;
    }

    void start() {
        Bootstrap b = new Bootstrap()
                .group(loop)
                .channel(channelType)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, target.connectTimeoutMillis()))
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .option(ChannelOption.SO_LINGER, 0) // HAProxy aborts check connections with a reset
                .handler(new Handler());
        ChannelFuture f = b.connect(target.address());
        channel = f.channel();
        f.addListener(done -> {
            if (finished) {
                channel.close();
                return;
            }
            if (!done.isSuccess()) {
                Throwable cause = done.cause();
                if (ConnectErrors.isTimeout(cause)) {
                    end(CheckStatus.L4_TIMEOUT, -1, "");
                } else {
                    end(CheckStatus.L4_CONNECTION, -1, ConnectErrors.text(cause));
                }
                return;
            }
            connected = true;
            // without a read timeout of its own, the run keeps what is left of its connect budget
            long read = target.readTimeoutMillis() > 0 ? target.readTimeoutMillis()
                    : Math.max(1, target.connectTimeoutMillis() - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
            readTimer = loop.schedule(() -> end(timeoutStatus, -1, ""), read, TimeUnit.MILLISECONDS);
            try {
                conversation.connected(this);
            } catch (RuntimeException e) {
                end(CheckStatus.SOCKET_ERROR, -1, String.valueOf(e.getMessage()));
            }
        });
    }

    @Override
    public ByteBufAllocator alloc() {
        return channel.alloc();
    }

    @Override
    public void send(ByteBuf data) {
        if (finished) {
            data.release();
            return;
        }
        channel.writeAndFlush(data).addListener(w -> {
            if (!w.isSuccess()) {
                end(CheckStatus.SOCKET_ERROR, -1, ConnectErrors.text(w.cause()));
            }
        });
    }

    @Override
    public void finish(CheckStatus status, int code, String info) {
        end(status, code, info);
    }

    @Override
    public boolean isFinished() {
        return finished;
    }

    private void end(CheckStatus status, int code, String info) {
        if (finished) {
            return;
        }
        finished = true;
        if (readTimer != null) {
            readTimer.cancel(false);
        }
        if (in != null) {
            in.release();
            in = null;
        }
        if (channel != null) {
            channel.close();
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        report.accept(new CheckState.Result(status, code, info == null ? "" : info, millis));
    }

    private final class Handler extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                if (finished || !(msg instanceof ByteBuf data)) {
                    return;
                }
                if (in == null) {
                    in = ctx.alloc().buffer(Math.min(CheckChannel.BUFFER_LIMIT, Math.max(256, data.readableBytes())));
                }
                int room = CheckChannel.BUFFER_LIMIT - in.readableBytes();
                if (room > 0) {
                    in.writeBytes(data, data.readerIndex(), Math.min(room, data.readableBytes()));
                }
            } finally {
                ReferenceCountUtil.release(msg);
            }
            try {
                conversation.received(CheckRun.this, in);
            } catch (RuntimeException e) {
                end(CheckStatus.SOCKET_ERROR, -1, String.valueOf(e.getMessage()));
            }
            if (in != null) {
                in.discardReadBytes();
            }
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof ChannelInputShutdownEvent) {
                closed();
            }
            ctx.fireUserEventTriggered(evt);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            closed();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (!connected) {
                return; // reported by the connect listener
            }
            end(CheckStatus.SOCKET_ERROR, -1, ConnectErrors.text(cause));
        }

        private void closed() {
            if (finished || !connected) {
                return;
            }
            ByteBuf rest = in != null ? in : channel.alloc().buffer(0);
            try {
                conversation.closed(CheckRun.this, rest);
            } catch (RuntimeException e) {
                end(CheckStatus.SOCKET_ERROR, -1, String.valueOf(e.getMessage()));
            }
            if (rest != in) {
                rest.release();
            }
            if (!finished) {
                end(CheckStatus.L7_RESPONSE, -1, "");
            }
        }
    }
}
