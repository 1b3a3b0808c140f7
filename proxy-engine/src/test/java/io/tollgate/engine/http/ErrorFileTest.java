package io.tollgate.engine.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Error files against HAProxy 2.6.12. Accepted files were served by {@code haproxy -db} through
 * {@code errorfile 503 ef/<file>} and {@code http-request deny deny_status 503}, and the bytes a
 * Python socket received are pasted below; refused ones were checked with {@code haproxy -c},
 * whose alert reads {@code parsing [c.cfg:8] : errorfile : <the message here>}. File names are
 * relative ({@code ef/...}) so the messages are HAProxy's to the byte.
 */
class ErrorFileTest {
    @TempDir
    Path dir;
    private final List<String> warnings = new ArrayList<>();

    private ReplyContext context() {
        return new ReplyContext(dir::resolve, ReplyLimits.DEFAULT, warnings::add);
    }

    private String file(String name, String content) throws IOException {
        return file(name, content.getBytes(StandardCharsets.ISO_8859_1));
    }

    private String file(String name, byte[] content) throws IOException {
        Path path = dir.resolve("ef").resolve(name);
        Files.createDirectories(path.getParent());
        Files.write(path, content);
        return "ef/" + name;
    }

    private ErrorFile load(String name, String content) throws Exception {
        return ErrorFile.load(file(name, content), context());
    }

    private String served(String name, String content) throws Exception {
        return Wire.bytes(load(name, content).reply(503));
    }

    private void refused(String name, String content, String message) {
        assertThatThrownBy(() -> load(name, content)).isInstanceOf(ReplyException.class).hasMessage(message);
    }

    @Test
    void namesAreLowerCasedAndConnectionCloseGoesLast() throws Exception {
        Reply reply = load("good.http", "HTTP/1.1 503 Service Unavailable\r\n"
                + "Cache-Control: no-cache\r\n"
                + "Connection: close\r\n"
                + "Content-Type: text/html\r\n"
                + "X-Custom: Yes\r\n"
                + "Content-Length: 13\r\n"
                + "\r\n"
                + "<p>sorry</p>\n").reply(503);
        assertThat(Wire.bytes(reply)).isEqualTo("HTTP/1.1 503 Service Unavailable\r\n"
                + "cache-control: no-cache\r\n"
                + "content-type: text/html\r\n"
                + "x-custom: Yes\r\n"
                + "content-length: 13\r\n"
                + "connection: close\r\n"
                + "\r\n"
                + "<p>sorry</p>\n");
        assertThat(reply.closesConnection()).isTrue();
    }

    @Test
    void lineFeedsAloneEndLinesToo() throws Exception {
        assertThat(served("lf.http", "HTTP/1.1 503 Oops\n"
                + "Content-Type: text/plain\n"
                + "Content-Length: 3\n"
                + "\n"
                + "ab\n")).isEqualTo("HTTP/1.1 503 Oops\r\n"
                + "content-type: text/plain\r\n"
                + "content-length: 3\r\n"
                + "\r\n"
                + "ab\n");
    }

    @Test
    void withoutLengthTheBodyEndsWithTheConnection() throws Exception {
        Reply reply = load("nolen.http", "HTTP/1.1 503 X\r\n"
                + "Content-Type: text/plain\r\n"
                + "\r\n"
                + "no length body").reply(503);
        assertThat(Wire.bytes(reply)).isEqualTo("HTTP/1.1 503 X\r\n"
                + "content-type: text/plain\r\n"
                + "connection: close\r\n"
                + "\r\n"
                + "no length body");
        assertThat(reply.closesConnection()).isTrue();
    }

