package io.tollgate.engine.net;

import io.tollgate.engine.runtime.Proxies;
import io.tollgate.engine.runtime.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.tollgate.engine.net.RunningEngine.freePort;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code cookie} persistence over real sockets: the HAProxy tutorial's
 * {@code cookie HA_STICKY_ms1 insert indirect nocache}, the other modes, and what happens when
 * the cookie's server cannot take the request.
 */
class CookiePersistenceTest {
    private static final String DEFAULTS = """
            defaults
                mode http
                timeout connect 2s
                timeout client 10s
                timeout server 10s
                timeout queue 5s
            """;

    @RegisterExtension
    final TestResources resources = new TestResources();

    private Upstream upstream(String name) throws InterruptedException {
        return resources.upstream(name);
    }

    private RunningEngine start(String config) throws Exception {
        RunningEngine engine = RunningEngine.start(DEFAULTS + config);
        resources.add(engine);
        return engine;
    }

    /** A frontend on {@code port} in front of one backend {@code be} made of {@code backendLines}. */
    private RunningEngine behind(int port, String backendLines) throws Exception {
        return start("frontend fe\n    bind 127.0.0.1:" + port + "\n    default_backend be\nbackend be\n"
                + backendLines.indent(4));
    }

    private static RawHttp.Response get(RawHttp c, String path, String cookie) throws IOException {
        c.send("GET " + path + " HTTP/1.1\r\nHost: test\r\n" + (cookie == null ? "" : "Cookie: " + cookie + "\r\n")
                + "\r\n");
        return c.read(false);
    }

    private static String hello(String server) {
        return "Hello! This is " + server + "!\n";
    }

    /** The tutorial's ms1 backend on a listener; {@code extra} goes at the end of the backend. */
    private RunningEngine tutorial(int port, Upstream srv1, Upstream srv2, String extra) throws Exception {
        return start("""
                frontend http-in
                    bind 127.0.0.1:%d
                    default_backend ms1
                backend ms1
                    balance roundrobin
                    cookie HA_STICKY_ms1 insert indirect nocache
                    server ms1.srv1 127.0.0.1:%d cookie ms1.srv1 maxconn 300
                    server ms1.srv2 127.0.0.1:%d cookie ms1.srv2 maxconn 300
                %s
                """.formatted(port, srv1.port(), srv2.port(), extra));
    }

