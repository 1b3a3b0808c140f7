package io.tollgate.engine.net;

import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import static io.tollgate.engine.net.RunningEngine.freePort;
import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP relay over real loopback sockets, against a real Netty HTTP server. */
class HttpRelayTest {
    private Upstream upstream;
    private RunningEngine engine;
    private int port;

    @BeforeEach
    void start() throws Exception {
        upstream = new Upstream("s1");
        port = freePort();
        engine = RunningEngine.start("""
                global
                    maxconn 1000
                defaults
                    mode http
                    timeout connect 2s
                    timeout client 10s
                    timeout server 10s
                    option http-keep-alive
                    option forwardfor
                frontend fe
                    bind 127.0.0.1:%d
                    default_backend be
                backend be
                    server s1 127.0.0.1:%d
                """.formatted(port, upstream.port()));
    }

    @AfterEach
    void stop() {
        engine.close();
        upstream.close();
    }

    @Test
    void keepAliveReusesTheServerConnection() throws IOException {
        try (RawHttp c = new RawHttp(port)) {
            for (int i = 0; i < 50; i++) {
                RawHttp.Response r = c.get("/");
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.text()).isEqualTo("Hello! This is s1!\n");
            }
        }
        assertThat(upstream.requests()).isEqualTo(50);
        assertThat(upstream.connections()).isEqualTo(1);
        assertThat(engine.number("be", "s1", "connect")).isEqualTo(1);
        assertThat(engine.number("be", "s1", "reuse")).isEqualTo(49);
        assertThat(engine.number("fe", "FRONTEND", "req_tot")).isEqualTo(50);
        assertThat(engine.number("fe", "FRONTEND", "conn_tot")).isEqualTo(1);
    }

    @Test
    void separateClientsShareOnePooledServerConnectionWhenSequential() throws IOException {
        for (int i = 0; i < 5; i++) {
            try (RawHttp c = new RawHttp(port)) {
                assertThat(c.get("/").status()).isEqualTo(200);
            }
        }
        // each client may land on a different event loop; each loop keeps its own pool
        assertThat(upstream.connections()).isLessThanOrEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(engine.number("be", "s1", "reuse")).isGreaterThanOrEqualTo(5 - Runtime.getRuntime().availableProcessors());
    }

    @Test
    void addsXForwardedFor() throws IOException {
        try (RawHttp c = new RawHttp(port)) {
            assertThat(c.get("/headers").status()).isEqualTo(200);
        }
        assertThat(upstream.lastHeaders()).containsEntry("x-forwarded-for", "127.0.0.1");
    }

    @Test
    void malformedRequestGets400AndIsCountedAndTheProxyKeepsServing() throws IOException {
        try (RawHttp c = new RawHttp(port)) {
            c.send("GET / HTTP/1.1\r\nHost: x\r\nBad Header Without Colon\r\n\r\n");
            RawHttp.Response r = c.read(false);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.text()).contains("400 Bad request");
            assertThat(c.isClosedByPeer()).isTrue();
        }
        try (RawHttp c = new RawHttp(port)) {
            c.send("\u0001\u0002garbage\r\n\r\n");
            assertThat(c.read(false).status()).isEqualTo(400);
        }
        assertThat(engine.number("fe", "FRONTEND", "ereq")).isEqualTo(2);
        assertThat(engine.number("fe", "FRONTEND", "hrsp_4xx")).isEqualTo(2);
        assertThat(engine.number("fe", "FRONTEND", "req_tot")).isEqualTo(2);
        try (RawHttp c = new RawHttp(port)) {
            assertThat(c.get("/").status()).isEqualTo(200);
        }
        assertThat(upstream.requests()).isEqualTo(1);
    }

    @Test
    void streamsA200MegabyteResponseWithBoundedMemory() throws IOException {
        long size = 200L * 1024 * 1024;
        long before = usedHeap();
        long maxDelta = 0;
        long maxDirect = 0;
        try (RawHttp c = new RawHttp(port)) {
            c.send("GET /big?bytes=" + size + " HTTP/1.1\r\nHost: x\r\n\r\n");
            InputStream in = c.in();
            String head = readHead(in);
            assertThat(head).startsWith("HTTP/1.1 200").contains("content-length: " + size);
            byte[] buf = new byte[65536];
            long got = 0;
            long checked = 0;
            while (got < size) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, size - got));
                assertThat(n).isPositive();
                for (int i = 0; i < n; i++) {
                    if (buf[i] != Upstream.PATTERN[(int) ((got + i) % Upstream.PATTERN.length)]) {
                        throw new AssertionError("byte " + (got + i) + " differs");
                    }
                }
                got += n;
                if (got - checked > 16L * 1024 * 1024) {
                    checked = got;
                    maxDelta = Math.max(maxDelta, usedHeap() - before);
                    maxDirect = Math.max(maxDirect, PooledByteBufAllocator.DEFAULT.metric().usedDirectMemory());
                }
            }
            assertThat(got).isEqualTo(size);
        }
        // the body is never held whole: well under its size stays in use at any time
        assertThat(maxDelta).isLessThan(size / 2);
        assertThat(maxDirect).isLessThan(64L * 1024 * 1024);
        assertThat(engine.number("fe", "FRONTEND", "bout")).isGreaterThan(size);
        assertThat(engine.number("be", "s1", "bout")).isGreaterThan(size);
    }

    @Test
    void streamsA200MegabyteChunkedUpload() throws IOException {
        long size = 200L * 1024 * 1024;
        CRC32 crc = new CRC32();
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(60_000);
            OutputStream out = s.getOutputStream();
            out.write("POST /upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[65536];
            for (long sent = 0; sent < size; sent += chunk.length) {
                for (int i = 0; i < chunk.length; i++) {
                    chunk[i] = (byte) ((sent + i) * 31);
                }
                crc.update(chunk);
                out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String head = readHead(in);
            assertThat(head).startsWith("HTTP/1.1 200");
            String body = new String(in.readNBytes(Integer.parseInt(header(head, "content-length"))), StandardCharsets.US_ASCII);
            assertThat(body).isEqualTo(size + " " + crc.getValue());
        }
        assertThat(engine.number("fe", "FRONTEND", "bin")).isGreaterThan(size);
        assertThat(engine.number("be", "BACKEND", "bin")).isGreaterThan(size);
    }

    @Test
    void aClientThatStopsReadingStopsTheServer() throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setReceiveBufferSize(64 * 1024);
            s.getOutputStream().write("GET /endless HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            // read nothing: the server must be held back by the relay's backpressure
            RunningEngine.sleep(1500);
            long first = upstream.bytesSent();
            RunningEngine.sleep(1500);
            long second = upstream.bytesSent();
            assertThat(second).isLessThan(16L * 1024 * 1024);
            assertThat(second - first).isLessThan(512 * 1024);
        }
    }

    @Test
    void http10ClientGetsABodyItCanRead() throws IOException {
        try (RawHttp c = new RawHttp(port)) {
            c.send("GET /big?bytes=100000&chunked=1 HTTP/1.0\r\n\r\n");
            RawHttp.Response r = c.read(false);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("transfer-encoding")).isNull();
            assertThat(r.body()).hasSize(100000);
        }
    }

    @Test
    void closeDelimitedResponseClosesTheClientAfterTheBody() throws IOException {
        try (RawHttp c = new RawHttp(port)) {
            RawHttp.Response r = c.get("/close");
            assertThat(r.text()).isEqualTo("until close\n");
        }
    }

    @Test
    void upgradeBecomesATunnel() throws IOException {
        try (RawHttp c = new RawHttp(port)) {
            c.send("GET /ws HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n");
            RawHttp.Response r = c.read(true);
            assertThat(r.status()).isEqualTo(101);
            c.send("raw bytes \u0000\u0001 not http\r\n\r\n");
            byte[] echo = c.in().readNBytes("raw bytes \u0000\u0001 not http\r\n\r\n".length());
            assertThat(new String(echo, StandardCharsets.ISO_8859_1)).isEqualTo("raw bytes \u0000\u0001 not http\r\n\r\n");
        }
        assertThat(engine.number("fe", "FRONTEND", "hrsp_1xx")).isEqualTo(1);
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws IOException {
        try (RawHttp c = new RawHttp(port)) {
            c.send("GET /status?code=201 HTTP/1.1\r\nHost: x\r\n\r\nGET /status?code=202 HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET /status?code=203 HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(c.read(false).status()).isEqualTo(201);
            assertThat(c.read(false).status()).isEqualTo(202);
            assertThat(c.read(false).status()).isEqualTo(203);
        }
    }

    @Test
    void headRequestHasNoBody() throws IOException {
        try (RawHttp c = new RawHttp(port)) {
            c.send("HEAD / HTTP/1.1\r\nHost: x\r\n\r\n");
            RawHttp.Response r = c.read(true);
            assertThat(r.status()).isEqualTo(200);
            assertThat(c.get("/").text()).isEqualTo("Hello! This is s1!\n");
        }
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        while (!sb.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("closed in head: " + sb);
            }
            sb.append((char) c);
        }
        return sb.toString();
    }

    private static String header(String head, String name) {
        for (String l : head.split("\r\n")) {
            int i = l.indexOf(':');
            if (i > 0 && l.substring(0, i).equalsIgnoreCase(name)) {
                return l.substring(i + 1).trim();
            }
        }
        return null;
    }
}
