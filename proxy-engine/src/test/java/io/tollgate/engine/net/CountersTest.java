package io.tollgate.engine.net;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.tollgate.engine.net.RunningEngine.freePort;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every counter of the foundation issue, moved by known traffic and read back through the CSV
 * that operators' tools parse (so the whole chain, counters to snapshot to writer, is covered).
 */
class CountersTest {
    private Upstream upstream;
    private RunningEngine engine;
    private int port;

    @BeforeEach
    void start() throws Exception {
        upstream = new Upstream("s1");
        port = freePort();
        engine = RunningEngine.start("""
                global
                    maxconn 500
                defaults
                    mode http
                    timeout connect 2s
                    timeout client 10s
                    timeout server 10s
                frontend fe
                    bind 127.0.0.1:%d
                    maxconn 300
                    default_backend be
                backend be
                    cookie SRVID insert indirect nocache
                    server s1 127.0.0.1:%d cookie c1 weight 7 maxconn 50 maxqueue 9
                    server idle 127.0.0.1:%d backup
                """.formatted(port, upstream.port(), upstream.port()));
    }

    @AfterEach
    void stop() {
        engine.close();
        upstream.close();
    }

    @Test
    void configurationAndIdentityFields() {
        Map<String, String> fe = engine.row("fe", "FRONTEND");
        Map<String, String> s1 = engine.row("be", "s1");
        Map<String, String> be = engine.row("be", "BACKEND");
        assertThat(fe).containsEntry("type", "0").containsEntry("pid", "1").containsEntry("iid", "1")
                .containsEntry("sid", "0").containsEntry("status", "OPEN").containsEntry("mode", "http")
                .containsEntry("slim", "300");
        assertThat(s1).containsEntry("type", "2").containsEntry("iid", "2").containsEntry("sid", "1")
                .containsEntry("status", "no check").containsEntry("weight", "7").containsEntry("act", "1")
                .containsEntry("bck", "0").containsEntry("addr", "127.0.0.1:" + upstream.port())
                .containsEntry("cookie", "c1").containsEntry("slim", "50").containsEntry("qlimit", "9")
                .containsEntry("lastsess", "-1");
        assertThat(engine.row("be", "idle")).containsEntry("sid", "2").containsEntry("act", "0").containsEntry("bck", "1");
        assertThat(be).containsEntry("type", "1").containsEntry("status", "UP").containsEntry("weight", "7")
                .containsEntry("act", "1").containsEntry("bck", "1").containsEntry("algo", "roundrobin")
                .containsEntry("cookie", "SRVID").containsEntry("slim", "30");
        assertThat(Long.parseLong(be.get("lastchg"))).isBetween(0L, 60L);
        assertThat(Long.parseLong(s1.get("lastchg"))).isBetween(0L, 60L);
    }

    @Test
    void requestsSessionsRatesAndStatusClasses() throws IOException {
        try (RawHttp a = new RawHttp(port); RawHttp b = new RawHttp(port)) {
            for (int code : new int[] {200, 201, 301, 404, 500, 503, 600}) {
                assertThat(a.get("/status?code=" + code).status()).isEqualTo(code);
            }
            assertThat(b.get("/").status()).isEqualTo(200);
            assertThat(engine.number("fe", "FRONTEND", "scur")).isEqualTo(2);
        }
        RunningEngine.sleep(100);
        assertThat(engine.number("fe", "FRONTEND", "scur")).isZero();
        assertThat(engine.number("fe", "FRONTEND", "smax")).isEqualTo(2);
        assertThat(engine.number("fe", "FRONTEND", "stot")).isEqualTo(2);
        assertThat(engine.number("fe", "FRONTEND", "conn_tot")).isEqualTo(2);
        assertThat(engine.number("fe", "FRONTEND", "conn_rate")).isEqualTo(2);
        assertThat(engine.number("fe", "FRONTEND", "conn_rate_max")).isEqualTo(2);
        assertThat(engine.number("fe", "FRONTEND", "rate")).isEqualTo(2);
        assertThat(engine.number("fe", "FRONTEND", "rate_max")).isEqualTo(2);
        assertThat(engine.number("fe", "FRONTEND", "req_tot")).isEqualTo(8);
        assertThat(engine.number("fe", "FRONTEND", "req_rate")).isEqualTo(8);
        assertThat(engine.number("fe", "FRONTEND", "req_rate_max")).isEqualTo(8);
        for (String[] row : new String[][] {{"fe", "FRONTEND"}, {"be", "BACKEND"}, {"be", "s1"}}) {
            assertThat(engine.number(row[0], row[1], "hrsp_1xx")).isZero();
            assertThat(engine.number(row[0], row[1], "hrsp_2xx")).isEqualTo(3);
            assertThat(engine.number(row[0], row[1], "hrsp_3xx")).isEqualTo(1);
            assertThat(engine.number(row[0], row[1], "hrsp_4xx")).isEqualTo(1);
            assertThat(engine.number(row[0], row[1], "hrsp_5xx")).isEqualTo(2);
            assertThat(engine.number(row[0], row[1], "hrsp_other")).isEqualTo(1);
        }
        assertThat(engine.number("be", "s1", "stot")).isEqualTo(8);
        assertThat(engine.number("be", "BACKEND", "stot")).isEqualTo(8);
        assertThat(engine.number("be", "s1", "req_tot")).isEqualTo(8);
        assertThat(engine.number("be", "s1", "lbtot")).isEqualTo(8);
        assertThat(engine.number("be", "s1", "rate")).isEqualTo(8);
        assertThat(engine.number("be", "s1", "rate_max")).isEqualTo(8);
        assertThat(engine.number("be", "s1", "scur")).isZero();
        assertThat(engine.number("be", "s1", "smax")).isBetween(1L, 2L);
        assertThat(engine.number("be", "s1", "lastsess")).isZero();
        assertThat(engine.number("be", "idle", "lastsess")).isEqualTo(-1);
        assertThat(engine.number("fe", "FRONTEND", "dreq")).isZero();
        assertThat(engine.number("fe", "FRONTEND", "dresp")).isZero();
        assertThat(engine.number("be", "BACKEND", "dreq")).isZero();
        assertThat(engine.number("be", "s1", "dresp")).isZero();
        assertThat(engine.number("fe", "FRONTEND", "bin")).isGreaterThan(8 * 30);
        assertThat(engine.number("fe", "FRONTEND", "bout")).isGreaterThan(8 * 40);
        assertThat(engine.number("be", "s1", "bin")).isGreaterThan(8 * 30);
        assertThat(engine.number("be", "BACKEND", "bout")).isEqualTo(engine.number("be", "s1", "bout"));
    }

