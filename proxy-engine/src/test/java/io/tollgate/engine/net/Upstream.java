package io.tollgate.engine.net;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;

/**
 * A real HTTP/1.1 server on 127.0.0.1 for relay tests, answering by path:
 * <ul>
 *   <li>{@code /} and anything else: 200 {@code Hello! This is <name>!};</li>
 *   <li>{@code /headers}: the request headers, one per line;</li>
 *   <li>{@code /big?bytes=N[&chunked=1]}: N bytes of a known pattern, written as the client drains them;</li>
 *   <li>{@code /endless}: bytes for as long as the peer reads, counting them in {@link #bytesSent()};</li>
 *   <li>{@code /upload}: reads the body, answers {@code <length> <crc32>};</li>
 *   <li>{@code /slow?ms=N}: answers after N ms;</li>
 *   <li>{@code /status?code=N}: answers with that status;</li>
 *   <li>{@code /close}: a body without length, delimited by closing the connection;</li>
 *   <li>{@code /drop}: closes without answering; {@code /abort}: closes after 10 of 1000 bytes;</li>
 *   <li>{@code /ws} with {@code Upgrade}: 101, then echoes raw bytes;</li>
 *   <li>{@code /cacheable}: 200 with {@code Cache-Control: max-age=60};</li>
 *   <li>{@code /setcookie?name=N&value=V}: 200 with {@code Set-Cookie: N=V; path=/}.</li>
 * </ul>
 */
final class Upstream implements AutoCloseable {
    static final byte[] PATTERN = "0123456789abcdefghijklmnopqrstuvwxyz".getBytes(StandardCharsets.US_ASCII);

    private final String name;
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel listener;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicLong bytesSent = new AtomicLong();
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicInteger maxActive = new AtomicInteger();
    private volatile Map<String, String> lastHeaders = Map.of();
    private final java.util.List<String> serverNames = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.List<String> proxyHeaders = new java.util.concurrent.CopyOnWriteArrayList<>();

    Upstream(String name) throws InterruptedException {
        this(name, null, false);
    }

