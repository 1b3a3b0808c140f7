package io.tollgate.engine.net;

import io.tollgate.engine.runtime.Proxies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static io.tollgate.engine.net.RunningEngine.freePort;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stats page's exports on a {@code listen} section's own address, over real sockets: access
 * ({@code stats auth}, {@code realm}, {@code stats http-request}), the formats and URL options,
 * and the section's counters counting its own requests, as HAProxy 2.6.12 does.
 */
class StatsAppletTest {
    /** "s3cret" hashed with {@code openssl passwd -6 -salt tollgate s3cret}. */
    private static final String HASH = "$6$tollgate$w4d9DCifMh/AOiK3oRKvlHKbFbc0qIkqj4XAl2u5tcNcCjhIhOILsZKlSg1ztvHdx1xdk1Q7yrB2aCZQ96qmW1";
    private static final String DEFAULTS = """
            defaults
                mode http
                timeout connect 2s
                timeout client 10s
                timeout server 10s
            """;

    @RegisterExtension
    final TestResources resources = new TestResources();

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static RawHttp.Response get(int port, String target, String authorization) throws IOException {
        try (RawHttp c = new RawHttp(port)) {
            c.send("GET " + target + " HTTP/1.1\r\nHost: t\r\n"
                    + (authorization == null ? "" : "Authorization: " + authorization + "\r\n") + "\r\n");
            return c.read(false);
        }
    }

    private RunningEngine statsOn(int port, String lines) throws Exception {
        Upstream a = resources.upstream("a");
        return resources.engine(DEFAULTS + """
                listen st
                    bind 127.0.0.1:%d
                %s
                backend be_app
                    server a1 127.0.0.1:%d check inter 60s
                    server a2 127.0.0.1:%d disabled
                backend be_other
                    server o1 127.0.0.1:%d
                userlist staff
                    user ann password %s
                """.formatted(port, lines.indent(4), a.port(), a.port(), a.port(), HASH));
    }

