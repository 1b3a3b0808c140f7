package io.tollgate.engine.http;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reply arguments of {@code return}, {@code deny} and {@code tarpit} against HAProxy 2.6.12.
 * Messages: each rule alone in {@code frontend f} (with an {@code http-errors myerrs} section
 * holding a 503 page) checked with {@code haproxy -c}, whose alerts read
 * {@code parsing [r.cfg:10] : <the message here>}. Bytes: the rules run by {@code haproxy -db}
 * behind {@code if { path /... }}, answers read from a Python socket; HAProxy kept the
 * connection open after every one of them.
 */
class ReturnReplyTest {
    @TempDir
    Path dir;
    private final List<String> warnings = new ArrayList<>();
    private HttpErrorsSections sections;

    @BeforeEach
    void files() throws Exception {
        write("ef/body.txt", "plain body\n");
        write("ef/zero.txt", "");
        write("ef/ok.http", "HTTP/1.1 503 X\r\nContent-Length: 2\r\n\r\nok");
        write("ef/clen.http", "HTTP/1.1 503 X\r\nContent-Length: 10\r\n\r\nabc");
        write("ef/big_nolen.http", "HTTP/1.1 503 X\r\nContent-Type: text/plain\r\n\r\n" + "x".repeat(20000));
        write("ef/lf.txt", "line one\n  two  spaces\n100%% sure\n");
        write("ef/e404.http", "HTTP/1.1 404 Not Here\r\nContent-Type: text/plain\r\nContent-Length: 9\r\n\r\nnot here\n");
        sections = HttpErrorsSections.none().plus(HttpErrorsSection.builder("myerrs", "r.cfg:6")
                .line(List.of("errorfile", "503", "ef/ok.http"), context()).build());
    }

    private void write(String name, String content) throws IOException {
        Path path = dir.resolve(name);
        Files.createDirectories(path.getParent());
        Files.write(path, content.getBytes(StandardCharsets.ISO_8859_1));
    }

    private ReplyContext context() {
        return new ReplyContext(dir::resolve, ReplyLimits.DEFAULT, warnings::add);
    }

    private ReturnReply parse(ReplyAction action, String... words) throws ReplyException {
        return ReturnReply.parse(action, List.of(words), "frontend 'f'", context())
                .resolve(sections, "f", warnings::add);
    }

    private String sent(ReplyAction action, String... words) throws ReplyException {
        return Wire.bytes(ErrorPages.builtIn().reply(parse(action, words)));
    }

    @Test
    void returnAlone() throws Exception {
        // http-request return
        assertThat(sent(ReplyAction.HTTP_REQUEST_RETURN)).isEqualTo("HTTP/1.1 200 OK\r\n"
                + "content-length: 0\r\n"
                + "\r\n");
    }

    @Test
    void returnAStatus() throws Exception {
        // http-request return status 404
        assertThat(sent(ReplyAction.HTTP_REQUEST_RETURN, "status", "404")).isEqualTo("HTTP/1.1 404 Not Found\r\n"
                + "content-length: 0\r\n"
                + "\r\n");
    }

    @Test
    void headersComeFirstLowerCasedThenLengthThenType() throws Exception {
        // http-request return status 200 content-type text/plain string "hello" hdr X-One one hdr x-two "two words"
        assertThat(sent(ReplyAction.HTTP_REQUEST_RETURN, "status", "200", "content-type", "text/plain", "string",
                "hello", "hdr", "X-One", "one", "hdr", "x-two", "two words")).isEqualTo("HTTP/1.1 200 OK\r\n"
                + "x-one: one\r\n"
                + "x-two: two words\r\n"
                + "content-length: 5\r\n"
                + "content-type: text/plain\r\n"
                + "\r\n"
                + "hello");
    }

    @Test
    void defaultErrorfilesIsTheProxysPage() throws Exception {
        // http-request return status 503 default-errorfiles
        ReturnReply rule = parse(ReplyAction.HTTP_REQUEST_RETURN, "status", "503", "default-errorfiles");
        assertThat(rule.kind()).isEqualTo(ReturnReply.Kind.DEFAULT_ERRORFILES);
        assertThat(Wire.bytes(ErrorPages.builtIn().reply(rule))).isEqualTo("HTTP/1.1 503 Service Unavailable\r\n"
                + "content-length: 107\r\n"
                + "cache-control: no-cache\r\n"
                + "content-type: text/html\r\n"
                + "\r\n"
                + "<html><body><h1>503 Service Unavailable</h1>\n"
                + "No server is available to handle this request.\n"
                + "</body></html>\n");
    }

