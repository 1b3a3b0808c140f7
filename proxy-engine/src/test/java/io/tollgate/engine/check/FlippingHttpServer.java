package io.tollgate.engine.check;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/** A JDK HTTP server on 127.0.0.1 answering every request with a status a test sets. */
final class FlippingHttpServer implements AutoCloseable {
    private final HttpServer server;
    private final AtomicInteger status = new AtomicInteger(200);
    final AtomicInteger requests = new AtomicInteger();
    volatile String lastRequestLine = "";

    FlippingHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            lastRequestLine = exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + exchange.getProtocol();
            byte[] body = "ok\n".getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(status.get(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    void answer(int code) {
        status.set(code);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
