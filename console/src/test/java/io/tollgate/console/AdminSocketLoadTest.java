package io.tollgate.console;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fifty clients asking {@code show stat} in a loop on the admin socket while HTTP traffic flows
 * through the proxy: every answer is the whole CSV and every request succeeds. The request rate
 * before, during and after that load is printed, with the same run against Debian's HAProxy 2.6 on
 * the same configuration as a reference (figures, never asserted: the machine is shared).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class AdminSocketLoadTest {

    private static final int SOCKET_CLIENTS = 50;
    private static final int ASKS_PER_CLIENT = 40;
    private static final int TRAFFIC_THREADS = 4;
    private static final int BASELINE_REQUESTS_PER_THREAD = 1000;
    /** Bounds the traffic that runs beside the socket clients, should they be slow. */
    private static final int MAX_LOADED_REQUESTS_PER_THREAD = 20_000;

    @TempDir
    Path dir;

    private Path socket;
    private EventLoopGroup upstreamLoop;
    private Channel upstream;
    private int upstreamPort;
    private String url;
    private Lifetime lifetime;
    private CompletableFuture<Integer> exit;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @BeforeEach
    void start() throws Exception {
        upstreamLoop = new NioEventLoopGroup(2);
        upstream = new ServerBootstrap().group(upstreamLoop).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(4096), new Ok());
                    }
                })
                .bind("127.0.0.1", 0).sync().channel();
        upstreamPort = ((InetSocketAddress) upstream.localAddress()).getPort();
        int web = Cli.freePort();
        socket = dir.resolve("t.sock");
        url = "http://127.0.0.1:" + web + "/";
        Path cfg = config("load.cfg", socket, web);
        lifetime = Lifetime.untilEnded();
        exit = Cli.startInBackground(lifetime, cfg);
    }

    /** The configuration both Tollgate and HAProxy run, on their own socket and port. */
    private Path config(String name, Path adminSocket, int web) throws IOException {
        return Cli.config(dir, name,
                "global",
                "    stats socket " + adminSocket + " level admin",
                "defaults",
                "    mode http",
                "    timeout connect 1s",
                "    timeout client 10s",
                "    timeout server 10s",
                "frontend fe",
                "    bind 127.0.0.1:" + web,
                "    default_backend app",
                "backend app",
                "    server u1 127.0.0.1:" + upstreamPort,
                "    server u2 127.0.0.1:" + upstreamPort,
                "backend spare",
                "    server x1 127.0.0.1:" + Cli.freePort(),
                "    server x2 127.0.0.1:" + Cli.freePort(),
                "    server x3 127.0.0.1:" + Cli.freePort());
    }

    @AfterEach
    void stop() throws Exception {
        pool.shutdownNow();
        try {
            lifetime.end();
            assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(RunCommand.STOPPED);
        } finally {
            upstream.close().sync();
            upstreamLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }

    @Test
    void fiftyClientsAskingShowStatAreAllAnsweredWhileTrafficFlows() throws Exception {
        String tollgate = loadedWhileTrafficFlows(url, socket);
        // the same run against HAProxy gives the figure a reference on this (shared, busy) machine
        Path haproxySocket = dir.resolve("h.sock");
        int web = Cli.freePort();
        String haproxy;
        try (HaproxyCliProcess h = HaproxyCliProcess.start(config("h.cfg", haproxySocket, web), haproxySocket)) {
            haproxy = loadedWhileTrafficFlows("http://127.0.0.1:" + web + "/", haproxySocket);
        }
        System.out.printf("admin socket load, requests/s through the proxy before / while %d socket clients asked show"
                        + " stat %d times each / after (%d traffic threads; %d cores, load average %.1f; clients,"
                        + " Tollgate and upstream in one JVM):%n  tollgate %s%n  haproxy  %s%n",
                SOCKET_CLIENTS, ASKS_PER_CLIENT, TRAFFIC_THREADS, Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), tollgate, haproxy);
    }

    /**
     * Measures the request rate through the proxy at {@code url} before, during and after the socket
     * clients' run on {@code admin}, checking every answer and every response; returns the figures.
     */
    private String loadedWhileTrafficFlows(String url, Path admin) throws Exception {
        String first = UnixCli.ask(admin, "show stat");
        List<String> rows = rowKeys(first);
        assertThat(rows).containsExactly("fe,FRONTEND", "app,u1", "app,u2", "app,BACKEND",
                "spare,x1", "spare,x2", "spare,x3", "spare,BACKEND");
        String header = first.substring(0, first.indexOf('\n'));

        traffic(url, BASELINE_REQUESTS_PER_THREAD, new AtomicBoolean()); // warm-up: JIT, pooled connections
        double before = traffic(url, BASELINE_REQUESTS_PER_THREAD, new AtomicBoolean()).rate();

        AtomicBoolean socketClientsDone = new AtomicBoolean();
        ConcurrentLinkedQueue<String> answers = new ConcurrentLinkedQueue<>();
        long started = System.nanoTime();
        Future<Run> loaded = pool.submit(() -> traffic(url, MAX_LOADED_REQUESTS_PER_THREAD, socketClientsDone));
        List<Future<?>> asked = new ArrayList<>();
        for (int c = 0; c < SOCKET_CLIENTS; c++) {
            asked.add(pool.submit(() -> {
                for (int i = 0; i < ASKS_PER_CLIENT; i++) {
                    answers.add(UnixCli.ask(admin, "show stat"));
                }
                return null;
            }));
        }
        for (Future<?> f : asked) {
            f.get(120, TimeUnit.SECONDS);
        }
        long socketMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        socketClientsDone.set(true);
        Run during = loaded.get(120, TimeUnit.SECONDS);
        double after = traffic(url, BASELINE_REQUESTS_PER_THREAD, new AtomicBoolean()).rate();

        assertThat(answers).hasSize(SOCKET_CLIENTS * ASKS_PER_CLIENT);
        for (String answer : answers) {
            assertThat(answer).startsWith(header + "\n").endsWith(",\n\n");
            assertThat(rowKeys(answer)).isEqualTo(rows);
            for (String row : answer.substring(0, answer.length() - 2).split("\n")) {
                assertThat(row.split(",", -1)).as(row).hasSameSizeAs(header.split(",", -1));
            }
        }
        assertThat(during.requests()).isPositive();
        return String.format("%.0f / %.0f / %.0f (%d answers in %d ms, %d requests meanwhile)",
                before, during.rate(), after, answers.size(), socketMillis, during.requests());
    }

    /** The upstream: {@code 200 ok} to every request, on kept-alive connections. */
    private static final class Ok extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    Unpooled.copiedBuffer("ok", StandardCharsets.US_ASCII));
            response.headers().set(HttpHeaderNames.CONTENT_LENGTH, 2);
            ctx.writeAndFlush(response);
        }
    }

    /** Requests counted over a measured time. */
    record Run(long requests, long nanos) {
        double rate() {
            return requests * 1e9 / nanos;
        }
    }

    /**
     * {@link #TRAFFIC_THREADS} clients each sending up to {@code perThread} GETs (fewer if {@code stop} is
     * set meanwhile); every answer must be the upstream's 200 "ok".
     */
    private Run traffic(String url, int perThread, AtomicBoolean stop) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build();
        List<Future<Long>> done = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < TRAFFIC_THREADS; t++) {
            done.add(pool.submit(() -> {
                long n = 0;
                for (int i = 0; i < perThread && !stop.get(); i++) {
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    assertThat(response.statusCode()).isEqualTo(200);
                    assertThat(response.body()).isEqualTo("ok");
                    n++;
                }
                return n;
            }));
        }
        long requests = 0;
        for (Future<Long> f : done) {
            requests += f.get(120, TimeUnit.SECONDS);
        }
        return new Run(requests, System.nanoTime() - started);
    }

    /** {@code pxname,svname} of each row of a {@code show stat} answer, in order. */
    private static List<String> rowKeys(String csv) {
        List<String> keys = new ArrayList<>();
        for (String row : csv.split("\n")) {
            if (!row.isEmpty() && !row.startsWith("#")) {
                String[] fields = row.split(",", 3);
                keys.add(fields[0] + "," + fields[1]);
            }
        }
        return keys;
    }
}
