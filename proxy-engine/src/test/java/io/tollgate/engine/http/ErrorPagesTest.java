package io.tollgate.engine.http;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Which page a proxy sends, against HAProxy 2.6.12 running this configuration with
 * {@code haproxy -db} (answers read from a Python socket, the connection open after each):
 * <pre>
 * defaults
 *     errorfile 500 ef/d500.http
 *     errorfile 429 ef/e429.http
 * http-errors myerrs
 *     errorfile 404 ef/e404.http
 *     errorfile 503 ef/ok.http
 * frontend f
 *     errorloc 403 http://example.com/forbidden?x=1
 *     errorloc303 410 /gone
 *     errorloc302 405 /m
 *     errorfiles myerrs 404
 *     errorfile 429 ef/s200.http
 *     http-request deny deny_status &lt;code&gt; if { path /&lt;code&gt; }   (one per code)
 *     http-request return ... if { path /r... }
 *     use_backend b if { path_beg /b }
 *     default_backend b2
 * backend b
 *     errorfile 503 ef/e429.http
 *     http-request deny deny_status &lt;code&gt; if { path /b&lt;code&gt; }
 * backend b2
 *     errorfiles myerrs                            (no server: 503)
 * </pre>
 */
class ErrorPagesTest {
    @TempDir
    Path dir;
    private final List<String> warnings = new ArrayList<>();
    private HttpErrorsSections sections;
    private ErrorPageSettings defaults;
    private ErrorPages f;
    private ErrorPages b;
    private ErrorPages b2;

    private ReplyContext context() {
        return new ReplyContext(dir::resolve, ReplyLimits.DEFAULT, warnings::add);
    }

