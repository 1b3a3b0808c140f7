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
import java.util.concurrent.Callable;
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
 * with and without that load is printed (a figure, never asserted: the machine is shared).
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
        int port = ((InetSocketAddress) upstream.localAddress()).getPort();
        int web = Cli.freePort();
        socket = dir.resolve("t.sock");
        url = "http://127.0.0.1:" + web + "/";
        Path cfg = Cli.config(dir, "load.cfg",
                "global",
                "    stats socket " + socket + " level admin",
                "defaults",
                "    mode http",
                "    timeout connect 1s",
                "    timeout client 10s",
                "    timeout server 10s",
                "frontend fe",
                "    bind 127.0.0.1:" + web,
                "    default_backend app",
                "backend app",
                "    server u1 127.0.0.1:" + port,
                "    server u2 127.0.0.1:" + port,
                "backend spare",
                "    server x1 127.0.0.1:" + Cli.freePort(),
                "    server x2 127.0.0.1:" + Cli.freePort(),
                "    server x3 127.0.0.1:" + Cli.freePort());
        lifetime = Lifetime.untilEnded();
        exit = Cli.startInBackground(lifetime, cfg);
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
        String first = UnixCli.ask(socket, "show stat");
        List<String> rows = rowKeys(first);
        assertThat(rows).containsExactly("fe,FRONTEND", "app,u1", "app,u2", "app,BACKEND",
                "spare,x1", "spare,x2", "spare,x3", "spare,BACKEND");
        String header = first.substring(0, first.indexOf('\n'));

        traffic(TRAFFIC_THREADS, 500, new AtomicBoolean()); // warm-up: JIT, pooled connections
        double before = traffic(TRAFFIC_THREADS, BASELINE_REQUESTS_PER_THREAD, new AtomicBoolean()).rate();

        AtomicBoolean socketClientsDone = new AtomicBoolean();
        ConcurrentLinkedQueue<String> answers = new ConcurrentLinkedQueue<>();
        List<Callable<Void>> clients = new ArrayList<>();
        for (int c = 0; c < SOCKET_CLIENTS; c++) {
            clients.add(() -> {
                for (int i = 0; i < ASKS_PER_CLIENT; i++) {
                    answers.add(UnixCli.ask(socket, "show stat"));
                }
                return null;
            });
        }
        long started = System.nanoTime();
        Future<Run> loaded = pool.submit(() -> traffic(TRAFFIC_THREADS, MAX_LOADED_REQUESTS_PER_THREAD, socketClientsDone));
        List<Future<Void>> asked = new ArrayList<>();
        for (Callable<Void> client : clients) {
            asked.add(pool.submit(client));
        }
        for (Future<Void> f : asked) {
            f.get(120, TimeUnit.SECONDS);
        }
        long socketMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        socketClientsDone.set(true);
        Run during = loaded.get(120, TimeUnit.SECONDS);
        double after = traffic(TRAFFIC_THREADS, BASELINE_REQUESTS_PER_THREAD, new AtomicBoolean()).rate();

        assertThat(answers).hasSize(SOCKET_CLIENTS * ASKS_PER_CLIENT);
        for (String answer : answers) {
            assertThat(answer).startsWith(header + "\n").endsWith(",\n\n");
            assertThat(rowKeys(answer)).isEqualTo(rows);
            for (String row : answer.substring(0, answer.length() - 2).split("\n")) {
                assertThat(row.split(",", -1)).as(row).hasSameSizeAs(header.split(",", -1));
            }
        }
        assertThat(during.requests()).isPositive();
        System.out.printf("admin socket load: %.0f requests/s through the proxy before, %.0f while %d socket clients"
                        + " asked show stat %d times each (%d answers in %d ms, %d requests meanwhile), %.0f after"
                        + " (%d traffic threads; %d cores, load average %.1f; clients, proxy and upstream in one JVM)%n",
                before, during.rate(), SOCKET_CLIENTS, ASKS_PER_CLIENT, answers.size(), socketMillis,
                during.requests(), after, TRAFFIC_THREADS, Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
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
     * {@code threads} clients each sending up to {@code perThread} GETs (fewer if {@code stop} is
     * set meanwhile); every answer must be the upstream's 200 "ok".
     */
    private Run traffic(int threads, int perThread, AtomicBoolean stop) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build();
        List<Future<Long>> done = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < threads; t++) {
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
