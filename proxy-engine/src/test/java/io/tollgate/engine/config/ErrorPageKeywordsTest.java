package io.tollgate.engine.config;

import io.netty.handler.codec.http.FullHttpResponse;
import io.tollgate.engine.http.ErrorPages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code errorfile}, {@code errorloc*}, {@code errorfiles} and {@code http-errors} sections as
 * the parser reads them. Every message was compared with {@code haproxy -c} 2.6.12 on the same
 * lines (HAProxy prints {@code [ALERT] (pid) : config : parsing [t.cfg:8] : ...}).
 */
class ErrorPageKeywordsTest {
    private static final String DEFAULTS = """
            defaults
              mode http
              timeout client 5s
              timeout connect 5s
              timeout server 5s
            """;

    @TempDir
    Path dir;

    private void file(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content, StandardCharsets.ISO_8859_1);
    }

    private Config load(String text) throws ConfigException, IOException {
        Files.writeString(dir.resolve("t.cfg"), text);
        return ConfigLoader.load(List.of(Path.of("t.cfg")), Map.of(), dir);
    }

    private List<String> problems(String text) throws IOException {
        Files.writeString(dir.resolve("t.cfg"), text);
        try {
            Config config = ConfigLoader.load(List.of(Path.of("t.cfg")), Map.of(), dir);
            throw new AssertionError("expected errors, but it loaded with warnings " + config.warnings());
        } catch (ConfigException e) {
            return e.problems().stream().map(ConfigProblem::toString).toList();
        }
    }

    private static String body(ErrorPages pages, int status) {
        FullHttpResponse r = pages.response(status);
        return r.status().code() + " " + r.content().toString(StandardCharsets.ISO_8859_1);
    }

    private ErrorPages pages(Config config, String proxy) {
        return config.proxy(proxy).orElseThrow().errorPages();
    }

    @Test
    void defaultsPassTheirPagesOnAndAProxysOwnLinesOverrideThem() throws Exception {
        file("d503.http", "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 9\r\n\r\ndefaults\n");
        file("f503.http", "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 9\r\n\r\nfrontend\n");
        Config config = load(DEFAULTS + """
                  errorfile 503 d503.http
                  errorloc 403 http://www.example.com/blocked.html
                frontend fe
                  bind 127.0.0.1:8080
                  errorfile 503 f503.http
                  errorloc303 403 /see-other
                  default_backend be
                backend be
                  server s1 127.0.0.1:80
                """);
        assertThat(config.warnings()).isEmpty();
        assertThat(body(pages(config, "fe"), 503)).isEqualTo("503 frontend\n");
        assertThat(pages(config, "fe").response(403).headers().get("location")).isEqualTo("/see-other");
        assertThat(pages(config, "be").response(403).headers().get("location"))
                .isEqualTo("http://www.example.com/blocked.html");
        assertThat(pages(config, "be").response(403).status().code()).isEqualTo(302);
        assertThat(body(pages(config, "be"), 503)).isEqualTo("503 defaults\n");
        assertThat(pages(config, "be").isOverridden(504)).isFalse();
    }

    @Test
    void errorfilesImportsAnHttpErrorsSectionDeclaredAnywhere() throws Exception {
        file("e404.http", "HTTP/1.1 404 Not Found\r\nContent-Length: 5\r\n\r\nnope\n");
        file("e503.http", "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 5\r\n\r\nbusy\n");
        Config config = load(DEFAULTS + """
                frontend fe
                  bind 127.0.0.1:8080
                  errorfiles site 503
                  default_backend be
                backend be
                  errorfiles site
                  server s1 127.0.0.1:80
                http-errors site
                  errorfile 404 e404.http
                  errorfile 503 e503.http
                """);
        assertThat(config.warnings()).isEmpty();
        assertThat(config.httpErrors().find("site")).isPresent();
        assertThat(body(pages(config, "fe"), 503)).isEqualTo("503 busy\n");
        assertThat(pages(config, "fe").isOverridden(404)).isFalse();
        assertThat(body(pages(config, "be"), 404)).isEqualTo("404 nope\n");
    }

    @Test
    void badLinesAreFileLineErrorsInHaproxysWords() throws Exception {
        file("busy.http", "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 5\r\n\r\nbusy\n");
        assertThat(problems(DEFAULTS + """
                frontend fe
                  bind 127.0.0.1:8080
                  errorfile 503 missing.http
                  errorfile 402 busy.http
                  errorloc302 503 "http://x/y\\r\\nfoo"
                  errorloc 503
                  errorfiles
                  http-request deny errorfile missing.http if { path /x }
                  default_backend be
                backend be
                  server s1 127.0.0.1:80
                http-errors errs
                  errorfile 503 busy.http
                  errorfile 600 busy.http
                  errorfiles x
                  errorfile 404 nope.http
                http-errors
                """)).containsExactly(
                "[ALERT] parsing [t.cfg:8] : errorfile : error opening file 'missing.http'.",
                "[ALERT] parsing [t.cfg:9] : errorfile : status code '402' not handled.",
                "[ALERT] parsing [t.cfg:10] : errorloc302 : invalid error message: unable to parse headers (error"
                        + " offset: 89)",
                "[ALERT] parsing [t.cfg:11] : errorloc : expects <status_code> and <url> as arguments.",
                "[ALERT] parsing [t.cfg:12] : errorfiles : expects <name> as argument.",
                "[ALERT] parsing [t.cfg:13] : error detected in frontend 'fe' while parsing 'http-request deny' rule :"
                        + " error opening file 'missing.http'..",
                "[ALERT] parsing [t.cfg:19] : errorfile : status code '600' not handled.",
                "[ALERT] parsing [t.cfg:20] : unknown keyword 'errorfiles' in 'http-errors' section",
                "[ALERT] parsing [t.cfg:21] : errorfile : error opening file 'nope.http'.",
                "[ALERT] parsing [t.cfg:22] : missing name for http-errors section.");
    }

    @Test
    void sectionNamesAreCheckedOnceEverySectionIsRead() throws Exception {
        file("busy.http", "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 5\r\n\r\nbusy\n");
        assertThat(problems(DEFAULTS + """
                frontend fe
                  bind 127.0.0.1:8080
                  errorfiles nosuch
                  errorfiles errs 404 503
                  http-request deny errorfiles nosuch2 if { path /x }
                  http-request deny deny_status 404 errorfiles errs if { path /y }
                  default_backend be
                backend be
                  server s1 127.0.0.1:80
                http-errors errs
                  errorfile 503 busy.http
                http-errors errs
                  errorfile 503 busy.http
                """)).containsExactly(
                "[ALERT] parsing [t.cfg:17] : http-errors section 'errs' already exists (declared at t.cfg:15).",
                "[ALERT] parsing [t.cfg:10] : Proxy 'fe': unknown http-errors section 'nosuch2' referenced by an"
                        + " http reply .",
                "[WARNING] parsing [t.cfg:11] : Proxy 'fe': status '404' referenced by an http reply not declared in"
                        + " http-errors section 'errs'.",
                "[ALERT] config : proxy 'fe': unknown http-errors section 'nosuch' (at t.cfg:8).",
                "[WARNING] config : config: proxy 'fe' : status '404' not declared in http-errors section 'errs'"
                        + " (at t.cfg:9).");
    }

    @Test
    void aCodeTheSectionLacksIsAWarning() throws Exception {
        file("busy.http", "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 5\r\n\r\nbusy\n");
        Config config = load(DEFAULTS + """
                frontend fe
                  bind 127.0.0.1:8080
                  errorfiles errs 404 503
                  default_backend be
                backend be
                  server s1 127.0.0.1:80
                http-errors errs
                  errorfile 503 busy.http
                """);
        assertThat(config.warnings()).map(ConfigProblem::toString).containsExactly(
                "[WARNING] config : config: proxy 'fe' : status '404' not declared in http-errors section 'errs'"
                        + " (at t.cfg:8).");
        assertThat(body(pages(config, "fe"), 503)).isEqualTo("503 busy\n");
    }

    @Test
    void aBadErrorfileInOneProxyIsTheOnlyError() throws Exception {
        file("ok.http", "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 3\r\n\r\nok\n");
        file("clen.http", "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 10\r\n\r\nabc");
        assertThatThrownBy(() -> load(DEFAULTS + """
                frontend fe
                  bind 127.0.0.1:8080
                  errorfile 503 clen.http
                  default_backend be
                backend be
                  errorfile 503 ok.http
                  errorfile 504 ok.http
                  server s1 127.0.0.1:80
                """)).isInstanceOf(ConfigException.class).extracting(e -> ((ConfigException) e).problems())
                .asList().map(Object::toString).containsExactly("[ALERT] parsing [t.cfg:8] : errorfile : 'clen.http':"
                        + " payload size does not match the announced content-length (3 != 10)");
    }
}
