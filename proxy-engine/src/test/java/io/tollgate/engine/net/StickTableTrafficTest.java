package io.tollgate.engine.net;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.tollgate.engine.net.RunningEngine.freePort;
import static org.assertj.core.api.Assertions.assertThat;

/** Stick tables over real sockets: rate limiting by tracked counters, connection limits, src_* lookups. */
class StickTableTrafficTest {
    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
    }

    private RunningEngine start(String frontendLines) throws Exception {
        Upstream app = new Upstream("app");
        closing.add(app);
        int port = freePort();
        RunningEngine e = RunningEngine.start("""
                defaults
                    mode http
                    timeout connect 2s
                    timeout client 10s
                    timeout server 10s
                frontend fe
                    bind 127.0.0.1:%d
                %s
                    default_backend be
                backend be
                    server app 127.0.0.1:%d
                """.formatted(port, frontendLines, app.port()));
        closing.add(e);
        return e;
    }

    private static int port(RunningEngine e) {
        return e.engine().boundAddresses().get(0).getPort();
    }

    @Test
    void rateLimitingAnswers429AboveTheLimitAndRecoversAfterTheWindow() throws Exception {
        RunningEngine e = start("""
                    stick-table type ip size 100k expire 30s store http_req_rate(1s),http_err_cnt
                    http-request track-sc0 src
                    http-request deny deny_status 429 if { sc_http_req_rate(0) gt 5 }
                    http-request set-header X-Rate %[sc_http_req_rate(0)]
                """);
        int port = port(e);
        List<Integer> statuses = new ArrayList<>();
        try (RawHttp c = new RawHttp(port)) {
            for (int i = 0; i < 8; i++) {
                statuses.add(c.get("/").status());
            }
        }
        assertThat(statuses).containsExactly(200, 200, 200, 200, 200, 429, 429, 429);
        assertThat(e.number("fe", "FRONTEND", "dreq")).isEqualTo(3);
        var table = e.engine().proxies().table("fe");
        assertThat(table.used()).isEqualTo(1);
        assertThat(table.dump()).contains("key=127.0.0.1").contains("http_err_cnt=3");
        // two whole periods later the rate has decayed to nothing
        RunningEngine.sleep(2_100);
        try (RawHttp c = new RawHttp(port)) {
            assertThat(c.get("/headers").text()).contains("X-Rate: 1");
        }
    }

    @Test
    void connectionTrackingRejectsAboveAConnectionRate() throws Exception {
        RunningEngine e = start("""
                    stick-table type ip size 1k expire 30s store conn_rate(10s),conn_cur
                    tcp-request connection track-sc1 src
                    tcp-request connection reject if { sc1_conn_rate gt 3 }
                """);
        int port = port(e);
        for (int i = 0; i < 3; i++) {
            try (RawHttp c = new RawHttp(port)) {
                assertThat(c.get("/").status()).isEqualTo(200);
            }
        }
        try (RawHttp c = new RawHttp(port)) {
            assertThat(c.isClosedWithoutAnswer()).isTrue();
        }
        assertThat(e.number("fe", "FRONTEND", "dcon")).isEqualTo(1);
    }

    @Test
    void sourceLookupsReadTheTableWithoutTracking() throws Exception {
        RunningEngine e = start("""
                    stick-table type ip size 1k expire 30s store http_req_cnt,gpc0
                    http-request track-sc2 src if { path /count }
                    http-request return status 200 content-type text/plain lf-string "%[src_http_req_cnt] %[sc2_get_gpc0]" if { path /show }
                """);
        int port = port(e);
        try (RawHttp c = new RawHttp(port)) {
            c.get("/count");
            c.get("/count");
            assertThat(c.get("/show").text()).isEqualTo("2 -");
        }
    }
}