    private void write(String name, String content) throws IOException {
        Path path = dir.resolve(name);
        Files.createDirectories(path.getParent());
        Files.write(path, content.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static List<String> words(String line) {
        return List.of(line.split(" "));
    }

    @BeforeEach
    void configuration() throws Exception {
        write("ef/d500.http", "HTTP/1.1 500 DefaultsPage\r\nContent-Length: 3\r\n\r\nd5\n");
        write("ef/e429.http", "HTTP/1.1 429 Slow\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nslow\n");
        write("ef/e404.http", "HTTP/1.1 404 Not Here\r\nContent-Type: text/plain\r\nContent-Length: 9\r\n\r\nnot here\n");
        write("ef/ok.http", "HTTP/1.1 503 X\r\nContent-Length: 2\r\n\r\nok");
        write("ef/s200.http", "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi");
        sections = HttpErrorsSections.none().plus(HttpErrorsSection.builder("myerrs", "wire2.cfg:10")
                .line(words("errorfile 404 ef/e404.http"), context())
                .line(words("errorfile 503 ef/ok.http"), context())
                .build());
        defaults = ErrorPageSettings.none()
                .errorfile(words("errorfile 500 ef/d500.http"), context())
                .errorfile(words("errorfile 429 ef/e429.http"), context());
        f = defaults
                .errorloc(words("errorloc 403 http://example.com/forbidden?x=1"), context())
                .errorloc(words("errorloc303 410 /gone"), context())
                .errorloc(words("errorloc302 405 /m"), context())
                .errorfiles(words("errorfiles myerrs 404"), "wire2.cfg:18")
                .errorfile(words("errorfile 429 ef/s200.http"), context())
                .resolve(sections, "f", warnings::add);
        b = defaults.errorfile(words("errorfile 503 ef/e429.http"), context()).resolve(sections, "b", warnings::add);
        b2 = defaults.errorfiles(words("errorfiles myerrs"), "wire2.cfg:45").resolve(sections, "b2", warnings::add);
    }

    @Test
    void theFrontendsOwnLines() {
        assertThat(Wire.bytes(f.response(403))).isEqualTo("HTTP/1.1 302 Found\r\n"
                + "cache-control: no-cache\r\n"
                + "content-length: 0\r\n"
                + "location: http://example.com/forbidden?x=1\r\n"
                + "\r\n");
        assertThat(Wire.bytes(f.response(410))).isEqualTo("HTTP/1.1 303 See Other\r\n"
                + "cache-control: no-cache\r\n"
                + "content-length: 0\r\n"
                + "location: /gone\r\n"
                + "\r\n");
        assertThat(Wire.bytes(f.response(405))).isEqualTo("HTTP/1.1 302 Found\r\n"
                + "cache-control: no-cache\r\n"
                + "content-length: 0\r\n"
                + "location: /m\r\n"
                + "\r\n");
        assertThat(Wire.bytes(f.response(404))).isEqualTo("HTTP/1.1 404 Not Here\r\n"
                + "content-type: text/plain\r\n"
                + "content-length: 9\r\n"
                + "\r\n"
                + "not here\n");
        assertThat(warnings).isEmpty();
    }

    @Test
    void errorfilesWithCodesImportsOnlyThose() {
        // myerrs has a 503 page, but "errorfiles myerrs 404" leaves 503 built-in
        assertThat(Wire.bytes(f.response(503))).isEqualTo("HTTP/1.1 503 Service Unavailable\r\n"
                + "content-length: 107\r\n"
                + "cache-control: no-cache\r\n"
                + "content-type: text/html\r\n"
                + "\r\n"
                + "<html><body><h1>503 Service Unavailable</h1>\n"
                + "No server is available to handle this request.\n"
                + "</body></html>\n");
        assertThat(f.isOverridden(503)).isFalse();
    }

    @Test
    void defaultsPassTheirsOnAndTheProxyOverridesThem() {
        assertThat(Wire.bytes(f.response(500))).isEqualTo("HTTP/1.1 500 DefaultsPage\r\n"
                + "content-length: 3\r\n"
                + "\r\n"
                + "d5\n");
        assertThat(Wire.bytes(f.response(429))).isEqualTo("HTTP/1.1 200 OK\r\n"
                + "content-length: 2\r\n"
                + "\r\n"
                + "hi");
        assertThat(f.reply(429).status()).isEqualTo(429);
    }

    @Test
    void theBackendFirstThenTheFrontend() {
        assertThat(Wire.bytes(b.reply(503, f))).isEqualTo("HTTP/1.1 429 Slow\r\n"
                + "content-type: text/plain\r\n"
                + "content-length: 5\r\n"
                + "\r\n"
                + "slow\n");
        assertThat(Wire.bytes(b.reply(404, f))).isEqualTo("HTTP/1.1 404 Not Here\r\n"
                + "content-type: text/plain\r\n"
                + "content-length: 9\r\n"
                + "\r\n"
                + "not here\n");
        assertThat(Wire.bytes(b.reply(403, f))).isEqualTo("HTTP/1.1 302 Found\r\n"
                + "cache-control: no-cache\r\n"
                + "content-length: 0\r\n"
                + "location: http://example.com/forbidden?x=1\r\n"
                + "\r\n");
        // 500 is the defaults' page in both
        assertThat(Wire.bytes(b.reply(500, ErrorPages.builtIn()))).isEqualTo("HTTP/1.1 500 DefaultsPage\r\n"
                + "content-length: 3\r\n"
                + "\r\n"
                + "d5\n");
    }

    @Test
    void errorfilesWithoutCodesImportsEverythingTheSectionHas() {
        // b2 has no server: HAProxy's 503, from myerrs
        assertThat(Wire.bytes(b2.reply(503, f))).isEqualTo("HTTP/1.1 503 X\r\n"
                + "content-length: 2\r\n"
                + "\r\n"
                + "ok");
        assertThat(b2.isOverridden(404)).isTrue();
        assertThat(b2.isOverridden(502)).isFalse();
    }

    @Test
    void rulesUseTheStreamsPages() throws Exception {
        ReplyContext c = context();
        String fe = "frontend 'f'";
        ReturnReply r404 = ReturnReply.parse(ReplyAction.HTTP_REQUEST_RETURN, words("status 404 errorfiles myerrs"), fe, c)
                .resolve(sections, "f", warnings::add);
        assertThat(Wire.bytes(f.reply(r404))).isEqualTo("HTTP/1.1 404 Not Here\r\n"
                + "content-type: text/plain\r\n"
                + "content-length: 9\r\n"
                + "\r\n"
                + "not here\n");
        ReturnReply r410 = ReturnReply.parse(ReplyAction.HTTP_REQUEST_RETURN, words("status 410 errorfiles myerrs"), fe, c)
                .resolve(sections, "f", warnings::add);
        assertThat(Wire.bytes(f.reply(r410))).isEqualTo("HTTP/1.1 410 Gone\r\n"
                + "content-length: 0\r\n"
                + "\r\n");
        ReturnReply file = ReturnReply.parse(ReplyAction.HTTP_REQUEST_RETURN, words("status 401 errorfile ef/e404.http"),
                fe, c);
        assertThat(Wire.bytes(f.reply(file))).isEqualTo("HTTP/1.1 404 Not Here\r\n"
                + "content-type: text/plain\r\n"
                + "content-length: 9\r\n"
                + "\r\n"
                + "not here\n");
        ReturnReply lf = ReturnReply.parse(ReplyAction.HTTP_REQUEST_RETURN,
                List.of("status", "201", "content-type", "text/html", "lf-string", "plain lf"), fe, c);
        assertThat(Wire.bytes(f.reply(lf))).isEqualTo("HTTP/1.1 201 Created\r\n"
                + "content-length: 8\r\n"
                + "content-type: text/html\r\n"
                + "\r\n"
                + "plain lf");
        ReturnReply denyHdr = ReturnReply.parse(ReplyAction.HTTP_REQUEST_DENY, words("deny_status 429 hdr X-A b"), fe, c);
        assertThat(Wire.bytes(f.reply(denyHdr))).isEqualTo("HTTP/1.1 429 Too Many Requests\r\n"
                + "x-a: b\r\n"
                + "content-length: 0\r\n"
                + "\r\n");
        ReturnReply denyStatus = ReturnReply.parse(ReplyAction.HTTP_REQUEST_DENY, words("deny_status 429 status 404"), fe, c);
        assertThat(Wire.bytes(f.reply(denyStatus))).isEqualTo("HTTP/1.1 404 Not Found\r\n"
                + "content-length: 0\r\n"
                + "\r\n");
        // "default-errorfiles" means this proxy's pages, not HAProxy's built-in ones
        ReturnReply def = ReturnReply.parse(ReplyAction.HTTP_REQUEST_RETURN, words("status 404 default-errorfiles"), fe, c);
        assertThat(Wire.bytes(f.reply(def))).isEqualTo("HTTP/1.1 404 Not Here\r\n"
                + "content-type: text/plain\r\n"
                + "content-length: 9\r\n"
                + "\r\n"
                + "not here\n");
        ReturnReply deny = ReturnReply.parse(ReplyAction.HTTP_REQUEST_DENY, List.of(), "backend 'b'", c);
        assertThat(Wire.bytes(b.reply(deny, f))).isEqualTo("HTTP/1.1 302 Found\r\n"
                + "cache-control: no-cache\r\n"
                + "content-length: 0\r\n"
                + "location: http://example.com/forbidden?x=1\r\n"
                + "\r\n");
        assertThat(warnings).containsExactly(
                "Proxy 'f': status '410' referenced by an http reply not declared in http-errors section 'myerrs'.");
    }

    @Test
    void aProxyWithoutSettingsIsTheBuiltInPages() throws Exception {
        assertThat(ErrorPageSettings.none().resolve(sections, "x", warnings::add)).isSameAs(ErrorPages.builtIn());
        assertThat(ErrorPages.builtIn().reply(402).wireStatus().code()).isEqualTo(500);
    }

    @Test
    void keywordMessagesAreHaproxys() {
        assertThatThrownBy(() -> defaults.errorfile(words("errorfile 503"), context()))
                .hasMessage("errorfile : expects <status_code> and <file> as arguments.");
        assertThatThrownBy(() -> defaults.errorfile(words("errorfile 402 ef/ok.http"), context()))
                .hasMessage("errorfile : status code '402' not handled.");
        assertThatThrownBy(() -> defaults.errorfile(words("errorfile abc ef/ok.http"), context()))
                .hasMessage("errorfile : status code '0' not handled.");
        assertThatThrownBy(() -> defaults.errorfile(words("errorfile -503 ef/ok.http"), context()))
                .hasMessage("errorfile : status code '-503' not handled.");
        assertThatThrownBy(() -> defaults.errorfile(words("errorfile 503 ef/missing.http"), context()))
                .hasMessage("errorfile : error opening file 'ef/missing.http'.");
        assertThatThrownBy(() -> defaults.errorfiles(words("errorfiles"), "k.cfg:11"))
                .hasMessage("errorfiles : expects <name> as argument.");
        assertThatThrownBy(() -> defaults.errorfiles(words("errorfiles myerrs 402"), "k.cfg:11"))
                .hasMessage("errorfiles : status code '402' not handled.");
    }

    @Test
    void codeWordsAreReadAsHaproxyReadsThem() throws Exception {
        // "errorfile 0503", "503x" and " 503" are all valid for haproxy -c
        for (String code : List.of("0503", "503x", " 503")) {
            ErrorPages pages = ErrorPageSettings.none().errorfile(List.of("errorfile", code, "ef/ok.http"), context())
                    .resolve(sections, "x", warnings::add);
            assertThat(pages.isOverridden(503)).isTrue();
        }
    }

    @Test
    void unknownSectionsAndMissingCodes() throws Exception {
        // haproxy -c: "proxy 'f': unknown http-errors section 'nosuch' (at k.cfg:11)."
        assertThatThrownBy(() -> ErrorPageSettings.none().errorfiles(words("errorfiles nosuch"), "k.cfg:11")
                .resolve(sections, "f", warnings::add))
                .hasMessage("proxy 'f': unknown http-errors section 'nosuch' (at k.cfg:11).");
        ErrorPages pages = ErrorPageSettings.none().errorfiles(words("errorfiles myerrs 503 500"), "k.cfg:11")
                .resolve(sections, "f", warnings::add);
        assertThat(pages.isOverridden(503)).isTrue();
        assertThat(warnings).containsExactly(
                "config: proxy 'f' : status '500' not declared in http-errors section 'myerrs' (at k.cfg:11).");
    }

    @Test
    void aLaterLineWinsAndMissingCodesKeepTheEarlierPage() throws Exception {
        ErrorPages pages = ErrorPageSettings.none()
                .errorfile(words("errorfile 404 ef/s200.http"), context())
                .errorfiles(words("errorfiles myerrs 503 500"), "k.cfg:12")
                .errorfile(words("errorfile 500 ef/d500.http"), context())
                .errorfiles(words("errorfiles myerrs 404"), "k.cfg:14")
                .errorloc(words("errorloc 404 /later"), context())
                .resolve(sections, "x", w -> { });
        assertThat(Wire.bytes(pages.response(500))).startsWith("HTTP/1.1 500 DefaultsPage");
        assertThat(Wire.bytes(pages.response(404))).startsWith("HTTP/1.1 302 Found");
        assertThat(Wire.bytes(pages.response(503))).isEqualTo("HTTP/1.1 503 X\r\ncontent-length: 2\r\n\r\nok");
    }
}
