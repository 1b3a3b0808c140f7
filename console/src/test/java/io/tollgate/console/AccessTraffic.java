package io.tollgate.console;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A backend server and a client that keeps sending requests through Tollgate, each with its own id
 * in its URI ({@code GET /r/<id>}), ids from 0 up, one after the other, on a thread of its own, until
 * stopped or {@value #MAX_REQUESTS} requests (tests of access logs under traffic).
 */
final class AccessTraffic implements AutoCloseable {
    static final int MAX_REQUESTS = 200_000;
    private static final Pattern ID = Pattern.compile("\"GET /r/(\\d+) HTTP/1\\.1\"");

    private final HttpServer backend;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private volatile String firstFailure;
    private Thread client;

    private AccessTraffic(HttpServer backend) {
        this.backend = backend;
    }

    /** The backend, listening on a port of 127.0.0.1 ({@link #backendPort()}). */
    static AccessTraffic backend() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/", exchange -> {
            byte[] body = "ok\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
        return new AccessTraffic(server);
    }

    int backendPort() {
        return backend.getAddress().getPort();
    }

    /** Starts sending requests to {@code http://127.0.0.1:<frontendPort>/r/<id>}. */
    void start(int frontendPort) {
        running.set(true);
        client = new Thread(() -> {
            for (int id = 0; id < MAX_REQUESTS && running.get(); id++) {
                try {
                    HttpResponse<String> response = Http.get("http://127.0.0.1:" + frontendPort + "/r/" + id);
                    if (response.statusCode() == 200) {
                        answered.incrementAndGet();
                    } else {
                        fail(id + ": status " + response.statusCode());
                    }
                } catch (IOException e) {
                    fail(id + ": " + e);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "test-traffic");
        client.start();
    }

    private void fail(String what) {
        if (failed.getAndIncrement() == 0) {
            firstFailure = what;
        }
    }

    /** Stops the client after its current request; returns the number of requests sent (ids 0 to n - 1). */
    int stop() throws InterruptedException {
        running.set(false);
        client.join(20_000);
        if (client.isAlive()) {
            throw new AssertionError("the traffic client did not stop");
        }
        return answered.get() + failed.get();
    }

    int answered() {
        return answered.get();
    }

    /** Requests that did not get a 200, with the first one's story. */
    String failures() {
        return failed.get() == 0 ? "none" : failed.get() + " (first: " + firstFailure + ")";
    }

    /** The request id an access-log line is about, or -1 when it is about none. */
    static int idOf(String line) {
        Matcher m = ID.matcher(line);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    @Override
    public void close() throws InterruptedException {
        if (client != null && client.isAlive()) {
            stop();
        }
        backend.stop(0);
        ((java.util.concurrent.ExecutorService) backend.getExecutor()).shutdownNow();
    }
}