    @Test
    void timesAreAveragedInMilliseconds() throws IOException {
        try (RawHttp c = new RawHttp(port)) {
            for (int i = 0; i < 3; i++) {
                assertThat(c.get("/slow?ms=200").status()).isEqualTo(200);
            }
        }
        for (String sv : new String[] {"s1", "BACKEND"}) {
            assertThat(engine.number("be", sv, "qtime")).isZero();
            assertThat(engine.number("be", sv, "qtime_max")).isZero();
            assertThat(engine.number("be", sv, "ctime")).isBetween(0L, 100L);
            assertThat(engine.number("be", sv, "ctime_max")).isBetween(0L, 100L);
            assertThat(engine.number("be", sv, "rtime")).isBetween(150L, 400L);
            assertThat(engine.number("be", sv, "rtime_max")).isBetween(200L, 400L);
            assertThat(engine.number("be", sv, "ttime")).isBetween(150L, 500L);
            assertThat(engine.number("be", sv, "ttime_max")).isBetween(200L, 500L);
        }
    }

    @Test
    void serverFailuresCountAsResponseErrorsAndAborts() throws IOException {
        try (RawHttp c = new RawHttp(port)) {
            RawHttp.Response r = c.get("/drop");
            assertThat(r.status()).isEqualTo(502);
        }
        assertThat(engine.number("be", "s1", "eresp")).isEqualTo(1);
        assertThat(engine.number("be", "BACKEND", "eresp")).isEqualTo(1);
        assertThat(engine.number("be", "s1", "srv_abrt")).isZero();
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(5000);
            s.getOutputStream().write("GET /abort HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] all = s.getInputStream().readAllBytes();
            assertThat(new String(all, StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 200");
        }
        RunningEngine.sleep(100);
        assertThat(engine.number("be", "s1", "srv_abrt")).isEqualTo(1);
        assertThat(engine.number("be", "BACKEND", "srv_abrt")).isEqualTo(1);
        assertThat(engine.number("be", "s1", "eresp")).isEqualTo(2);
    }

    @Test
    void aServerThatDoesNotSpeakHttpGets502AndAResponseError() throws Exception {
        try (TcpTestServer notHttp = new TcpTestServer(TcpTestServer.Mode.NOT_HTTP)) {
            int port2 = freePort();
            try (RunningEngine other = RunningEngine.start("""
                    defaults
                        mode http
                        timeout connect 2s
                        timeout client 5s
                        timeout server 5s
                    listen app
                        bind 127.0.0.1:%d
                        server ssh 127.0.0.1:%d
                    """.formatted(port2, notHttp.port()))) {
                try (RawHttp c = new RawHttp(port2)) {
                    RawHttp.Response r = c.get("/");
                    assertThat(r.status()).isEqualTo(502);
                    assertThat(r.text()).contains("The server returned an invalid or incomplete response.");
                }
                assertThat(other.row("app", "ssh")).containsEntry("eresp", "1").containsEntry("hrsp_5xx", "1");
                assertThat(other.row("app", "FRONTEND")).containsEntry("hrsp_5xx", "1");
            }
        }
    }

    @Test
    void aClientLeavingMidResponseIsACLientAbort() throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.getOutputStream().write("GET /endless HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(s.getInputStream().readNBytes(1000)).hasSize(1000);
        }
        for (int i = 0; i < 50 && engine.number("be", "s1", "cli_abrt") == 0; i++) {
            RunningEngine.sleep(50);
        }
        assertThat(engine.number("be", "s1", "cli_abrt")).isEqualTo(1);
        assertThat(engine.number("be", "BACKEND", "cli_abrt")).isEqualTo(1);
        assertThat(engine.number("be", "s1", "scur")).isZero();
    }
}