    @Test
    void withoutCredentialsTheAnswerIsHaproxys401() throws Exception {
        int port = freePort();
        statsOn(port, "stats uri /st\nstats realm My\\ Stats\nstats auth admin:secret\n");
        for (String auth : new String[] {null, basic("admin", "wrong"), basic("nobody", "secret"), "Basic !!"}) {
            RawHttp.Response r = get(port, "/st;csv", auth);
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.header("www-authenticate")).isEqualTo("Basic realm=\"My Stats\"");
            assertThat(r.text()).isEqualTo("<html><body><h1>401 Unauthorized</h1>\n"
                    + "You need a valid user and password to access this content.\n</body></html>\n");
            assertThat(r.text()).doesNotContain("be_app");
        }
    }

    @Test
    void repeatedWrongPasswordsStillGetTheirAnswerLaterAndTheRightOneWorks() throws Exception {
        int port = freePort();
        statsOn(port, "stats uri /st\nstats auth admin:secret\n");
        for (int i = 0; i < AuthFailures.FREE_TRIES + 2; i++) {
            assertThat(get(port, "/st;csv", basic("admin", "guess" + i)).status()).isEqualTo(401);
        }
        assertThat(get(port, "/st;csv", basic("admin", "secret")).status()).isEqualTo(200);
    }

    @Test
    void csvHasHaproxysHeaderRowsAndRefresh() throws Exception {
        int port = freePort();
        RunningEngine engine = statsOn(port, "stats uri /st\nstats refresh 5s\nstats auth admin:secret\n");
        RawHttp.Response r = get(port, "/st;csv", basic("admin", "secret"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("content-type")).isEqualTo("text/plain");
        assertThat(r.header("cache-control")).isEqualTo("no-cache");
        assertThat(r.header("refresh")).isEqualTo("5");
        String csv = r.text();
        assertThat(csv.lines().findFirst().orElseThrow() + "\n")
                .isEqualTo(io.tollgate.engine.stats.HaproxyReference.read("stat-csv-header.txt"));
        assertThat(csv.lines().skip(1).map(l -> l.substring(0, l.indexOf(',', l.indexOf(',') + 1))))
                .containsExactly("st,FRONTEND", "st,BACKEND", "be_app,a1", "be_app,a2", "be_app,BACKEND",
                        "be_other,o1", "be_other,BACKEND");
        assertThat(get(port, "/st;csv;norefresh", basic("admin", "secret")).header("refresh")).isNull();

        // the section counts its own requests in its frontend, as HAProxy counts its applet, and
        // the page counts the request that asks for it; no backend counts them
        assertThat(io.tollgate.engine.stats.CsvRows.parse(csv).get("st/FRONTEND").get("intercepted")).isEqualTo("1");
        Map<String, String> fe = engine.row("st", "FRONTEND");
        assertThat(fe.get("req_tot")).isEqualTo("2");
        assertThat(fe.get("intercepted")).isEqualTo("2");
        assertThat(fe.get("hrsp_2xx")).isEqualTo("2");
        assertThat(engine.row("st", "BACKEND").get("stot")).isEqualTo("0");
    }

    @Test
    void jsonAndTypedExportsAnswerWithTheirTypes() throws Exception {
        int port = freePort();
        statsOn(port, "stats uri /\n");
        RawHttp.Response json = get(port, "/;json", null);
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.header("content-type")).isEqualTo("application/json");
        assertThat(json.text()).startsWith("[[{\"objType\":\"Frontend\",\"proxyId\":");
        RawHttp.Response typed = get(port, "/;typed", null);
        assertThat(typed.header("content-type")).isEqualTo("text/plain");
        assertThat(typed.text()).startsWith("F.").contains(".pxname.1:KNS:str:st\n");
    }

    @Test
    void scopeUpAndNoMaintFilterRows() throws Exception {
        int port = freePort();
        RunningEngine engine = statsOn(port, "stats uri /\n");
        Proxies proxies = engine.engine().proxies();
        proxies.stateChanges().setUp(proxies.backend("be_app").server("a1"), false, "test");
        assertThat(svnames(get(port, "/;csv?scope=OTHER", null).text())).containsExactly("be_other,o1", "be_other,BACKEND");
        assertThat(svnames(get(port, "/?scope=app;csv;no-maint", null).text()))
                .containsExactly("be_app,a1", "be_app,BACKEND");
        assertThat(svnames(get(port, "/;csv;up", null).text()))
                .containsExactly("st,FRONTEND", "st,BACKEND", "be_app,BACKEND", "be_other,o1", "be_other,BACKEND");
    }

    @Test
    void statsScopeLimitsTheProxiesShown() throws Exception {
        int port = freePort();
        statsOn(port, "stats uri /\nstats scope .\nstats scope be_other\n");
        assertThat(svnames(get(port, "/;csv", null).text()))
                .containsExactly("st,FRONTEND", "st,BACKEND", "be_other,o1", "be_other,BACKEND");
    }

    @Test
    void httpRequestRulesDecideBeforeAccounts() throws Exception {
        int port = freePort();
        statsOn(port, """
                stats uri /
                acl from_test hdr(x-test) -m found
                acl valid http_auth(staff)
                stats http-request deny if from_test
                stats http-request auth realm Staff unless valid
                """);
        try (RawHttp c = new RawHttp(port)) {
            c.send("GET /;csv HTTP/1.1\r\nHost: t\r\nX-Test: 1\r\n\r\n");
            assertThat(c.read(false).status()).isEqualTo(403);
        }
        RawHttp.Response challenge = get(port, "/;csv", null);
        assertThat(challenge.status()).isEqualTo(401);
        assertThat(challenge.header("www-authenticate")).isEqualTo("Basic realm=\"Staff\"");
        assertThat(get(port, "/;csv", basic("ann", "s3cret")).status()).isEqualTo(200);
        assertThat(get(port, "/;csv", basic("ann", "wrong")).status()).isEqualTo(401);
    }

    @Test
    void otherMethodsAndOtherPathsGoOnToTheServers() throws Exception {
        int port = freePort();
        statsOn(port, "stats uri /st\n");
        try (RawHttp c = new RawHttp(port)) {
            c.send("PUT /st;csv HTTP/1.1\r\nHost: t\r\nContent-Length: 0\r\n\r\n");
            assertThat(c.read(false).status()).isEqualTo(503); // the listen has no server
        }
        assertThat(get(port, "/other;csv", null).status()).isEqualTo(503);
    }

    /** The HTML page is drawn by whoever the engine is given, off the event loop, with what the request may see and do. */
    @Test
    void thePageIsDrawnByTheGivenDrawerWithTheRequestsRights() throws Exception {
        int port = freePort();
        RunningEngine engine = statsOn(port, "stats uri /st\nstats refresh 10s\nstats auth admin:secret\n"
                + "stats admin if TRUE\nstats scope be_other\n");
        java.util.concurrent.atomic.AtomicReference<io.tollgate.engine.api.StatsPageRequest> seen =
                new java.util.concurrent.atomic.AtomicReference<>();
        engine.engine().statsPage(request -> {
            seen.set(request);
            return java.util.concurrent.CompletableFuture.supplyAsync(() -> "<html>" + request.snapshot().rows().size()
                    + " rows</html>");
        });
        assertThat(get(port, "/st", null).status()).isEqualTo(401);
        assertThat(seen.get()).isNull();
        RawHttp.Response page = get(port, "/st;up;norefresh?scope=other;st=DONE", basic("admin", "secret"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("content-type")).isEqualTo("text/html");
        assertThat(page.header("refresh")).isNull();
        assertThat(page.text()).isEqualTo("<html>2 rows</html>");
        io.tollgate.engine.api.StatsPageRequest r = seen.get();
        assertThat(r.user()).isEqualTo("admin");
        assertThat(r.admin()).isTrue();
        assertThat(r.up()).isTrue();
        assertThat(r.noRefresh()).isTrue();
        assertThat(r.scope()).isEqualTo("other");
        assertThat(r.result()).isEqualTo("DONE");
        assertThat(r.baseUri()).isEqualTo("/st");
        assertThat(r.process().pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(get(port, "/st", basic("admin", "secret")).header("refresh")).isEqualTo("10");
    }

    private static java.util.List<String> svnames(String csv) {
        return csv.lines().skip(1).map(l -> l.substring(0, l.indexOf(',', l.indexOf(',') + 1))).toList();
    }
}
