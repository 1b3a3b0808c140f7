package io.tollgate.engine.net;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.tollgate.engine.net.RunningEngine.freePort;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code errorfile}, {@code errorloc*}, {@code errorfiles} and the replies of {@code deny},
 * {@code tarpit} and {@code return} over real sockets. Expectations are what HAProxy 2.6.12 sent
 * for the same configuration (run with {@code haproxy -db}, read from a Python socket): the
 * header order, the page chosen (the backend's, then the frontend's, then the built-in one),
 * that the connection stays open after every page but 400 and 408, and the counters of
 * {@code show stat}, where a deny answered by an errorloc redirect counts in hrsp_4xx.
 */
class ErrorPageTrafficTest {
    @RegisterExtension
    final TestResources resources = new TestResources();
    @TempDir
    Path dir;
    private Upstream upstream;
    /** A port nothing listens on: a server there is never up. */
    private int downPort;

    @BeforeEach
    void upstream() throws Exception {
        upstream = resources.upstream("app");
        downPort = freePort();
    }

    /** Writes an error page file and returns its absolute path for the configuration. */
    private String page(String name, int status, String reason, String body) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, "HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: text/plain\r\nContent-Length: "
                + body.length() + "\r\n\r\n" + body, StandardCharsets.ISO_8859_1);
        return file.toString();
    }

    private RunningEngine start(String text) throws Exception {
        return resources.engine(text);
    }

    private static String defaults(String more) {
        return """
                defaults
                    mode http
                    retries 0
                    timeout connect 2s
                    timeout client 10s
                    timeout server 500ms
                    timeout tarpit 200ms
                """ + more;
    }

    private static void assertPage(RawHttp.Response r, int status, String body) {
        assertThat(r.status()).isEqualTo(status);
        assertThat(r.headers().keySet()).containsExactly("content-type", "content-length");
        assertThat(r.text()).isEqualTo(body);
    }

    @Test
    void anErrorfileReplacesThe503WhenNoServerIsUpAndTheConnectionStaysOpen() throws Exception {
        int port = freePort();
        RunningEngine e = start(defaults("") + """
                frontend fe
                    bind 127.0.0.1:%d
                    default_backend be
                backend be
                    errorfile 503 %s
                    server s1 127.0.0.1:%d
                backend plain
                    server s1 127.0.0.1:%d
                """.formatted(port, page("e503.http", 503, "Service Unavailable", "sorry!!\n"), downPort, downPort));
        try (RawHttp c = new RawHttp(port)) {
            assertPage(c.get("/a"), 503, "sorry!!\n");
            assertPage(c.get("/b"), 503, "sorry!!\n");
            c.send("HEAD /c HTTP/1.1\r\nHost: t\r\n\r\n");
            RawHttp.Response head = c.read(true);
            assertThat(head.header("content-length")).isEqualTo("8");
            c.send("GET /d HTTP/1.0\r\n\r\n");
            RawHttp.Response old = c.read(false);
            assertThat(old.header("connection")).isEqualTo("close");
            assertThat(c.isClosedByPeer()).isTrue();
        }
        assertThat(e.number("fe", "FRONTEND", "hrsp_5xx")).isEqualTo(4);
        assertThat(e.number("be", "BACKEND", "hrsp_5xx")).isEqualTo(4);
    }

    @Test
    void aDeniedSourceGetsARedirectToTheErrorlocUrl() throws Exception {
        int port = freePort();
        RunningEngine e = start(defaults("") + """
                frontend fe
                    bind 127.0.0.1:%d
                    errorloc 403 http://www.example.com/blocked.html
                    http-request deny if { src 127.0.0.1 } { path_beg /fe }
                    default_backend be
                backend be
                    errorloc303 403 /see-other
                    http-request deny if { path_beg /be }
                    server app 127.0.0.1:%d
                """.formatted(port, upstream.port()));
        try (RawHttp c = new RawHttp(port)) {
            RawHttp.Response r = c.get("/fe");
            assertThat(r.status()).isEqualTo(302);
            assertThat(r.headers().keySet()).containsExactly("cache-control", "content-length", "location");
            assertThat(r.header("location")).isEqualTo("http://www.example.com/blocked.html");
            assertThat(r.header("cache-control")).isEqualTo("no-cache");
            assertThat(r.body()).isEmpty();
            RawHttp.Response other = c.get("/be");
            assertThat(other.status()).isEqualTo(303);
            assertThat(other.header("location")).isEqualTo("/see-other");
            assertThat(c.get("/ok").text()).isEqualTo("Hello! This is app!\n");
        }
        assertThat(e.number("fe", "FRONTEND", "dreq")).isEqualTo(2);
        assertThat(e.number("fe", "FRONTEND", "hrsp_4xx")).isEqualTo(2);
        assertThat(e.number("fe", "FRONTEND", "hrsp_3xx")).isZero();
        assertThat(e.number("be", "BACKEND", "dreq")).isEqualTo(1);
    }

    @Test
    void errorfilesImportsAnHttpErrorsSection() throws Exception {
        int port = freePort();
        start(defaults("") + """
                frontend fe
                    bind 127.0.0.1:%d
                    errorfiles site 403
                    http-request deny if { path /deny }
                    http-request deny deny_status 503 errorfiles site if { path /busy }
                    use_backend down if { path /down }
                    default_backend be
                backend be
                    server app 127.0.0.1:%d
                backend down
                    errorfiles site
                    server s1 127.0.0.1:%d
                http-errors site
                    errorfile 403 %s
                    errorfile 503 %s
                """.formatted(port, upstream.port(), downPort, page("s403.http", 403, "Forbidden", "site 403\n"),
                page("s503.http", 503, "Service Unavailable", "site 503\n")));
        try (RawHttp c = new RawHttp(port)) {
            assertPage(c.get("/deny"), 403, "site 403\n");
            assertPage(c.get("/busy"), 503, "site 503\n");
            assertPage(c.get("/down"), 503, "site 503\n");
        }
    }

    @Test
    void defaultsAreInheritedAndAProxysOwnPageOverridesThem() throws Exception {
        int port = freePort();
        start(defaults("    errorfile 503 " + page("d503.http", 503, "Service Unavailable", "defaults\n") + "\n") + """
                frontend fe
                    bind 127.0.0.1:%d
                    use_backend own if { path /own }
                    default_backend inherits
                backend inherits
                    server s1 127.0.0.1:%d
                backend own
                    errorfile 503 %s
                    server s1 127.0.0.1:%d
                """.formatted(port, downPort, page("own.http", 503, "Service Unavailable", "own\n"), downPort));
        try (RawHttp c = new RawHttp(port)) {
            assertPage(c.get("/x"), 503, "defaults\n");
            assertPage(c.get("/own"), 503, "own\n");
        }
    }

    @Test
    void theBackendsPageBeatsTheFrontendsWhichBeatsTheBuiltInOne() throws Exception {
        int port = freePort();
        RunningEngine e = start(defaults("") + """
                frontend fe
                    bind 127.0.0.1:%d
                    errorfile 403 %s
                    errorfile 500 %s
                    errorfile 503 %s
                    errorfile 504 %s
                    http-request deny if { path /fedeny }
                    http-request tarpit if { path /tarpit }
                    use_backend down if { path /down }
                    default_backend be
                backend be
                    errorfile 403 %s
                    errorfile 502 %s
                    http-request deny if { path /bedeny }
                    http-request set-var(txn.path) path
                    http-response deny if { var(txn.path) -m str /respdeny }
                    server app 127.0.0.1:%d
                backend down
                    server s1 127.0.0.1:%d
                """.formatted(port, page("fe403", 403, "Custom", "fe-403\n"), page("fe500", 500, "Custom", "fe-500\n"),
                page("fe503", 503, "Custom", "fe-503\n"), page("fe504", 504, "Custom", "fe-504\n"),
                page("be403", 403, "Custom", "be-403\n"), page("be502", 502, "Custom", "be-502\n"),
                upstream.port(), downPort));
        try (RawHttp c = new RawHttp(port)) {
            assertPage(c.get("/fedeny"), 403, "fe-403\n");
            assertPage(c.get("/bedeny"), 403, "be-403\n");
            assertPage(c.get("/down"), 503, "fe-503\n");
            assertPage(c.get("/slow?ms=2000"), 504, "fe-504\n");
            assertPage(c.get("/respdeny"), 502, "be-502\n");
            assertPage(c.get("/tarpit"), 500, "fe-500\n");
        }
        assertThat(e.number("fe", "FRONTEND", "dreq")).isEqualTo(3);
        assertThat(e.number("fe", "FRONTEND", "dresp")).isEqualTo(1);
        assertThat(e.number("be", "BACKEND", "hrsp_5xx")).isEqualTo(2);
        assertThat(e.number("be", "app", "hrsp_2xx")).isEqualTo(1);
        assertThat(e.number("down", "BACKEND", "hrsp_5xx")).isEqualTo(1);
    }

    @Test
    void returnAndDenyStatusAnswerAndKeepTheConnection() throws Exception {
        int port = freePort();
        RunningEngine e = start(defaults("") + """
                frontend fe
                    bind 127.0.0.1:%d
                    http-request return status 200 content-type text/plain string ok if { path /ok }
                    http-request return status 200 content-type text/plain string ok hdr X-Path %%[path] if { path /hdr }
                    http-request deny deny_status 429 if { path /slow-down }
                    default_backend be
                backend be
                    server app 127.0.0.1:%d
                """.formatted(port, upstream.port()));
        try (RawHttp c = new RawHttp(port)) {
            RawHttp.Response ok = c.get("/ok");
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.headers().keySet()).containsExactly("content-length", "content-type");
            assertThat(ok.text()).isEqualTo("ok");
            RawHttp.Response hdr = c.get("/hdr");
            assertThat(hdr.headers().keySet()).containsExactly("x-path", "content-length", "content-type");
            assertThat(hdr.header("x-path")).isEqualTo("/hdr");
            RawHttp.Response limited = c.get("/slow-down");
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.headers().keySet()).containsExactly("content-length", "cache-control", "content-type");
            assertThat(limited.text()).isEqualTo("<html><body><h1>429 Too Many Requests</h1>\n"
                    + "You have sent too many requests in a given amount of time.\n</body></html>\n");
            assertThat(c.get("/").text()).isEqualTo("Hello! This is app!\n");
        }
        assertThat(e.number("fe", "FRONTEND", "intercepted")).isEqualTo(2);
        assertThat(e.number("fe", "FRONTEND", "dreq")).isEqualTo(1);
        assertThat(e.number("fe", "FRONTEND", "hrsp_2xx")).isEqualTo(3);
        assertThat(e.number("fe", "FRONTEND", "hrsp_4xx")).isEqualTo(1);
    }

    @Test
    void authUsesThe401PageAndAnEmptyErrorfileClosesWithoutAnswer() throws Exception {
        int port = freePort();
        Path empty = Files.writeString(dir.resolve("empty.http"), "");
        RunningEngine e = start(defaults("") + """
                frontend fe
                    bind 127.0.0.1:%d
                    errorfile 401 %s
                    errorfile 404 %s
                    http-request auth realm R if { path /auth }
                    http-request deny deny_status 404 if { path /empty }
                    default_backend be
                backend be
                    server app 127.0.0.1:%d
                """.formatted(port, page("e401.http", 401, "Who", "who\n"), empty, upstream.port()));
        try (RawHttp c = new RawHttp(port)) {
            RawHttp.Response auth = c.get("/auth");
            assertThat(auth.status()).isEqualTo(401);
            assertThat(auth.headers().keySet()).containsExactly("content-type", "content-length", "www-authenticate");
            assertThat(auth.header("www-authenticate")).isEqualTo("Basic realm=\"R\"");
            assertThat(auth.text()).isEqualTo("who\n");
            c.send("GET /empty HTTP/1.1\r\nHost: t\r\n\r\n");
            assertThat(c.isClosedByPeer()).isTrue();
        }
        assertThat(e.number("fe", "FRONTEND", "dreq")).isEqualTo(1);
        assertThat(e.number("fe", "FRONTEND", "hrsp_4xx")).isEqualTo(2);
    }

    @Test
    void anUnparsableRequestGetsTheStoredPageWhateverTheErrorfile() throws Exception {
        int port = freePort();
        start(defaults("") + """
                frontend fe
                    bind 127.0.0.1:%d
                    errorfile 400 %s
                    default_backend be
                backend be
                    server app 127.0.0.1:%d
                """.formatted(port, page("e400.http", 400, "Bad", "bad\n"), upstream.port()));
        try (RawHttp c = new RawHttp(port)) {
            c.send("GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n");
            assertThat(new String(c.in().readAllBytes(), StandardCharsets.ISO_8859_1)).isEqualTo(
                    "HTTP/1.1 400 Bad request\r\nContent-length: 90\r\nCache-Control: no-cache\r\nConnection: close\r\n"
                            + "Content-Type: text/html\r\n\r\n<html><body><h1>400 Bad request</h1>\n"
                            + "Your browser sent an invalid request.\n</body></html>\n");
        }
    }
}
