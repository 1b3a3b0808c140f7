package io.tollgate.engine.net;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.tollgate.engine.net.RunningEngine.freePort;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code http-request}, {@code http-response}, {@code redirect} and {@code monitor-uri} over real
 * sockets, in front of a real upstream. Expected bytes are those haproxy 2.6.12 sends for the
 * same rules (captured with socat against Debian's haproxy).
 */
class HttpRulesTest {
    private final List<AutoCloseable> closing = new ArrayList<>();
    private Upstream upstream;

    @BeforeEach
    void upstream() throws Exception {
        upstream = new Upstream("app");
        closing.add(upstream);
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
    }

    private RunningEngine engine(int port, String frontendRules, String backendRules) throws Exception {
        RunningEngine e = RunningEngine.start("""
                defaults
                    mode http
                    timeout connect 2s
                    timeout client 10s
                    timeout server 10s
                    timeout tarpit 300ms
                frontend fe
                    bind 127.0.0.1:%d
                %s
                    default_backend be
                backend be
                %s
                    server app 127.0.0.1:%d
                """.formatted(port, frontendRules, backendRules, upstream.port()));
        closing.add(e);
        return e;
    }

    @Test
    void denyAnswersHaproxysForbiddenPageAndKeepsTheConnection() throws Exception {
        int port = freePort();
        RunningEngine e = engine(port, """
                    acl blocked path_beg /admin
                    http-request deny if blocked
                    http-request deny deny_status 429 if { path /slowdown }
                """, "");
        try (RawHttp c = new RawHttp(port)) {
            RawHttp.Response r = c.get("/admin/x");
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.text()).isEqualTo("<html><body><h1>403 Forbidden</h1>\nRequest forbidden by administrative rules.\n</body></html>\n");
            assertThat(r.header("cache-control")).isEqualTo("no-cache");
            assertThat(r.header("connection")).isNull();
            RawHttp.Response limited = c.get("/slowdown");
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.text()).contains("429 Too Many Requests");
            assertThat(c.get("/ok").text()).isEqualTo("Hello! This is app!\n");
        }
        assertThat(e.number("fe", "FRONTEND", "dreq")).isEqualTo(2);
        assertThat(e.number("fe", "FRONTEND", "hrsp_4xx")).isEqualTo(2);
        assertThat(e.number("fe", "FRONTEND", "req_tot")).isEqualTo(3);
        assertThat(e.number("be", "BACKEND", "dreq")).isZero();
        assertThat(e.number("be", "BACKEND", "stot")).isEqualTo(1);
    }

    @Test
    void backendRulesCountOnBothProxies() throws Exception {
        int port = freePort();
        RunningEngine e = engine(port, "", "    http-request deny if { method DELETE }");
        try (RawHttp c = new RawHttp(port)) {
            c.send("DELETE /x HTTP/1.1\r\nHost: t\r\n\r\n");
            assertThat(c.read(false).status()).isEqualTo(403);
        }
        assertThat(e.number("fe", "FRONTEND", "dreq")).isEqualTo(1);
        assertThat(e.number("be", "BACKEND", "dreq")).isEqualTo(1);
        assertThat(e.number("be", "BACKEND", "hrsp_4xx")).isEqualTo(1);
    }

    @Test
    void returnAuthAndRedirectsAreIntercepted() throws Exception {
        int port = freePort();
        RunningEngine e = engine(port, """
                    http-request return status 200 content-type text/plain string "hello" hdr X-Kind demo if { path /ret }
                    http-request auth realm Private if { path_beg /private }
                    http-request redirect location /new code 301 if { path /r1 }
                    http-request redirect prefix /pfx drop-query if { path_beg /r2 }
                    http-request redirect scheme https if { path /r3 }
                    http-request redirect prefix /pfx append-slash set-cookie FOO=bar if { path_beg /r4 }
                    redirect location /loc if { path /old }
                """, "");
        try (RawHttp c = new RawHttp(port)) {
            RawHttp.Response ret = c.get("/ret");
            assertThat(ret.status()).isEqualTo(200);
            assertThat(ret.text()).isEqualTo("hello");
            assertThat(ret.header("content-type")).isEqualTo("text/plain");
            assertThat(ret.header("x-kind")).isEqualTo("demo");
            RawHttp.Response auth = c.get("/private/a");
            assertThat(auth.status()).isEqualTo(401);
            assertThat(auth.header("www-authenticate")).isEqualTo("Basic realm=\"Private\"");
            assertThat(auth.text()).contains("You need a valid user and password to access this content.");
            RawHttp.Response r1 = c.get("/r1");
            assertThat(r1.status()).isEqualTo(301);
            assertThat(r1.header("location")).isEqualTo("/new");
            assertThat(r1.header("cache-control")).isNull();
            assertThat(c.get("/r2/x?a=1").header("location")).isEqualTo("/pfx/r2/x");
            RawHttp.Response r3 = c.get("/r3?q");
            assertThat(r3.status()).isEqualTo(302);
            assertThat(r3.header("location")).isEqualTo("https://test/r3?q");
            assertThat(r3.header("cache-control")).isEqualTo("no-cache");
            RawHttp.Response r4 = c.get("/r4/y");
            assertThat(r4.header("location")).isEqualTo("/pfx/r4/y/");
            assertThat(r4.header("set-cookie")).isEqualTo("FOO=bar; path=/;");
            assertThat(c.get("/old").header("location")).isEqualTo("/loc");
            assertThat(c.get("/other").text()).isEqualTo("Hello! This is app!\n");
        }
        assertThat(e.number("fe", "FRONTEND", "intercepted")).isEqualTo(7);
        assertThat(e.number("fe", "FRONTEND", "hrsp_3xx")).isEqualTo(5);
        assertThat(e.number("fe", "FRONTEND", "dreq")).isZero();
    }

    @Test
    void allowStopsTheRulesButNotTheRedirects() throws Exception {
        int port = freePort();
        engine(port, """
                    http-request allow if { src 127.0.0.1 }
                    http-request deny
                    redirect location /moved if { path /gone }
                """, "");
        try (RawHttp c = new RawHttp(port)) {
            assertThat(c.get("/x").status()).isEqualTo(200);
            assertThat(c.get("/gone").header("location")).isEqualTo("/moved");
        }
    }

    @Test
    void headerActionsRewriteWhatTheServerSees() throws Exception {
        int port = freePort();
        engine(port, """
                    http-request set-header X-Client %[src]:%cp
                    http-request add-header X-Multi one
                    http-request add-header X-Multi two
                    http-request del-header X-Secret
                    http-request del-header X-Drop- -m beg
                    http-request replace-header User-Agent ^curl/(.*)$ agent-\\1
                    http-request set-header X-Host %[req.hdr(host),upper]
                """, "");
        try (RawHttp c = new RawHttp(port)) {
            c.send("GET /headers HTTP/1.1\r\nHost: test\r\nX-Secret: s\r\nX-Drop-One: 1\r\nX-Drop-Two: 2\r\n"
                    + "User-Agent: curl/8.0\r\n\r\n");
            String seen = c.read(false).text().toLowerCase();
            assertThat(seen).containsPattern("x-client: 127\\.0\\.0\\.1:\\d+");
            assertThat(seen).contains("x-multi: one\nx-multi: two");
            assertThat(seen).doesNotContain("x-secret").doesNotContain("x-drop-");
            assertThat(seen).contains("user-agent: agent-8.0");
            assertThat(seen).contains("x-host: test");
        }
    }

    @Test
    void replaceValueWorksOnEachCommaSeparatedValue() throws Exception {
        int port = freePort();
        engine(port, "    http-request replace-value X-List ^b$ B", "");
        try (RawHttp c = new RawHttp(port)) {
            c.send("GET /headers HTTP/1.1\r\nHost: test\r\nX-List: a, b, c\r\n\r\n");
            assertThat(c.read(false).text()).contains("X-List: a, B, c");
        }
    }

    @Test
    void requestLineActionsRewriteTheTarget() throws Exception {
        int port = freePort();
        engine(port, """
                    http-request set-path /v2%[path] if { path_beg /api }
                    http-request set-query lang=fr if { path_beg /v2/api/q }
                    http-request set-method POST if { path /m }
                    http-request set-uri /whole?x=1 if { path /u }
                    http-request replace-path /old/(.*) /new/\\1
                """, "");
        try (RawHttp c = new RawHttp(port)) {
            assertThat(c.get("/api/items?id=3").header("x-seen")).isEqualTo("GET /v2/api/items?id=3");
            assertThat(c.get("/api/q?a=b").header("x-seen")).isEqualTo("GET /v2/api/q?lang=fr");
            assertThat(c.get("/m").header("x-seen")).isEqualTo("POST /m");
            assertThat(c.get("/u").header("x-seen")).isEqualTo("GET /whole?x=1");
            assertThat(c.get("/old/a/b?k").header("x-seen")).isEqualTo("GET /new/a/b?k");
        }
    }

    @Test
    void variablesCarryValuesFromRequestToResponse() throws Exception {
        int port = freePort();
        engine(port, """
                    http-request set-var(txn.host) req.hdr(host),lower
                    http-request set-var-fmt(sess.first) %[path] unless { var(sess.first) -m found }
                    http-response set-header X-Host %[var(txn.host)]
                    http-response set-header X-First %[var(sess.first)]
                """, "");
        try (RawHttp c = new RawHttp(port)) {
            c.send("GET /a HTTP/1.1\r\nHost: EXAMPLE.org\r\n\r\n");
            RawHttp.Response r = c.read(false);
            assertThat(r.header("x-host")).isEqualTo("example.org");
            assertThat(r.header("x-first")).isEqualTo("/a");
            assertThat(c.get("/b").header("x-first")).isEqualTo("/a");
        }
    }

    @Test
    void responseRulesRewriteOrDenyTheServersAnswer() throws Exception {
        int port = freePort();
        RunningEngine e = engine(port, """
                    http-response set-header X-Frontend yes
                """, """
                    http-response deny if { status 500 }
                    http-response set-status 418 reason Teapot if { status 404 }
                    http-response del-header X-Seen
                """);
        try (RawHttp c = new RawHttp(port)) {
            RawHttp.Response ok = c.get("/");
            assertThat(ok.header("x-frontend")).isEqualTo("yes");
            assertThat(ok.header("x-seen")).isNull();
            RawHttp.Response denied = c.get("/status?code=500");
            assertThat(denied.status()).isEqualTo(502);
            assertThat(denied.text()).contains("502 Bad Gateway");
            assertThat(c.get("/status?code=404").status()).isEqualTo(418);
            assertThat(c.get("/").status()).isEqualTo(200);
        }
        assertThat(e.number("fe", "FRONTEND", "dresp")).isEqualTo(1);
        assertThat(e.number("be", "BACKEND", "dresp")).isEqualTo(1);
        assertThat(e.number("be", "app", "dresp")).isEqualTo(1);
        assertThat(e.number("be", "BACKEND", "hrsp_5xx")).isEqualTo(1);
        assertThat(e.number("be", "BACKEND", "hrsp_4xx")).isEqualTo(1);
    }

    @Test
    void tarpitHoldsTheRequestThenAnswers500() throws Exception {
        int port = freePort();
        RunningEngine e = engine(port, "    http-request tarpit if { path /trap }", "");
        try (RawHttp c = new RawHttp(port)) {
            long start = System.nanoTime();
            RawHttp.Response r = c.get("/trap");
            assertThat(r.status()).isEqualTo(500);
            assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(250_000_000L);
        }
        assertThat(e.number("fe", "FRONTEND", "dreq")).isEqualTo(1);
    }

    @Test
    void monitorUriAnswersItselfAndFailsOnCondition() throws Exception {
        int port = freePort();
        RunningEngine e = engine(port, """
                    monitor-uri /health
                    acl maintenance req.hdr(x-maint) -m found
                    monitor fail if maintenance
                """, "");
        try (RawHttp c = new RawHttp(port)) {
            RawHttp.Response ok = c.get("/health");
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.text()).contains("Service ready.");
            c.send("GET /health HTTP/1.1\r\nHost: t\r\nX-Maint: 1\r\n\r\n");
            assertThat(c.read(false).status()).isEqualTo(503);
        }
        assertThat(e.number("fe", "FRONTEND", "intercepted")).isEqualTo(2);
        assertThat(e.number("be", "BACKEND", "req_tot")).isZero();
    }

    @Test
    void rejectClosesWithoutAnswer() throws Exception {
        int port = freePort();
        RunningEngine e = engine(port, "    http-request reject if { path /bye }", "");
        try (RawHttp c = new RawHttp(port)) {
            c.send("GET /bye HTTP/1.1\r\nHost: t\r\n\r\n");
            assertThat(c.socket().getInputStream().read()).isEqualTo(-1);
        }
        assertThat(e.number("fe", "FRONTEND", "dreq")).isEqualTo(1);
    }

    @Test
    void oldBlockKeywordActsAsHttpRequestDeny() throws Exception {
        int port = freePort();
        engine(port, "    block if { path /blocked }", "");
        try (RawHttp c = new RawHttp(port)) {
            assertThat(c.get("/blocked").status()).isEqualTo(403);
            assertThat(c.get("/fine").status()).isEqualTo(200);
        }
    }
}