    @Test
    void theTutorialCookieIsSetOnceAndKeepsTheClientOnItsServer() throws Exception {
        Upstream srv1 = upstream("ms1.srv1");
        Upstream srv2 = upstream("ms1.srv2");
        int port = freePort();
        RunningEngine engine = tutorial(port, srv1, srv2, "");
        try (RawHttp c = new RawHttp(port)) {
            RawHttp.Response first = get(c, "/", null);
            String server = first.text().equals(hello("ms1.srv1")) ? "ms1.srv1" : "ms1.srv2";
            assertThat(first.text()).isEqualTo(hello(server));
            assertThat(first.header("set-cookie")).isEqualTo("HA_STICKY_ms1=" + server + "; path=/");
            // a plain 200 without freshness information is not cacheable: no cache-control added
            assertThat(first.header("cache-control")).isNull();
            String cookie = "HA_STICKY_ms1=" + server;
            for (int i = 0; i < 6; i++) {
                RawHttp.Response again = get(c, "/", cookie);
                assertThat(again.text()).isEqualTo(hello(server));
                // indirect: a client that has the right cookie is not sent it again
                assertThat(again.header("set-cookie")).isNull();
            }
        }
        Upstream chosen = srv1.requests() == 7 ? srv1 : srv2;
        assertThat(chosen.requests()).isEqualTo(7);
        // without the cookie, requests are balanced and each gets the cookie of its server
        try (RawHttp c = new RawHttp(port)) {
            List<String> cookies = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                RawHttp.Response r = get(c, "/", null);
                String server = r.text().equals(hello("ms1.srv1")) ? "ms1.srv1" : "ms1.srv2";
                assertThat(r.header("set-cookie")).isEqualTo("HA_STICKY_ms1=" + server + "; path=/");
                cookies.add(server);
            }
            assertThat(cookies).containsOnly("ms1.srv1", "ms1.srv2").contains("ms1.srv1", "ms1.srv2");
        }
        // persistent requests are not load-balanced: lbtot counts only the balanced ones
        assertThat(engine.number("ms1", "BACKEND", "lbtot")).isEqualTo(5);
    }

    @Test
    void indirectHidesTheCookieFromTheServerAndNocacheMarksCacheableResponsesPrivate() throws Exception {
        Upstream srv1 = upstream("ms1.srv1");
        Upstream srv2 = upstream("ms1.srv2");
        int port = freePort();
        tutorial(port, srv1, srv2, "");
        try (RawHttp c = new RawHttp(port)) {
            RawHttp.Response seen = get(c, "/headers", "a=1; HA_STICKY_ms1=ms1.srv2; b=2");
            assertThat(seen.text()).contains("cookie: a=1; b=2\n").doesNotContain("HA_STICKY");
            assertThat(srv2.requests()).isEqualTo(1);
            assertThat(get(c, "/headers", "HA_STICKY_ms1=ms1.srv2").text()).doesNotContainIgnoringCase("cookie");

            RawHttp.Response cacheable = get(c, "/cacheable", null);
            assertThat(cacheable.header("set-cookie")).startsWith("HA_STICKY_ms1=ms1.srv");
            assertThat(cacheable.header("cache-control")).isEqualTo("max-age=60, private");
        }
    }

    @Test
    void aCookieForAnUnknownOrMaintainedServerIsBalancedAndReplaced() throws Exception {
        Upstream srv1 = upstream("ms1.srv1");
        Upstream srv2 = upstream("ms1.srv2");
        int port = freePort();
        RunningEngine engine = tutorial(port, srv1, srv2, "");
        Proxies proxies = engine.engine().proxies();
        Server s1 = proxies.backend("ms1").server("ms1.srv1");
        proxies.stateChanges().setMaintenance(s1, true, "test");
        try (RawHttp c = new RawHttp(port)) {
            RawHttp.Response r = get(c, "/", "HA_STICKY_ms1=ms1.srv1");
            assertThat(r.text()).isEqualTo(hello("ms1.srv2"));
            assertThat(r.header("set-cookie")).isEqualTo("HA_STICKY_ms1=ms1.srv2; path=/");
            RawHttp.Response unknown = get(c, "/", "HA_STICKY_ms1=nobody");
            assertThat(unknown.text()).isEqualTo(hello("ms1.srv2"));
            assertThat(unknown.header("set-cookie")).isEqualTo("HA_STICKY_ms1=ms1.srv2; path=/");
        }
        assertThat(srv1.requests()).isZero();
        proxies.stateChanges().setMaintenance(s1, false, "test");
        try (RawHttp c = new RawHttp(port)) {
            assertThat(get(c, "/", "HA_STICKY_ms1=ms1.srv1").text()).isEqualTo(hello("ms1.srv1"));
        }
    }

    @Test
    void aDrainingServerKeepsItsPersistentClients() throws Exception {
        Upstream srv1 = upstream("ms1.srv1");
        Upstream srv2 = upstream("ms1.srv2");
        int port = freePort();
        RunningEngine engine = tutorial(port, srv1, srv2, "");
        Proxies proxies = engine.engine().proxies();
        proxies.stateChanges().setWeight(proxies.backend("ms1").server("ms1.srv1"), 0, "test");
        try (RawHttp c = new RawHttp(port)) {
            assertThat(get(c, "/", "HA_STICKY_ms1=ms1.srv1").text()).isEqualTo(hello("ms1.srv1"));
            for (int i = 0; i < 3; i++) {
                assertThat(get(c, "/", null).text()).isEqualTo(hello("ms1.srv2"));
            }
        }
    }

    @Test
    void whenTheCookiesServerRefusesConnectionsRedispatchSendsTheRequestElsewhere() throws Exception {
        Upstream srv2 = upstream("ms1.srv2");
        int port = freePort();
        int dead = freePort();
        start("""
                frontend http-in
                    bind 127.0.0.1:%d
                    default_backend ms1
                backend ms1
                    option redispatch
                    retries 1
                    cookie HA_STICKY_ms1 insert indirect nocache
                    server ms1.srv1 127.0.0.1:%d cookie ms1.srv1
                    server ms1.srv2 127.0.0.1:%d cookie ms1.srv2
                """.formatted(port, dead, srv2.port()));
        try (RawHttp c = new RawHttp(port)) {
            RawHttp.Response r = get(c, "/", "HA_STICKY_ms1=ms1.srv1");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo(hello("ms1.srv2"));
            assertThat(r.header("set-cookie")).isEqualTo("HA_STICKY_ms1=ms1.srv2; path=/");
        }
    }

    @Test
    void withoutRedispatchTheCookiesDeadServerAnswers503() throws Exception {
        Upstream srv2 = upstream("ms1.srv2");
        int port = freePort();
        int dead = freePort();
        RunningEngine engine = start("""
                frontend http-in
                    bind 127.0.0.1:%d
                    default_backend ms1
                backend ms1
                    retries 0
                    cookie SRV insert
                    server ms1.srv1 127.0.0.1:%d cookie s1
                    server ms1.srv2 127.0.0.1:%d cookie s2
                """.formatted(port, dead, srv2.port()));
        try (RawHttp c = new RawHttp(port)) {
            assertThat(get(c, "/", "SRV=s1").status()).isEqualTo(503);
        }
        assertThat(srv2.requests()).isZero();
        assertThat(engine.number("ms1", "ms1.srv1", "econ")).isEqualTo(1);
    }

    @Test
    void optionPersistKeepsTheClientOnADownServer() throws Exception {
        Upstream srv1 = upstream("s1");
        Upstream srv2 = upstream("s2");
        int port = freePort();
        RunningEngine engine = behind(port, """
                option persist
                cookie SRV insert
                server s1 127.0.0.1:%d cookie s1
                server s2 127.0.0.1:%d cookie s2
                """.formatted(srv1.port(), srv2.port()));
        Proxies proxies = engine.engine().proxies();
        proxies.stateChanges().setUp(proxies.backend("be").server("s1"), false, "test");
        try (RawHttp c = new RawHttp(port)) {
            assertThat(get(c, "/", "SRV=s1").text()).isEqualTo(hello("s1"));
            assertThat(get(c, "/", null).text()).isEqualTo(hello("s2"));
        }
    }

    @Test
    void aFullPersistentServerQueuesTheRequestRatherThanSendingItElsewhere() throws Exception {
        Upstream srv1 = upstream("s1");
        Upstream srv2 = upstream("s2");
        int port = freePort();
        behind(port, """
                cookie SRV insert indirect
                server s1 127.0.0.1:%d cookie s1 maxconn 1
                server s2 127.0.0.1:%d cookie s2
                """.formatted(srv1.port(), srv2.port()));
        try (RawHttp slow = new RawHttp(port); RawHttp second = new RawHttp(port)) {
            slow.send("GET /slow?ms=600 HTTP/1.1\r\nHost: t\r\nCookie: SRV=s1\r\n\r\n");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (srv1.requests() == 0 && System.nanoTime() < deadline) {
                RunningEngine.sleep(10);
            }
            CompletableFuture<String> queued = CompletableFuture.supplyAsync(() -> {
                try {
                    return get(second, "/", "SRV=s1").text();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(slow.read(false).text()).isEqualTo(hello("s1"));
            assertThat(queued.get(10, TimeUnit.SECONDS)).isEqualTo(hello("s1"));
        }
        assertThat(srv2.requests()).isZero();
        assertThat(srv1.maxActive()).isEqualTo(1);
    }

    /**
     * A server marked DOWN hands what waits in its queue to the other servers (with
     * {@code option redispatch}), and HAProxy's message counts it as requeued.
     */
    @Test
    void requestsQueuedOnAServerMarkedDownAreRedispatched() throws Exception {
        Upstream srv1 = upstream("s1");
        Upstream srv2 = upstream("s2");
        int port = freePort();
        RunningEngine engine = behind(port, """
                option redispatch
                cookie SRV insert indirect
                server s1 127.0.0.1:%d cookie s1 maxconn 1
                server s2 127.0.0.1:%d cookie s2
                """.formatted(srv1.port(), srv2.port()));
        java.util.List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        Proxies proxies = engine.engine().proxies();
        proxies.stateChanges().addListener(new io.tollgate.engine.runtime.StateChanges.Listener() {
            @Override
            public void serverChanged(io.tollgate.engine.runtime.Server server, String what, String cause) {
            }

            @Override
            public void event(io.tollgate.engine.runtime.ServerEvent event) {
                events.add(event.message());
            }
        });
        try (RawHttp slow = new RawHttp(port); RawHttp second = new RawHttp(port)) {
            slow.send("GET /slow?ms=1500 HTTP/1.1\r\nHost: t\r\nCookie: SRV=s1\r\n\r\n");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (srv1.requests() == 0 && System.nanoTime() < deadline) {
                RunningEngine.sleep(10);
            }
            CompletableFuture<String> queued = CompletableFuture.supplyAsync(() -> {
                try {
                    return get(second, "/", "SRV=s1").text();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            io.tollgate.engine.runtime.Server s1 = proxies.backend("be").server("s1");
            while (s1.queue().size() == 0 && System.nanoTime() < deadline) {
                RunningEngine.sleep(10);
            }
            proxies.stateChanges().setUp(s1, false, "test");
            assertThat(queued.get(10, TimeUnit.SECONDS)).isEqualTo(hello("s2"));
            assertThat(events.get(0)).isEqualTo("Server be/s1 is DOWN, test. 1 active and 0 backup servers left. "
                    + "1 sessions active, 1 requeued, 0 remaining in queue.");
        }
    }

    @Test
    void rewriteAndPrefixModesEditTheServersOwnCookie() throws Exception {
        Upstream a = upstream("a");
        int rewritePort = freePort();
        int prefixPort = freePort();
        start("""
                frontend rewrite
                    bind 127.0.0.1:%d
                    default_backend rw
                frontend prefix
                    bind 127.0.0.1:%d
                    default_backend px
                backend rw
                    cookie JSESSIONID rewrite
                    server a 127.0.0.1:%d cookie srvA
                backend px
                    cookie JSESSIONID prefix
                    server a 127.0.0.1:%d cookie srvA
                """.formatted(rewritePort, prefixPort, a.port(), a.port()));
        try (RawHttp c = new RawHttp(rewritePort)) {
            RawHttp.Response r = get(c, "/setcookie?name=JSESSIONID&value=abc", null);
            assertThat(r.header("set-cookie")).isEqualTo("JSESSIONID=srvA; path=/");
        }
        try (RawHttp c = new RawHttp(prefixPort)) {
            RawHttp.Response r = get(c, "/setcookie?name=JSESSIONID&value=abc", null);
            assertThat(r.header("set-cookie")).isEqualTo("JSESSIONID=srvA~abc; path=/");
            // the prefix is taken off before the server sees its own value again
            assertThat(get(c, "/headers", "JSESSIONID=srvA~abc").text()).contains("cookie: JSESSIONID=abc\n");
        }
    }

    @Test
    void theCookieWinsOverUseServerRules() throws Exception {
        Upstream s1 = upstream("s1");
        Upstream s2 = upstream("s2");
        int port = freePort();
        behind(port, """
                cookie SRV insert indirect
                use-server s2 if { path_beg /two }
                server s1 127.0.0.1:%d cookie s1
                server s2 127.0.0.1:%d cookie s2
                """.formatted(s1.port(), s2.port()));
        try (RawHttp c = new RawHttp(port)) {
            assertThat(get(c, "/two", "SRV=s1").text()).isEqualTo(hello("s1"));
            RawHttp.Response r = get(c, "/two", null);
            assertThat(r.text()).isEqualTo(hello("s2"));
            assertThat(r.header("set-cookie")).isEqualTo("SRV=s2; path=/");
        }
    }
}