    @Test
    void denyTakesTheReplyOptionsAfterDenyStatus() throws Exception {
        // http-request deny deny_status 429 content-type text/plain string "slow down"
        assertThat(sent(ReplyAction.HTTP_REQUEST_DENY, "deny_status", "429", "content-type", "text/plain", "string",
                "slow down")).isEqualTo("HTTP/1.1 429 Too Many Requests\r\n"
                + "content-length: 9\r\n"
                + "content-type: text/plain\r\n"
                + "\r\n"
                + "slow down");
    }

    @Test
    void denyWithStatusInsteadOfDenyStatusIsAnEmptyReply() throws Exception {
        // http-request deny status 429
        assertThat(sent(ReplyAction.HTTP_REQUEST_DENY, "status", "429")).isEqualTo("HTTP/1.1 429 Too Many Requests\r\n"
                + "content-length: 0\r\n"
                + "\r\n");
    }

    @Test
    void denyAloneOrWithOnlyDenyStatusIsTheErrorPage() throws Exception {
        assertThat(parse(ReplyAction.HTTP_REQUEST_DENY).kind()).isEqualTo(ReturnReply.Kind.DEFAULT_ERRORFILES);
        assertThat(parse(ReplyAction.HTTP_REQUEST_DENY).status()).isEqualTo(403);
        ReturnReply legacy = parse(ReplyAction.HTTP_REQUEST_DENY, "deny_status", "429", "if", "TRUE");
        assertThat(legacy.kind()).isEqualTo(ReturnReply.Kind.DEFAULT_ERRORFILES);
        assertThat(legacy.status()).isEqualTo(429);
        assertThat(parse(ReplyAction.HTTP_RESPONSE_DENY, "if", "TRUE").status()).isEqualTo(502);
        // http-request tarpit: after timeout tarpit, the 500 page
        assertThat(sent(ReplyAction.HTTP_REQUEST_TARPIT)).isEqualTo("HTTP/1.1 500 Internal Server Error\r\n"
                + "content-length: 97\r\n"
                + "cache-control: no-cache\r\n"
                + "content-type: text/html\r\n"
                + "\r\n"
                + "<html><body><h1>500 Internal Server Error</h1>\n"
                + "An internal server error occurred.\n"
                + "</body></html>\n");
    }

    @Test
    void denyStatusThenStatusKeepsTheLastStatusAndNoPage() throws Exception {
        // http-request deny deny_status 429 status 404: HAProxy answered 404 with an empty body
        assertThat(sent(ReplyAction.HTTP_REQUEST_DENY, "deny_status", "429", "status", "404"))
                .isEqualTo("HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n");
        // http-request deny deny_status 429 hdr X-A b: an empty 429 with the header
        assertThat(sent(ReplyAction.HTTP_REQUEST_DENY, "deny_status", "429", "hdr", "X-A", "b"))
                .isEqualTo("HTTP/1.1 429 Too Many Requests\r\nx-a: b\r\ncontent-length: 0\r\n\r\n");
    }

    @Test
    void lfStringIsPlainTextWithDoubledPercent() throws Exception {
        // http-request return content-type text/plain lf-string "a  b   c 100%% d"
        assertThat(sent(ReplyAction.HTTP_REQUEST_RETURN, "content-type", "text/plain", "lf-string", "a  b   c 100%% d"))
                .isEqualTo("HTTP/1.1 200 OK\r\n"
                + "content-length: 15\r\n"
                + "content-type: text/plain\r\n"
                + "\r\n"
                + "a  b   c 100% d");
        // http-request return content-type text/plain lf-file ef/lf.txt
        assertThat(sent(ReplyAction.HTTP_REQUEST_RETURN, "content-type", "text/plain", "lf-file", "ef/lf.txt"))
                .isEqualTo("HTTP/1.1 200 OK\r\n"
                + "content-length: 33\r\n"
                + "content-type: text/plain\r\n"
                + "\r\n"
                + "line one\n"
                + "  two  spaces\n"
                + "100% sure\n");
        // string keeps "%%" as written
        assertThat(sent(ReplyAction.HTTP_REQUEST_RETURN, "content-type", "text/plain", "string", "a  b 100%% d"))
                .isEqualTo("HTTP/1.1 200 OK\r\n"
                + "content-length: 12\r\n"
                + "content-type: text/plain\r\n"
                + "\r\n"
                + "a  b 100%% d");
    }

