package io.tollgate.engine.net;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * An HTTP server on a fixed loopback port that a test can stop (its port then refuses
 * connections, so checks fail) and start again on the same port (checks pass again). Answers
 * every request with {@code 200 ok}.
 */
final class RestartableHttpServer implements AutoCloseable {
    private static final byte[] BODY = "ok\n".getBytes(StandardCharsets.US_ASCII);

    private final int port;
    private HttpServer server;

    RestartableHttpServer() throws IOException {
        this.port = RunningEngine.freePort();
        start();
    }

    int port() {
        return port;
    }

    synchronized void start() throws IOException {
        if (server != null) {
            return;
        }
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 100);
        s.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, BODY.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(BODY);
            }
        });
        s.start();
        server = s;
    }

    synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