    @Test
    void theFilesStatusIsSentButTheConfiguredOneIsRecorded() throws Exception {
        // errorfile 503 naming a 200 file: HAProxy sent 200 and logged 503 (option httplog)
        Reply reply = load("s200.http", "HTTP/1.1 200 OK\r\n"
                + "Content-Length: 2\r\n"
                + "\r\n"
                + "hi").reply(503);
        assertThat(Wire.bytes(reply)).isEqualTo("HTTP/1.1 200 OK\r\n"
                + "content-length: 2\r\n"
                + "\r\n"
                + "hi");
        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.wireStatus().code()).isEqualTo(200);
    }

    @Test
    void aVersionAbove11IsSentAs11() throws Exception {
        assertThat(served("v20.http", "HTTP/2.0 503 New\r\n"
                + "Content-Length: 2\r\n"
                + "\r\n"
                + "ok")).isEqualTo("HTTP/1.1 503 New\r\n"
                + "content-length: 2\r\n"
                + "\r\n"
                + "ok");
    }

    @Test
    void anHttp10PageStaysHttp10() throws Exception {
        // HAProxy added "connection: keep-alive" after the headers, as it does for any HTTP/1.0
        // response it keeps alive: connection management is the engine's, not the page's.
        assertThat(served("v10.http", "HTTP/1.0 503 Old\r\n"
                + "Content-Length: 2\r\n"
                + "\r\n"
                + "ok"))
                .isEqualTo(("HTTP/1.0 503 Old\r\n"
                + "content-length: 2\r\n"
                + "connection: keep-alive\r\n"
                + "\r\n"
                + "ok").replace("connection: keep-alive\r\n", ""));
    }

    @Test
    void aMissingReasonLeavesTheSpace() throws Exception {
        assertThat(served("noreason.http", "HTTP/1.1 503\r\n"
                + "Content-Length: 2\r\n"
                + "\r\n"
                + "ok")).isEqualTo("HTTP/1.1 503 \r\n"
                + "content-length: 2\r\n"
                + "\r\n"
                + "ok");
    }

    @Test
    void foldedHeaderLinesAreJoinedWithSpaces() throws Exception {
        assertThat(served("fold.http", "HTTP/1.1 503 X\r\n"
                + "X-Fold: a\r\n"
                + " b\r\n"
                + "Content-Length: 2\r\n"
                + "\r\n"
                + "ok"))
                .isEqualTo("HTTP/1.1 503 X\r\nx-fold: a   b\r\ncontent-length: 2\r\n\r\nok");
    }

    @Test
    void a204LosesItsContentLength() throws Exception {
        assertThat(served("s204clen.http", "HTTP/1.1 204 No Content\r\n"
                + "Content-Length: 0\r\n"
                + "X-A: b\r\n"
                + "\r\n")).isEqualTo("HTTP/1.1 204 No Content\r\n"
                + "x-a: b\r\n"
                + "\r\n");
    }

    @Test
    void a304KeepsItsContentLengthWithoutBody() throws Exception {
        assertThat(served("s304clen.http", "HTTP/1.1 304 Not Modified\r\n"
                + "Content-Length: 5\r\n"
                + "\r\n")).isEqualTo("HTTP/1.1 304 Not Modified\r\n"
                + "content-length: 5\r\n"
                + "\r\n");
    }

    @Test
    void noLengthAndNoBodyStillCloses() throws Exception {
        assertThat(served("nobody.http", "HTTP/1.1 503 X\r\n"
                + "\r\n")).isEqualTo("HTTP/1.1 503 X\r\n"
                + "connection: close\r\n"
                + "\r\n");
    }

    @Test
    void anEmptyFileMeansNoResponseAndAClose() throws Exception {
        // HAProxy closed the connection without sending a byte
        ErrorFile empty = load("empty.http", "");
        assertThat(empty.isEmpty()).isTrue();
        assertThat(empty.reply(503).isEmpty()).isTrue();
        assertThat(empty.reply(503).closesConnection()).isTrue();
        assertThatThrownBy(() -> empty.reply(503).response()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void whatHaproxyAcceptsLoads() throws Exception {
        // each "Configuration file is valid" with haproxy -c
        assertThat(served("leadcrlf.http", "\r\nHTTP/1.1 503 X\r\nContent-Length: 2\r\n\r\nok"))
                .isEqualTo("HTTP/1.1 503 X\r\ncontent-length: 2\r\n\r\nok");
        assertThat(served("spaces.http", "HTTP/1.1 503 X\r\nX-A:   spaced   \r\nContent-Length: 2\r\n\r\nok"))
                .contains("x-a: spaced\r\n");
        assertThat(served("dupclen.http", "HTTP/1.1 503 X\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\nok"))
                .isEqualTo("HTTP/1.1 503 X\r\ncontent-length: 2\r\n\r\nok");
        assertThat(served("twosp.http", "HTTP/1.1  503 X\r\nContent-Length: 2\r\n\r\nok")).startsWith("HTTP/1.1 503 X\r\n");
        assertThat(served("nospace.http", "HTTP/1.1 503 X\r\nContent-Length:2\r\n\r\nok")).contains("content-length: 2");
        assertThat(served("emptyval.http", "HTTP/1.1 503 X\r\nX-E:\r\nContent-Length: 2\r\n\r\nok")).contains("x-e: \r\n");
        assertThat(load("s101.http", "HTTP/1.1 101 Switching\r\n\r\n").isEmpty()).isFalse();
        assertThat(load("s999.http", "HTTP/1.1 999 X\r\nContent-Length: 2\r\n\r\nok").reply(503).wireStatus().code())
                .isEqualTo(999);
        assertThat(warnings).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "garbage.http   | garbage here\\r\\n\\r\\n                                     | unable to parse headers (error offset: 0)",
            "nohdrend.http  | HTTP/1.1 503 X\\r\\nContent-Length: 2\\r\\n                   | unable to parse headers (error offset: -2)",
            "s5a3.http      | HTTP/1.1 5a3 X\\r\\nContent-Length: 2\\r\\n\\r\\nok            | unable to parse headers (error offset: 10)",
            "badhdr.http    | HTTP/1.1 503 X\\r\\nBad Header: v\\r\\nContent-Length: 2\\r\\n\\r\\nok | unable to parse headers (error offset: 19)",
            "nocolon.http   | HTTP/1.1 503 X\\r\\nNoColon\\r\\nContent-Length: 2\\r\\n\\r\\nok   | unable to parse headers (error offset: 23)",
            "twoclen.http   | HTTP/1.1 503 X\\r\\nContent-Length: 2\\r\\nContent-Length: 3\\r\\n\\r\\nok | unable to parse headers (error offset: 51)",
            "badclen.http   | HTTP/1.1 503 X\\r\\nContent-Length: abc\\r\\n\\r\\nok            | unable to parse headers (error offset: 32)",
            "v110.http      | HTTP/1.10 503 X\\r\\nContent-Length: 2\\r\\n\\r\\nok           | invalid http version (HTTP/1.10)",
            "vfoo.http      | FOO/1.1 503 X\\r\\nContent-Length: 2\\r\\n\\r\\nok             | invalid http version (FOO/1.1)",
            "s100.http      | HTTP/1.1 100 Continue\\r\\n\\r\\n                            | invalid http status code for an error message (100)",
            "chunked.http   | HTTP/1.1 503 X\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n2\\r\\nok\\r\\n0\\r\\n\\r\\n | chunk-encoded payload not supported",
            "clente.http    | HTTP/1.1 503 X\\r\\nContent-Length: 2\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n2\\r\\nok\\r\\n0\\r\\n\\r\\n | chunk-encoded payload not supported",
            "s204.http      | HTTP/1.1 204 No Content\\r\\n\\r\\nbody                      | message payload not expected",
            "zero.http      | HTTP/1.1 503 X\\r\\nContent-Length: 0\\r\\n\\r\\nbody          | message payload not expected",
            "clen.http      | HTTP/1.1 503 X\\r\\nContent-Length: 10\\r\\n\\r\\nabc          | payload size does not match the announced content-length (3 != 10)",
            "short.http     | HTTP/1.1 503 X\\r\\nContent-Length: 2\\r\\n\\r\\n              | payload size does not match the announced content-length (0 != 2)",
    })
    void refusedWithHaproxysMessage(String name, String content, String message) {
        refused(name, unescape(content), "'ef/" + name + "': " + message);
    }

    private static String unescape(String s) {
        return s.replace("\\r", "\r").replace("\\n", "\n");
    }

    @Test
    void aMissingFileCannotBeOpened() {
        assertThatThrownBy(() -> ErrorFile.load("ef/missing.http", context()))
                .hasMessage("error opening file 'ef/missing.http'.");
    }

    @Test
    void aDirectoryCannotBeRead() throws IOException {
        Files.createDirectories(dir.resolve("ef/adir"));
        assertThatThrownBy(() -> ErrorFile.load("ef/adir", context())).hasMessage("error reading file 'ef/adir'.");
    }

    private static String page(int bodyLength, String headers) {
        return "HTTP/1.1 503 X\r\n" + headers + "Content-Length: " + bodyLength + "\r\n\r\n" + "z".repeat(bodyLength);
    }

    @Test
    void aFileOverBufsizeIsTruncatedWithAWarningThenFails() {
        // haproxy -c: "[WARNING] ... custom error message file 'ef/big_clen.http' larger than 16384
        // bytes. Truncating." then the alert below
        refused("big_clen.http", page(20000, ""),
                "'ef/big_clen.http': payload size does not match the announced content-length (16343 != 20000)");
        assertThat(warnings).containsExactly("custom error message file 'ef/big_clen.http' larger than 16384 bytes."
                + " Truncating.");
        refused("big_nolen.http", "HTTP/1.1 503 X\r\nContent-Type: text/plain\r\n\r\n" + "x".repeat(20000),
                "'ef/big_nolen.http': unable to add payload into the HTX message");
        refused("over16385.http", page(16344, ""),
                "'ef/over16385.http': payload size does not match the announced content-length (16343 != 16344)");
    }

    @Test
    void theMessageMustFitOneHtxBufferNotJustTheFileSize() {
        // exactly 16384 bytes on disk: no truncation, but HAProxy still refuses it
        refused("exact16384.http", page(16343, ""), "'ef/exact16384.http': unable to add payload into the HTX message");
        assertThat(warnings).isEmpty();
    }

    @Test
    void theLargestBodiesHaproxyLoads() throws Exception {
        // found by bisection with haproxy -c
        assertThat(load("fit.http", page(16252, "")).reply(503).bodyLength()).isEqualTo(16252);
        refused("fit.http", page(16253, ""), "'ef/fit.http': unable to add payload into the HTX message");
        String statusAndHeaders = "Content-Type: text/html\r\nX-A: b\r\n";
        String big = page(16193, statusAndHeaders).replace("503 X", "503 Service Unavailable");
        assertThat(load("fit2.http", big).reply(503).bodyLength()).isEqualTo(16193);
        refused("fit2.http", page(16194, statusAndHeaders).replace("503 X", "503 Service Unavailable"),
                "'ef/fit2.http': unable to add payload into the HTX message");
    }

    @Test
    void pagesLeavingLessThanMaxrewriteFreeAreWarnedAbout() throws Exception {
        // haproxy -db printed this at start-up from 15221 body bytes on, not at 15220
        load("fit.http", page(15220, ""));
        assertThat(warnings).isEmpty();
        load("fit.http", page(15221, ""));
        assertThat(warnings).containsExactly("config: errorfile 'ef/fit.http' runs over the buffer space reserved to"
                + " headers rewriting. It may lead to internal errors if  http-after-response rules are evaluated on"
                + " this message.");
    }

    @Test
    void atMostAHundredHeaders() throws Exception {
        // tune.http.maxhdr 101 counts the end of headers too: 99 headers plus content-length load,
        // 100 plus content-length fail (offsets as haproxy -c printed them)
        assertThat(load("many.http", many(99)).reply(503).bodyLength()).isEqualTo(2);
        refused("many.http", many(100), "'ef/many.http': unable to parse headers (error offset: 927)");
        refused("many.http", many(101), "'ef/many.http': unable to parse headers (error offset: 935)");
    }

    private static String many(int n) {
        StringBuilder s = new StringBuilder("HTTP/1.1 503 X\r\n");
        for (int i = 0; i < n; i++) {
            s.append("X-").append(i).append(": v\r\n");
        }
        return s.append("Content-Length: 2\r\n\r\nok").toString();
    }

    @Test
    void aPageIsParsedOnceAndItsBytesShared() throws Exception {
        ErrorFile file = load("lf.http", "HTTP/1.1 503 Oops\n"
                + "Content-Type: text/plain\n"
                + "Content-Length: 3\n"
                + "\n"
                + "ab\n");
        assertThat(file.reply(503).response().content().memoryAddress())
                .isEqualTo(file.reply(404).response().content().memoryAddress());
        assertThat(file.name()).isEqualTo("ef/lf.http");
    }
}
