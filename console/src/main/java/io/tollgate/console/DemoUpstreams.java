package io.tollgate.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tollgate.engine.config.Config;
import io.tollgate.engine.config.ProxyConfig;
import io.tollgate.engine.config.ServerConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The demo's upstream HTTP servers: one small server (the JDK's {@code com.sun.net.httpserver})
 * per {@code server} line on a loopback address, answering {@code Hello! This is <server>!} and
 * {@code ok} on {@code /healthCheck.html}, where the demo configuration's health checks look.
 * Deriving them from the configuration keeps {@code examples/demo.cfg} the one place that says
 * which upstreams exist.
 */
final class DemoUpstreams implements AutoCloseable {

    static final String HEALTH_CHECK_PATH = "/healthCheck.html";

    /** One upstream to run: the server's name in the configuration, and where it listens. */
    record Upstream(String name, InetSocketAddress address) {
        @Override
        public String toString() {
            return name + " http://" + RunCommand.hostPort(address) + "/";
        }
    }

    private final List<HttpServer> servers;
    private final ExecutorService workers;
    private final List<Upstream> upstreams;

    private DemoUpstreams(List<HttpServer> servers, ExecutorService workers, List<Upstream> upstreams) {
        this.servers = servers;
        this.workers = workers;
        this.upstreams = upstreams;
    }

    /** The servers of {@code config} that the demo can play: those on a loopback address with a port. */
    static List<Upstream> of(Config config) {
        List<Upstream> upstreams = new ArrayList<>();
        for (ProxyConfig proxy : config.proxies()) {
            for (ServerConfig server : proxy.servers()) {
                if (server.address() == null || server.address().port() == 0) {
                    continue;
                }
                InetSocketAddress address = new InetSocketAddress(server.address().host(), server.address().port());
                if (address.getAddress() != null && address.getAddress().isLoopbackAddress()) {
                    upstreams.add(new Upstream(server.name(), address));
                }
            }
        }
        return upstreams;
    }

    /** Starts one server per upstream; if one cannot bind, stops those already started and fails. */
    static DemoUpstreams start(List<Upstream> upstreams) throws IOException {
        AtomicInteger threads = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "demo-upstream-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        List<HttpServer> servers = new ArrayList<>();
        try {
            for (Upstream upstream : upstreams) {
                HttpServer server;
                try {
                    server = HttpServer.create(upstream.address(), 128);
                } catch (IOException e) {
                    throw new IOException("demo upstream " + upstream.name() + " cannot listen on "
                            + RunCommand.hostPort(upstream.address()) + ": " + e.getMessage(), e);
                }
                server.createContext("/", exchange -> answer(upstream.name(), exchange));
                server.setExecutor(workers);
                server.start();
                servers.add(server);
            }
        } catch (IOException | RuntimeException e) {
            servers.forEach(s -> s.stop(0));
            workers.shutdownNow();
            throw e;
        }
        return new DemoUpstreams(servers, workers, List.copyOf(upstreams));
    }

    /** Starts upstreams on ephemeral loopback ports, one per name (tests). */
    static DemoUpstreams startOnFreePorts(List<String> names) throws IOException {
        List<Upstream> upstreams = new ArrayList<>();
        for (String name : names) {
            upstreams.add(new Upstream(name, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)));
        }
        DemoUpstreams started = start(upstreams);
        List<Upstream> bound = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            bound.add(new Upstream(names.get(i), started.servers.get(i).getAddress()));
        }
        return new DemoUpstreams(started.servers, started.workers, List.copyOf(bound));
    }

    List<Upstream> upstreams() {
        return upstreams;
    }

    private static void answer(String name, HttpExchange exchange) throws IOException {
        try (exchange; InputStream request = exchange.getRequestBody()) {
            request.transferTo(OutputStream.nullOutputStream());
            String body = HEALTH_CHECK_PATH.equals(exchange.getRequestURI().getPath())
                    ? "ok\n" : "Hello! This is " + name + "!\n";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            if ("HEAD".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    /** Stops every server at once (open connections are dropped) and their worker threads. */
    @Override
    public void close() {
        servers.forEach(s -> s.stop(0));
        workers.shutdownNow();
    }

    @Override
    public String toString() {
        return "demo upstreams";
    }
}