    @Test
    void fileIsThePayloadAsIs() throws Exception {
        // http-request return status 201 content-type text/html file ... hdr X-A b (here a text file)
        assertThat(sent(ReplyAction.HTTP_REQUEST_RETURN, "status", "201", "content-type", "text/html", "file",
                "ef/body.txt", "hdr", "X-A", "b"))
                .isEqualTo("HTTP/1.1 201 Created\r\nx-a: b\r\ncontent-length: 11\r\ncontent-type: text/html\r\n\r\n"
                        + "plain body\n");
    }

    @Test
    void noContentHasNoLengthButNotModifiedHasOne() throws Exception {
        // http-request return status 204 / 304 / 502
        assertThat(sent(ReplyAction.HTTP_REQUEST_RETURN, "status", "204")).isEqualTo("HTTP/1.1 204 No Content\r\n\r\n");
        assertThat(sent(ReplyAction.HTTP_REQUEST_RETURN, "status", "304"))
                .isEqualTo("HTTP/1.1 304 Not Modified\r\ncontent-length: 0\r\n\r\n");
        assertThat(sent(ReplyAction.HTTP_REQUEST_RETURN, "status", "502"))
                .isEqualTo("HTTP/1.1 502 Bad Gateway or Proxy Error\r\ncontent-length: 0\r\n\r\n");
    }

    @Test
    void errorfileIsSentWhateverTheStatus() throws Exception {
        // http-request return status 402 errorfile ef/ok.http: valid, the file's 503 is sent
        ReturnReply rule = parse(ReplyAction.HTTP_REQUEST_RETURN, "status", "402", "errorfile", "ef/ok.http");
        Reply reply = ErrorPages.builtIn().reply(rule);
        assertThat(Wire.bytes(reply)).isEqualTo("HTTP/1.1 503 X\r\ncontent-length: 2\r\n\r\nok");
        assertThat(reply.status()).isEqualTo(402);
    }

    @Test
    void errorfilesUsesTheSectionsPageOrNothing() throws Exception {
        ReturnReply found = parse(ReplyAction.HTTP_REQUEST_RETURN, "status", "503", "errorfiles", "myerrs");
        assertThat(Wire.bytes(ErrorPages.builtIn().reply(found))).isEqualTo("HTTP/1.1 503 X\r\ncontent-length: 2\r\n\r\nok");
        assertThat(warnings).isEmpty();
        // http-request return status 404 errorfiles myerrs, 404 not in the section: HAProxy warns
        // and answers an empty 404
        ReturnReply missing = parse(ReplyAction.HTTP_REQUEST_RETURN, "status", "404", "errorfiles", "myerrs");
        assertThat(Wire.bytes(ErrorPages.builtIn().reply(missing)))
                .isEqualTo("HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n");
        assertThat(warnings).containsExactly(
                "Proxy 'f': status '404' referenced by an http reply not declared in http-errors section 'myerrs'.");
    }

