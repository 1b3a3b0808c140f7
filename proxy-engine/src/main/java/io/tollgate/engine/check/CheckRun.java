package io.tollgate.engine.check;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import io.tollgate.engine.runtime.CheckState;
import io.tollgate.engine.runtime.CheckStatus;
import io.tollgate.engine.tls.ServerTlsContext;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One check run on one event loop: connect (L4TOUT, L4CON), then hand the connection to the
 * protocol's {@link Conversation} until it gives a verdict, the server closes or the read
 * timeout expires (the protocol's timeout status). A script may move the run to another
 * connection ({@link #reconnect}); each connection gets the timeouts afresh, as in HAProxy.
 * Reports exactly once, on the loop.
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
    /** {@code check-ssl}, or a server with {@code ssl}: the run speaks TLS; null in clear. */
    private ServerTlsContext tls;

    CheckRun(EventLoop loop, Class<? extends SocketChannel> channelType, CheckTarget target, CheckProtocol protocol,
             Conversation conversation, Consumer<CheckState.Result> report) {
        this.loop = loop;
        this.channelType = channelType;
        this.target = target;
        this.conversation = conversation;
        this.timeoutStatus = protocol.timeoutStatus();
        this.report = report;
    }

    /** Makes the run's connections TLS ones, with the server's TLS settings. */
    CheckRun tls(ServerTlsContext context) {
        this.tls = context;
        return this;
    }

    void start() {
        open(conversation.firstConnection(target.address()));
    }

    private void open(CheckEndpoint endpoint) {
        long connectStart = System.nanoTime();
        Bootstrap b = new Bootstrap()
                .group(loop)
                .channel(channelType)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, target.connectTimeoutMillis()))
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .handler(tls == null ? new Handler() : new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        SslHandler ssl = tls.newHandler(ch.alloc(), endpoint.address().getPort(), null, () -> null);
                        ssl.setHandshakeTimeoutMillis(0); // bounded by the run's own timer below
                        ch.pipeline().addLast(ssl, new Handler());
                    }
                });
        if (!endpoint.linger()) {
            b.option(ChannelOption.SO_LINGER, 0); // HAProxy aborts check connections with a reset
        }
        ChannelFuture f = b.connect(endpoint.address());
        Channel opened = f.channel();
        channel = opened;
        f.addListener(done -> {
            if (finished || opened != channel) {
                opened.close();
                return;
            }
            if (!done.isSuccess()) {
                Throwable cause = done.cause();
                if (ConnectErrors.isTimeout(cause)) {
                    fail(CheckStatus.L4_TIMEOUT, "");
                } else {
                    fail(CheckStatus.L4_CONNECTION, ConnectErrors.text(cause));
                }
                return;
            }
            if (tls == null) {
                established(connectStart);
            } else {
                handshake(opened, connectStart);
            }
        });
    }

    /**
     * The TLS handshake, within what is left of the connect budget as in HAProxy: a failure is
     * {@code L6RSP} "SSL handshake failure", running out of time {@code L6TOUT}.
     */
    private void handshake(Channel opened, long connectStart) {
        long left = Math.max(1, target.connectTimeoutMillis() - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - connectStart));
        ScheduledFuture<?> timer = loop.schedule(() -> {
            if (!finished && opened == channel) {
                end(CheckStatus.L6_TIMEOUT, -1, "");
            }
        }, left, TimeUnit.MILLISECONDS);
        opened.pipeline().get(SslHandler.class).handshakeFuture().addListener(h -> {
            timer.cancel(false);
            if (finished || opened != channel) {
                return;
            }
            if (h.isSuccess()) {
                established(connectStart);
            } else {
                end(CheckStatus.L6_RESPONSE, -1, "SSL handshake failure");
            }
        });
    }

    /** The connection can carry the conversation: the read timeout starts. */
    private void established(long connectStart) {
        connected = true;
        // without a read timeout of its own, the connection keeps what is left of its connect budget
        long read = target.readTimeoutMillis() > 0 ? target.readTimeoutMillis()
                : Math.max(1, target.connectTimeoutMillis() - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - connectStart));
        readTimer = loop.schedule(this::timedOut, read, TimeUnit.MILLISECONDS);
        safely(() -> conversation.connected(this));
    }

    @Override
    public InetSocketAddress checkAddress() {
        return target.address();
    }

    @Override
    public void reconnect(CheckEndpoint endpoint) {
        if (finished) {
            return;
        }
        if (readTimer != null) {
            readTimer.cancel(false);
            readTimer = null;
        }
        if (in != null) {
            in.release();
            in = null;
        }
        connected = false;
        Channel old = channel;
        open(endpoint); // the handlers ignore the old channel from now on
        old.close();
    }

    private void timedOut() {
        if (finished) {
            return;
        }
        safely(() -> conversation.timedOut(this, timeoutStatus));
        end(timeoutStatus, -1, ""); // when the conversation said nothing
    }

    /** The connection failed or broke: the conversation words it, unless it moved to another connection. */
    private void fail(CheckStatus status, String info) {
        Channel was = channel;
        safely(() -> conversation.failed(this, in != null ? in : Unpooled.EMPTY_BUFFER, status, info));
        if (channel == was) {
            end(status, -1, info);
        }
    }

    /** Runs a conversation callback: a bug in it ends the run as a socket error instead of leaving it hanging. */
    private void safely(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            end(CheckStatus.SOCKET_ERROR, -1, String.valueOf(e.getMessage()));
        }
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
        Channel to = channel;
        to.writeAndFlush(data).addListener(w -> {
            if (!w.isSuccess() && to == channel) {
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
        // whatever the check type, HAProxy keeps 127 bytes of info (HCHK_DESC_LEN with its NUL)
        String text = info == null ? "" : info.length() > CheckReply.INFO_LIMIT ? info.substring(0, CheckReply.INFO_LIMIT) : info;
        report.accept(new CheckState.Result(status, code, text, millis));
    }

    private final class Handler extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                if (finished || ctx.channel() != channel || !(msg instanceof ByteBuf data)) {
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
            safely(() -> conversation.received(CheckRun.this, in));
            if (in != null) {
                in.discardReadBytes();
            }
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof ChannelInputShutdownEvent) {
                closed(ctx);
            }
            ctx.fireUserEventTriggered(evt);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            closed(ctx);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (finished || !connected || ctx.channel() != channel) {
                return; // a connect failure is reported by the connect listener
            }
            fail(CheckStatus.SOCKET_ERROR, ConnectErrors.text(cause));
        }

        private void closed(ChannelHandlerContext ctx) {
            if (finished || !connected || ctx.channel() != channel) {
                return;
            }
            Channel was = channel;
            safely(() -> conversation.closed(CheckRun.this, in != null ? in : Unpooled.EMPTY_BUFFER));
            if (!finished && channel == was) {
                end(CheckStatus.L7_RESPONSE, -1, "");
            }
        }
    }
}
