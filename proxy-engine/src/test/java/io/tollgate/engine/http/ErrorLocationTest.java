package io.tollgate.engine.http;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code errorloc*} against HAProxy 2.6.12: redirects captured from {@code haproxy -db} with
 * {@code errorloc 403 http://example.com/forbidden?x=1}, {@code errorloc303 410 /gone} and
 * {@code errorloc302 405 /m} and matching {@code http-request deny} rules (the connection stayed
 * open after each); messages from {@code haproxy -c}.
 */
class ErrorLocationTest {
    private static Reply location(String... words) throws ReplyException {
        return ErrorLocation.parse(List.of(words), ReplyContext.of(w -> { })).reply();
    }

    @Test
    void errorlocIsA302() throws Exception {
        Reply reply = location("errorloc", "403", "http://example.com/forbidden?x=1");
        assertThat(Wire.bytes(reply)).isEqualTo("HTTP/1.1 302 Found\r\n"
                + "cache-control: no-cache\r\n"
                + "content-length: 0\r\n"
                + "location: http://example.com/forbidden?x=1\r\n"
                + "\r\n");
        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.closesConnection()).isFalse();
    }

    @Test
    void errorloc303IsA303() throws Exception {
        assertThat(Wire.bytes(location("errorloc303", "410", "/gone"))).isEqualTo("HTTP/1.1 303 See Other\r\n"
                + "cache-control: no-cache\r\n"
                + "content-length: 0\r\n"
                + "location: /gone\r\n"
                + "\r\n");
    }

    @Test
    void errorloc302IsA302() throws Exception {
        assertThat(Wire.bytes(location("errorloc302", "405", "/m"))).isEqualTo("HTTP/1.1 302 Found\r\n"
                + "cache-control: no-cache\r\n"
                + "content-length: 0\r\n"
                + "location: /m\r\n"
                + "\r\n");
    }

    @Test
    void theModelKeepsWhatWasAsked() throws Exception {
        ErrorLocation location = ErrorLocation.parse(List.of("errorloc303", "503", "/x", "ignored"),
                ReplyContext.of(w -> { }));
        assertThat(location.code()).isEqualTo(503);
        assertThat(location.redirect()).isEqualTo(303);
        assertThat(location.url()).isEqualTo("/x");
    }

    @Test
    void refusedWithHaproxysMessages() {
        assertThatThrownBy(() -> location("errorloc", "503"))
                .hasMessage("errorloc : expects <status_code> and <url> as arguments.");
        assertThatThrownBy(() -> location("errorloc", "503", ""))
                .hasMessage("errorloc : expects <status_code> and <url> as arguments.");
        assertThatThrownBy(() -> location("errorloc", "402", "http://x/"))
                .hasMessage("errorloc : status code '402' not handled.");
        assertThatThrownBy(() -> location("errorloc302", "abc", "http://x/"))
                .hasMessage("errorloc302 : status code '0' not handled.");
    }
}
