package io.tollgate.engine.net;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static io.tollgate.engine.net.RunningEngine.freePort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Timeouts, connection modes, frontend maxconn and several binds, over real sockets. */
class ConnectionLimitsTest {
    private Upstream upstream;
    private RunningEngine engine;

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
        if (upstream != null) {
            upstream.close();
        }
    }

    private int start(String defaults, String frontend) throws Exception {
        upstream = new Upstream("s1");
        int port = freePort();
        engine = RunningEngine.start("""
                defaults
                    mode http
                    timeout connect 2s
                    timeout client 10s
                    timeout server 10s
                %s
                frontend fe
                    bind 127.0.0.1:%d
                %s
                    default_backend be
                backend be
                    server s1 127.0.0.1:%d
                """.formatted(defaults, port, frontend, upstream.port()));
        return port;
    }

    @Test
    void anIncompleteFirstRequestGets408AtTimeoutHttpRequest() throws Exception {
        int port = start("    timeout http-request 300ms", "");
        try (RawHttp c = new RawHttp(port)) {
            c.send("GET / HTTP/1.1\r\nHost: x\r\n");
            long t0 = System.nanoTime();
            RawHttp.Response r = c.read(false);
            assertThat(r.status()).isEqualTo(408);
            assertThat(r.text()).contains("408 Request Time-out");
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isBetween(200L, 3000L);
        }
        assertThat(engine.row("fe", "FRONTEND")).containsEntry("ereq", "1").containsEntry("hrsp_4xx", "1")
                .containsEntry("req_tot", "1");
        assertThat(upstream.requests()).isZero();
    }

    @Test
    void anIdleKeepAliveConnectionClosesSilentlyAtTimeoutHttpKeepAlive() throws Exception {
        int port = start("    timeout http-keep-alive 300ms", "");
        try (RawHttp c = new RawHttp(port)) {
            long t0 = System.nanoTime();
            assertThat(c.get("/").status()).isEqualTo(200);
            assertThat(c.isClosedByPeer()).isTrue();
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isBetween(300L, 3000L);
        }
        assertThat(engine.row("fe", "FRONTEND")).containsEntry("ereq", "0").containsEntry("hrsp_4xx", "0");
    }

    @Test
    void aSilentServerGets504AtTimeoutServer() throws Exception {
        int port = start("    timeout server 300ms", "");
        try (RawHttp c = new RawHttp(port)) {
            RawHttp.Response r = c.get("/slow?ms=3000");
            assertThat(r.status()).isEqualTo(504);
            assertThat(r.text()).contains("504 Gateway Time-out");
        }
        assertThat(engine.row("be", "s1")).containsEntry("eresp", "1").containsEntry("hrsp_5xx", "1");
        assertThat(engine.row("be", "BACKEND")).containsEntry("eresp", "1").containsEntry("hrsp_5xx", "1");
        assertThat(engine.row("fe", "FRONTEND")).containsEntry("hrsp_5xx", "1");
    }

    @Test
    void httpcloseClosesBothSidesAfterEachResponse() throws Exception {
        int port = start("    option httpclose", "");
        for (int i = 0; i < 3; i++) {
            try (RawHttp c = new RawHttp(port)) {
                RawHttp.Response r = c.get("/");
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.header("connection")).isEqualTo("close");
                assertThat(c.isClosedByPeer()).isTrue();
            }
        }
        assertThat(upstream.connections()).isEqualTo(3);
        assertThat(engine.number("be", "s1", "reuse")).isZero();
    }

    @Test
    void httpServerCloseKeepsTheClientButNotTheServerConnection() throws Exception {
        int port = start("    option http-server-close", "");
        try (RawHttp c = new RawHttp(port)) {
            for (int i = 0; i < 3; i++) {
                RawHttp.Response r = c.get("/headers");
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.header("connection")).isNull();
            }
            assertThat(upstream.lastHeaders()).containsEntry("connection", "close");
        }
        assertThat(upstream.connections()).isEqualTo(3);
        assertThat(engine.number("fe", "FRONTEND", "conn_tot")).isEqualTo(1);
    }

    @Test
    void frontendMaxconnHoldsNewConnectionsUntilASessionEnds() throws Exception {
        int port = start("", "    maxconn 2");
        try (RawHttp a = new RawHttp(port); RawHttp b = new RawHttp(port)) {
            assertThat(a.get("/").status()).isEqualTo(200);
            assertThat(b.get("/").status()).isEqualTo(200);
            try (Socket third = new Socket("127.0.0.1", port)) {
                third.setSoTimeout(700);
                third.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                // the kernel accepted the connection, but Tollgate does not take it while full
                assertThatThrownBy(() -> third.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
                assertThat(engine.row("fe", "FRONTEND")).containsEntry("scur", "2").containsEntry("slim", "2");
                a.close();
                third.setSoTimeout(5000);
                String head = new String(third.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
                assertThat(head).isEqualTo("HTTP/1.1 200");
            }
        }
        assertThat(engine.number("fe", "FRONTEND", "smax")).isEqualTo(2);
        assertThat(engine.number("fe", "FRONTEND", "stot")).isEqualTo(3);
    }

    @Test
    void everyBindLineListensOnIpv4AndIpv6() throws Exception {
        upstream = new Upstream("s1");
        int v4 = freePort();
        int v6 = freePort();
        engine = RunningEngine.start("""
                defaults
                    mode http
                    timeout connect 2s
                    timeout client 10s
                    timeout server 10s
                frontend fe
                    bind 127.0.0.1:%d
                    bind [::1]:%d
                    default_backend be
                backend be
                    server s1 127.0.0.1:%d
                """.formatted(v4, v6, upstream.port()));
        assertThat(engine.engine().boundAddresses("fe")).hasSize(2);
        try (RawHttp c = new RawHttp(v4)) {
            assertThat(c.get("/").status()).isEqualTo(200);
        }
        try (Socket s = new Socket("::1", v6)) {
            s.setSoTimeout(5000);
            s.getOutputStream().write("GET /headers HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 200");
        }
        assertThat(engine.number("fe", "FRONTEND", "conn_tot")).isEqualTo(2);
    }

    @Test
    void aServerWithoutPortUsesThePortTheClientConnectedTo() throws Exception {
        upstream = new Upstream("s1");
        // the frontend listens on the upstream's port number, on another loopback address
        int port = upstream.port();
        engine = RunningEngine.start("""
                defaults
                    mode http
                    timeout connect 2s
                    timeout client 10s
                    timeout server 10s
                frontend fe
                    bind 127.0.0.2:%d
                    default_backend be
                backend be
                    server s1 127.0.0.1
                """.formatted(port));
        try (Socket s = new Socket("127.0.0.2", port)) {
            s.setSoTimeout(5000);
            s.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII)).endsWith("Hello! This is s1!\n");
        }
    }

}
