package io.tollgate.engine.check;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code observe layer7} with {@code error-limit} and {@code on-error}: errors seen on live
 * traffic act on the server as HAProxy's health analysis does, counted in {@code hanafail}.
 */
class PassiveHealthTest {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static CheckedEngine engine(int upstreamPort, String onError) throws Exception {
        return CheckedEngine.start("""
                defaults
                  mode http
                  timeout connect 1s
                  timeout client 5s
                  timeout server 5s
                frontend fe
                  bind 127.0.0.1:%d
                  default_backend be
                backend be
                  server web 127.0.0.1:%d check inter 30s observe layer7 error-limit 3 on-error %s
                """.formatted(CheckedEngine.freePort(), upstreamPort, onError));
    }

    private static int get(CheckedEngine e) throws Exception {
        int port = e.engine().boundAddresses("fe").get(0).getPort();
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void markDownTakesTheServerDownAfterTheErrorLimit() throws Exception {
        try (FlippingHttpServer web = new FlippingHttpServer(); CheckedEngine e = engine(web.port(), "mark-down")) {
            CheckedEngine.await(Duration.ofSeconds(5), "first check", () -> "UP".equals(e.row("be", "web").get("status")));
            web.answer(500);
            assertThat(get(e)).isEqualTo(500);
            assertThat(get(e)).isEqualTo(500);
            assertThat(e.row("be", "web").get("status")).isEqualTo("UP");
            assertThat(get(e)).isEqualTo(500);
            assertThat(e.row("be", "web").get("status")).isEqualTo("DOWN");
            assertThat(e.row("be", "web").get("check_status")).isEqualTo("HANA");
            assertThat(e.row("be", "web").get("check_desc")).isEqualTo("Health analyze");
            assertThat(e.row("be", "web").get("last_chk"))
                    .isEqualTo("Detected 3 consecutive errors, last one was: Wrong http response");
            assertThat(e.row("be", "web").get("hanafail")).isEqualTo("1");
            assertThat(e.messages()).contains("Server be/web is DOWN, reason: Health analyze, info: \"Detected 3 "
                    + "consecutive errors, last one was: Wrong http response\". 0 active and 0 backup servers left. "
                    + "1 sessions active, 0 requeued, 0 remaining in queue."); // the request that saw the third error
            // down: the next request gets HAProxy's 503
            assertThat(get(e)).isEqualTo(503);
        }
    }

    @Test
    void failCheckCountsOneFailedCheckAndSuccessesClearTheRun() throws Exception {
        try (FlippingHttpServer web = new FlippingHttpServer(); CheckedEngine e = engine(web.port(), "fail-check")) {
            CheckedEngine.await(Duration.ofSeconds(5), "first check", () -> "UP".equals(e.row("be", "web").get("status")));
            web.answer(500);
            get(e);
            get(e);
            web.answer(200);
            get(e); // a good answer clears the run: two more errors do not reach the limit
            web.answer(500);
            get(e);
            get(e);
            assertThat(e.row("be", "web").get("hanafail")).isEqualTo("0");
            get(e);
            // rise 2 fall 3 at the top (4): one failed check leaves it UP 2/3
            assertThat(e.row("be", "web").get("status")).isEqualTo("UP 2/3");
            assertThat(e.row("be", "web").get("hanafail")).isEqualTo("1");
            assertThat(e.row("be", "web").get("chkfail")).isEqualTo("1");
            // 501 and 505 are not server errors for the analysis
            web.answer(501);
            for (int i = 0; i < 4; i++) {
                get(e);
            }
            assertThat(e.row("be", "web").get("hanafail")).isEqualTo("1");
        }
    }

    @Test
    void fastinterBringsTheNextCheckForward() throws Exception {
        try (FlippingHttpServer web = new FlippingHttpServer(); CheckedEngine e = engine(web.port(), "fastinter fastinter 100")) {
            CheckedEngine.await(Duration.ofSeconds(5), "first check", () -> e.checksOf("be", "web").size() == 1);
            web.answer(500);
            for (int i = 0; i < 3; i++) {
                get(e);
            }
            // inter is 30s: only the hastened check can come this soon
            CheckedEngine.await(Duration.ofSeconds(5), "a hastened check", () -> e.checksOf("be", "web").size() >= 2);
            assertThat(e.row("be", "web").get("hanafail")).isEqualTo("1");
            assertThat(e.row("be", "web").get("status")).isEqualTo("UP");
        }
    }
}