    /**
     * @param tls         serve HTTPS with this context (the SNI of each handshake is kept, see {@link #serverNames()})
     * @param acceptProxy expect a PROXY protocol header first on every connection (kept, see {@link #proxyHeaders()})
     */
    Upstream(String name, io.netty.handler.ssl.SslContext tls, boolean acceptProxy) throws InterruptedException {
        this.name = name;
        this.listener = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        connections.incrementAndGet();
                        if (acceptProxy) {
                            ch.pipeline().addLast(new io.netty.handler.codec.haproxy.HAProxyMessageDecoder(), new ProxyHeaders());
                        }
                        if (tls != null) {
                            ch.pipeline().addLast(tls.newHandler(ch.alloc()), new ServerNames());
                        }
                        ch.pipeline().addLast(new HttpServerCodec(), new Handler());
                    }
                }).bind("127.0.0.1", 0).sync().channel();
    }

    /** The SNI of each TLS handshake, in order ("" for none). */
    java.util.List<String> serverNames() {
        return serverNames;
    }

    /** Each PROXY header received, as "PROXY TCP4 src dst sport dport" (v1 and v2 alike). */
    java.util.List<String> proxyHeaders() {
        return proxyHeaders;
    }

    private final class ProxyHeaders extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof io.netty.handler.codec.haproxy.HAProxyMessage m) {
                proxyHeaders.add("PROXY " + m.proxiedProtocol() + " " + m.sourceAddress() + " " + m.destinationAddress()
                        + " " + m.sourcePort() + " " + m.destinationPort());
                m.release();
                ctx.pipeline().remove(this);
                return;
            }
            ctx.fireChannelRead(msg);
        }
    }

    private final class ServerNames extends ChannelInboundHandlerAdapter {
        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof io.netty.handler.ssl.SslHandshakeCompletionEvent e && e.isSuccess()) {
                javax.net.ssl.SSLSession session = ctx.pipeline().get(io.netty.handler.ssl.SslHandler.class).engine().getSession();
                String sni = "";
                if (session instanceof javax.net.ssl.ExtendedSSLSession x) {
                    sni = x.getRequestedServerNames().stream().filter(n -> n instanceof javax.net.ssl.SNIHostName)
                            .map(n -> ((javax.net.ssl.SNIHostName) n).getAsciiName()).findFirst().orElse("");
                }
                serverNames.add(sni);
            }
            ctx.fireUserEventTriggered(evt);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (cause.getCause() instanceof javax.net.ssl.SSLException) {
                // a refused handshake is what some tests expect
                ctx.close();
                return;
            }
            ctx.fireExceptionCaught(cause);
        }
    }

    int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    String name() {
        return name;
    }

    int connections() {
        return connections.get();
    }

    int requests() {
        return requests.get();
    }

    long bytesSent() {
        return bytesSent.get();
    }

    /** The most requests this upstream was serving at the same time. */
    int maxActive() {
        return maxActive.get();
    }

    Map<String, String> lastHeaders() {
        return lastHeaders;
    }

    @Override
    public void close() {
        listener.close().awaitUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }

    /** A whole number of pattern periods, shared read-only so streaming allocates nothing per chunk. */
    private static final int CHUNK = PATTERN.length * 455;
    private static final ByteBuf CHUNK_BUF = Unpooled.unreleasableBuffer(pattern(0, CHUNK).asReadOnly());

    static ByteBuf pattern(long offset, int length) {
        ByteBuf b = Unpooled.buffer(length);
        for (int i = 0; i < length; i++) {
            b.writeByte(PATTERN[(int) ((offset + i) % PATTERN.length)]);
        }
        return b;
    }

    private final class Handler extends ChannelInboundHandlerAdapter {
        private HttpRequest request;
        private long uploaded;
        private final CRC32 crc = new CRC32();
        private boolean echo;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (echo) {
                ctx.writeAndFlush(msg);
                return;
            }
            try {
                if (msg instanceof HttpRequest r) {
                    request = r;
                    uploaded = 0;
                    crc.reset();
                    requests.incrementAndGet();
                    int now = active.incrementAndGet();
                    maxActive.accumulateAndGet(now, Math::max);
                    java.util.LinkedHashMap<String, String> h = new java.util.LinkedHashMap<>();
                    r.headers().forEach(e -> h.merge(e.getKey().toLowerCase(), e.getValue(), (a, b) -> a + ", " + b));
                    lastHeaders = h;
                }
                if (msg instanceof HttpContent c) {
                    ByteBuf content = c.content();
                    uploaded += content.readableBytes();
                    if (content.hasArray()) {
                        crc.update(content.array(), content.arrayOffset() + content.readerIndex(), content.readableBytes());
                    } else {
                        byte[] copy = new byte[content.readableBytes()];
                        content.getBytes(content.readerIndex(), copy);
                        crc.update(copy);
                    }
                    if (c instanceof LastHttpContent) {
                        respond(ctx);
                    }
                }
            } finally {
                if (!echo || !(msg instanceof ByteBuf)) {
                    ReferenceCountUtil.release(msg);
                }
            }
        }

        private void respond(ChannelHandlerContext ctx) {
            QueryStringDecoder q = new QueryStringDecoder(request.uri());
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            switch (q.path()) {
                case "/headers" -> {
                    StringBuilder sb = new StringBuilder();
                    request.headers().forEach(e -> sb.append(e.getKey()).append(": ").append(e.getValue()).append('\n'));
                    full(ctx, HttpResponseStatus.OK, sb.toString(), keepAlive);
                }
                case "/big" -> big(ctx, Long.parseLong(param(q, "bytes", "1000")), "1".equals(param(q, "chunked", "0")), keepAlive);
                case "/endless" -> endless(ctx);
                case "/upload" -> full(ctx, HttpResponseStatus.OK, uploaded + " " + crc.getValue(), keepAlive);
                case "/slow" -> ctx.executor().schedule(() -> full(ctx, HttpResponseStatus.OK,
                        "Hello! This is " + name + "!\n", keepAlive), Long.parseLong(param(q, "ms", "100")), TimeUnit.MILLISECONDS);
                case "/status" -> full(ctx, HttpResponseStatus.valueOf(Integer.parseInt(param(q, "code", "200"))), "status\n", keepAlive);
                case "/drop" -> {
                    active.decrementAndGet();
                    ctx.close();
                }
                case "/abort" -> {
                    active.decrementAndGet();
                    HttpResponse r = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
                    HttpUtil.setContentLength(r, 1000);
                    ctx.write(r);
                    ctx.writeAndFlush(new DefaultHttpContent(pattern(0, 10))).addListener(ChannelFutureListener.CLOSE);
                }
                case "/close" -> {
                    active.decrementAndGet();
                    HttpResponse r = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
                    ctx.write(r);
                    ctx.write(new DefaultHttpContent(Unpooled.copiedBuffer("until close\n", StandardCharsets.US_ASCII)));
                    ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(ChannelFutureListener.CLOSE);
                }
                case "/ws" -> {
                    active.decrementAndGet();
                    HttpResponse r = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.SWITCHING_PROTOCOLS);
                    r.headers().set(HttpHeaderNames.UPGRADE, "websocket").set(HttpHeaderNames.CONNECTION, "Upgrade");
                    ctx.writeAndFlush(r).addListener(f -> {
                        ctx.pipeline().remove(HttpServerCodec.class);
                        echo = true;
                    });
                }
                case "/cacheable" -> full(ctx, HttpResponseStatus.OK, "Hello! This is " + name + "!\n", keepAlive,
                        "Cache-Control", "max-age=60");
                case "/setcookie" -> full(ctx, HttpResponseStatus.OK, "Hello! This is " + name + "!\n", keepAlive,
                        "Set-Cookie", param(q, "name", "C") + "=" + param(q, "value", "v") + "; path=/");
                default -> full(ctx, HttpResponseStatus.OK, "Hello! This is " + name + "!\n", keepAlive);
            }
        }

        private String param(QueryStringDecoder q, String key, String dflt) {
            return q.parameters().containsKey(key) ? q.parameters().get(key).get(0) : dflt;
        }

        private void full(ChannelHandlerContext ctx, HttpResponseStatus status, String body, boolean keepAlive,
                          String... headerPairs) {
            active.decrementAndGet();
            FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                    Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
            for (int i = 0; i + 1 < headerPairs.length; i += 2) {
                r.headers().add(headerPairs[i], headerPairs[i + 1]);
            }
            HttpUtil.setContentLength(r, r.content().readableBytes());
            // what reached the server, for tests of request-line rewrites
            r.headers().set("X-Seen", request.method() + " " + request.uri());
            if (!keepAlive) {
                r.headers().set(HttpHeaderNames.CONNECTION, "close");
                ctx.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
            } else {
                ctx.writeAndFlush(r);
            }
        }

        private void big(ChannelHandlerContext ctx, long total, boolean chunked, boolean keepAlive) {
            HttpResponse r = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
            if (chunked) {
                HttpUtil.setTransferEncodingChunked(r, true);
            } else {
                HttpUtil.setContentLength(r, total);
            }
            ctx.write(r);
            new Streamer(ctx, total, () -> {
                active.decrementAndGet();
                ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(f -> {
                    if (!keepAlive) {
                        ctx.close();
                    }
                });
            }).run();
        }

        private void endless(ChannelHandlerContext ctx) {
            HttpResponse r = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
            HttpUtil.setTransferEncodingChunked(r, true);
            ctx.write(r);
            new Streamer(ctx, Long.MAX_VALUE, () -> { }).run();
        }
    }

    /** Writes a body in 16 KB pieces (always starting on a pattern period) only while the channel is writable, as a well-behaved server does. */
    private final class Streamer implements Runnable {
        private final ChannelHandlerContext ctx;
        private final long total;
        private final Runnable done;
        private long sent;

        Streamer(ChannelHandlerContext ctx, long total, Runnable done) {
            this.ctx = ctx;
            this.total = total;
            this.done = done;
        }

        @Override
        public void run() {
            Channel ch = ctx.channel();
            while (ch.isActive() && ch.isWritable() && sent < total) {
                int n = (int) Math.min(CHUNK, total - sent);
                ch.write(new DefaultHttpContent(CHUNK_BUF.retainedSlice(0, n)));
                sent += n;
                bytesSent.addAndGet(n);
            }
            ch.flush();
            if (!ch.isActive()) {
                return;
            }
            if (sent >= total) {
                done.run();
                return;
            }
            // not writable: try again when the kernel has taken some
            ctx.executor().schedule(this, 5, TimeUnit.MILLISECONDS);
        }
    }
}
