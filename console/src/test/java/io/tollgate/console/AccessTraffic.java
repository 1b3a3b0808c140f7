package io.tollgate.console;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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

    private static final byte[] END_OF_HEAD = {'\r', '\n', '\r', '\n'};
    private static final byte[] RESPONSE = "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nok\n"
            .getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket backend;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private volatile String firstFailure;
    private Thread client;

    private AccessTraffic(ServerSocket backend) {
        this.backend = backend;
    }

    /** The backend, listening on a port of 127.0.0.1 ({@link #backendPort()}). */
    static AccessTraffic backend() throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        AccessTraffic traffic = new AccessTraffic(server);
        Thread acceptor = new Thread(traffic::accept, "test-backend");
        acceptor.setDaemon(true);
        acceptor.start();
        return traffic;
    }

    /**
     * A configuration's lines: {@code globalLines} (the section with its {@code log} lines), then
     * an HTTP frontend {@code web} on {@code frontendPort} logging with {@code option httplog} to
     * the global targets, relaying to this backend.
     */
    String[] configWith(int frontendPort, String... globalLines) {
        java.util.List<String> lines = new java.util.ArrayList<>(java.util.List.of(globalLines));
        lines.addAll(java.util.List.of(
                "defaults",
                "    mode http",
                "    log global",
                "    option httplog",
                "    timeout connect 5s",
                "    timeout client 10s",
                "    timeout server 10s",
                "frontend web",
                "    bind 127.0.0.1:" + frontendPort,
                "    default_backend app",
                "backend app",
                "    server s1 127.0.0.1:" + backendPort()));
        return lines.toArray(String[]::new);
    }

    int backendPort() {
        return backend.getLocalPort();
    }

    private void accept() {
        while (!backend.isClosed()) {
            try {
                Socket connection = backend.accept();
                Thread serving = new Thread(() -> serve(connection), "test-backend-connection");
                serving.setDaemon(true);
                serving.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /**
     * Answers each request of a keep-alive connection with a small 200, in one write (the JDK's
     * HttpServer writes head and body apart and, without TCP_NODELAY, waits out delayed ACKs).
     */
    private static void serve(Socket connection) {
        try (connection; InputStream in = new BufferedInputStream(connection.getInputStream());
             OutputStream out = connection.getOutputStream()) {
            connection.setTcpNoDelay(true);
            int matched = 0;
            int b;
            while ((b = in.read()) >= 0) {
                matched = b == END_OF_HEAD[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
                if (matched == END_OF_HEAD.length) {
                    out.write(RESPONSE);
                    out.flush();
                    matched = 0;
                }
            }
        } catch (IOException e) {
            // the client went away
        }
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
        try {
            backend.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }
}