    @Test
    void anUnknownSectionFailsWhenResolved() throws Exception {
        ReturnReply rule = ReturnReply.parse(ReplyAction.HTTP_REQUEST_RETURN, List.of("errorfiles", "nosuch"),
                "frontend 'f'", context());
        assertThat(rule.isResolved()).isFalse();
        assertThatThrownBy(() -> ErrorPages.builtIn().reply(rule)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> rule.resolve(sections, "f", warnings::add))
                .hasMessage("Proxy 'f': unknown http-errors section 'nosuch' referenced by an http reply .");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "status                                          | 'status' expects <status_code> as argument.",
            "status 199                                      | Unexpected status code '199'.",
            "status 600                                      | Unexpected status code '600'.",
            "status abc                                      | Unexpected status code '0'.",
            "content-type                                    | 'content-type' expects <ctype> as argument.",
            "string                                          | 'string' expects <str> as argument.",
            "string hello                                    | a content type must be defined when non-empty payload is configured.",
            "content-type text/plain string hello string x   | unexpected 'string' argument, 'string' already defined.",
            "file ef/body.txt errorfile ef/ok.http           | unexpected 'errorfile' argument, 'file' already defined.",
            "default-errorfiles errorfiles myerrs            | unexpected 'errorfiles' argument, 'default-errorfiles' already defined.",
            "file                                            | 'file' expects <file> as argument.",
            "file ef/nope.txt                                | error opening file 'ef/nope.txt'.",
            "lf-file ef/nope.txt                             | error opening file 'ef/nope.txt'.",
            "file ef/big_nolen.http content-type text/plain  | file 'ef/big_nolen.http' exceeds the buffer size (20044 > 16384).",
            "file ef/body.txt                                | a content type must be defined when non-empty payload is configured.",
            "status 204 content-type text/plain string x     | No body expected for 204 responses.",
            "status 304 content-type text/plain lf-string x  | No body expected for 304 responses.",
            "status 204 lf-string x                          | No body expected for 204 responses.",
            "lf-string x                                     | a content type must be defined with a log-format payload.",
            "errorfile                                       | 'errorfile' expects <fmt> as argument.",
            "errorfile ef/nope.http                          | error opening file 'ef/nope.http'..",
            "errorfile ef/clen.http                          | 'ef/clen.http': payload size does not match the announced content-length (3 != 10).",
            "errorfiles                                      | 'errorfiles' expects <name> as argument.",
            "status 402 errorfiles myerrs                    | status code '402' not handled by default with 'errorfiles' argument..",
            "status 402 default-errorfiles                   | status code '402' not handled by default with 'default-errorfiles' argument..",
            "hdr                                             | 'hdr' expects <name> and <value> as arguments.",
            "hdr X-A                                         | 'hdr' expects <name> and <value> as arguments.",
    })
    void returnRefusedWithHaproxysMessage(String words, String message) {
        assertThatThrownBy(() -> parse(ReplyAction.HTTP_REQUEST_RETURN, words.split(" ")))
                .isInstanceOf(ReplyException.class)
                .hasMessage("error detected in frontend 'f' while parsing 'http-request return' rule : " + message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http-request deny   | deny_status                                      | 'status' expects <status_code> as argument.",
            "http-request deny   | deny_status 402                                  | status code '402' not handled by default with 'default-errorfiles' argument..",
            "http-request deny   | deny_status 402 if TRUE                          | status code '402' not handled by default with 'default-errorfiles' argument..",
            "http-request deny   | deny_status 199 content-type text/plain string x | Unexpected status code '199'.",
            "http-request deny   | status 402 default-errorfiles                    | status code '402' not handled by default with 'default-errorfiles' argument..",
            "http-request deny   | string x                                         | a content type must be defined when non-empty payload is configured.",
            "http-request deny   | deny_status abc                                  | Unexpected status code '0'.",
            "http-request tarpit | deny_status 402                                  | status code '402' not handled by default with 'default-errorfiles' argument..",
            "http-response deny  | deny_status 402                                  | status code '402' not handled by default with 'default-errorfiles' argument..",
    })
    void denyRefusedWithHaproxysMessage(String rule, String words, String message) {
        ReplyAction action = Arrays.stream(ReplyAction.values()).filter(a -> a.label().equals(rule)).findFirst().orElseThrow();
        assertThatThrownBy(() -> parse(action, words.split(" ")))
                .hasMessage("error detected in frontend 'f' while parsing '" + rule + "' rule : " + message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http-request return | bogus",
            "http-request return | status 200 bogus",
            "http-request deny   | bogus",
            "http-request deny   | deny_status 429 bogus",
    })
    void onlyAConditionMayFollow(String rule, String words) {
        ReplyAction action = Arrays.stream(ReplyAction.values()).filter(a -> a.label().equals(rule)).findFirst().orElseThrow();
        assertThatThrownBy(() -> parse(action, words.split(" "))).hasMessage(
                "'" + rule + "' expects either 'if' or 'unless' followed by a condition but found 'bogus'.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http-request return | status 200x",
            "http-request return | status 200 if",
            "http-request return | status 200 unless TRUE",
            "http-request return | status 402 errorfile ef/ok.http",
            "http-request deny   | deny_status 402 content-type text/plain string x",
            "http-request deny   | status 402",
            "http-request deny   | deny_status 503 errorfiles myerrs",
            "http-request tarpit | deny_status 404",
            "http-request deny   | deny_status 200",
    })
    void acceptedByHaproxy(String rule, String words) throws Exception {
        ReplyAction action = Arrays.stream(ReplyAction.values()).filter(a -> a.label().equals(rule)).findFirst().orElseThrow();
        assertThat(parse(action, words.split(" ")).isResolved()).isTrue();
        assertThat(warnings).isEmpty();
    }

    @Test
    void warningsWhereHaproxyIgnoresAnArgument() throws Exception {
        parse(ReplyAction.HTTP_REQUEST_RETURN, "content-type", "text/plain", "file", "ef/zero.txt");
        parse(ReplyAction.HTTP_REQUEST_RETURN, "errorfile", "ef/ok.http", "content-type", "text/plain", "hdr", "X-A", "b");
        parse(ReplyAction.HTTP_REQUEST_RETURN, "content-type", "text/plain");
        ReturnReply ignored = parse(ReplyAction.HTTP_REQUEST_RETURN, "hdr", "content-length", "5", "hdr", "Content-Type",
                "x", "hdr", "transfer-encoding", "y");
        assertThat(warnings).containsExactly(
                "content-type 'text/plain' ignored by the http reply when used with an empty payload.",
                "content-type 'text/plain' ignored by the http reply when used with an erorrfile.",
                "hdr parameters ignored by the http reply when used with an erorrfile.",
                "content-type 'text/plain' ignored by the http reply because neither errorfile nor payload defined.",
                "header 'content-length' always ignored by the http reply.",
                "header 'Content-Type' always ignored by the http reply.",
                "header 'transfer-encoding' always ignored by the http reply.");
        assertThat(Wire.bytes(ErrorPages.builtIn().reply(ignored))).isEqualTo("HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n");
    }

    @Test
    void logFormatExpressionsAreRefusedClearly() {
        assertThatThrownBy(() -> parse(ReplyAction.HTTP_REQUEST_RETURN, "content-type", "text/plain", "lf-string",
                "you are %[src]")).hasMessage("error detected in frontend 'f' while parsing 'http-request return' rule :"
                + " lf-string: log-format expressions are not supported yet in Tollgate's replies (found '%[src]');"
                + " use plain text, with '%%' for a literal '%', or 'string'/'file' for a fixed payload.");
        assertThatThrownBy(() -> parse(ReplyAction.HTTP_REQUEST_RETURN, "hdr", "X-Client", "%ci:%cp"))
                .hasMessageContaining("'hdr X-Client': log-format expressions are not supported yet")
                .hasMessageContaining("(found '%ci')");
        assertThatThrownBy(() -> parse(ReplyAction.HTTP_REQUEST_RETURN, "content-type", "text/plain", "lf-string",
                "%{+Q}r")).hasMessageContaining("(found '%{+Q}r')");
    }

    @Test
    void theBodyIsPreparedOnceAndShared() throws Exception {
        ReturnReply rule = parse(ReplyAction.HTTP_REQUEST_RETURN, "content-type", "text/plain", "string", "hello");
        assertThat(ErrorPages.builtIn().reply(rule).response().content().memoryAddress())
                .isEqualTo(ErrorPages.builtIn().reply(rule).response().content().memoryAddress());
    }

    @Test
    void utf8PayloadsAndHeaderValuesKeepTheirBytes() throws Exception {
        String sent = sent(ReplyAction.HTTP_REQUEST_RETURN, "content-type", "text/plain; charset=utf-8", "string",
                "caf\u00e9", "hdr", "X-Word", "\u00e9t\u00e9");
        assertThat(sent.getBytes(StandardCharsets.ISO_8859_1)).isEqualTo(("HTTP/1.1 200 OK\r\nx-word: \u00e9t\u00e9\r\n"
                + "content-length: 5\r\ncontent-type: text/plain; charset=utf-8\r\n\r\ncaf\u00e9")
                .getBytes(StandardCharsets.UTF_8));
    }
}
