package io.tollgate.engine.http;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.FullHttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built-in pages against HAProxy 2.6.12 (Debian 2.6.12-1+deb12u4). Captured by running
 * {@code haproxy -db} with one {@code http-request deny deny_status <code> if { path /<code> }}
 * rule per code, sending {@code GET /<code> HTTP/1.1} from a Python socket and keeping every byte
 * received. After 400 and 408 HAProxy closed the connection; after every other page it kept it
 * open.
 */
class DefaultErrorPagesTest {
    static Stream<Arguments> captured() {
        return Stream.of(
                Arguments.of(200, "HTTP/1.1 200 OK\r\n"
                        + "content-length: 58\r\n"
                        + "cache-control: no-cache\r\n"
                        + "content-type: text/html\r\n"
                        + "\r\n"
                        + "<html><body><h1>200 OK</h1>\n"
                        + "Service ready.\n"
                        + "</body></html>\n"),
                Arguments.of(400, "HTTP/1.1 400 Bad request\r\n"
                        + "content-length: 90\r\n"
                        + "cache-control: no-cache\r\n"
                        + "content-type: text/html\r\n"
                        + "connection: close\r\n"
                        + "\r\n"
                        + "<html><body><h1>400 Bad request</h1>\n"
                        + "Your browser sent an invalid request.\n"
                        + "</body></html>\n"),
                Arguments.of(401, "HTTP/1.1 401 Unauthorized\r\n"
                        + "content-length: 112\r\n"
                        + "cache-control: no-cache\r\n"
                        + "content-type: text/html\r\n"
                        + "\r\n"
                        + "<html><body><h1>401 Unauthorized</h1>\n"
                        + "You need a valid user and password to access this content.\n"
                        + "</body></html>\n"),
                Arguments.of(403, "HTTP/1.1 403 Forbidden\r\n"
                        + "content-length: 93\r\n"
                        + "cache-control: no-cache\r\n"
                        + "content-type: text/html\r\n"
                        + "\r\n"
                        + "<html><body><h1>403 Forbidden</h1>\n"
                        + "Request forbidden by administrative rules.\n"
                        + "</body></html>\n"),
                Arguments.of(404, "HTTP/1.1 404 Not Found\r\n"
                        + "content-length: 83\r\n"
                        + "cache-control: no-cache\r\n"
                        + "content-type: text/html\r\n"
                        + "\r\n"
                        + "<html><body><h1>404 Not Found</h1>\n"
                        + "The resource could not be found.\n"
                        + "</body></html>\n"),
                Arguments.of(405, "HTTP/1.1 405 Method Not Allowed\r\n"
                        + "content-length: 146\r\n"
                        + "cache-control: no-cache\r\n"
                        + "content-type: text/html\r\n"
                        + "\r\n"
                        + "<html><body><h1>405 Method Not Allowed</h1>\n"
                        + "A request was made of a resource using a request method not supported by that resource\n"
                        + "</body></html>\n"),
                Arguments.of(407, "HTTP/1.1 407 Unauthorized\r\n"
                        + "content-length: 112\r\n"
                        + "cache-control: no-cache\r\n"
                        + "content-type: text/html\r\n"
                        + "\r\n"
                        + "<html><body><h1>407 Unauthorized</h1>\n"
                        + "You need a valid user and password to access this content.\n"
                        + "</body></html>\n"),
                Arguments.of(408, "HTTP/1.1 408 Request Time-out\r\n"
                        + "content-length: 110\r\n"
                        + "cache-control: no-cache\r\n"
                        + "content-type: text/html\r\n"
                        + "connection: close\r\n"
                        + "\r\n"
                        + "<html><body><h1>408 Request Time-out</h1>\n"
                        + "Your browser didn't send a complete request in time.\n"
                        + "</body></html>\n"),
                Arguments.of(410, "HTTP/1.1 410 Gone\r\n"
                        + "content-length: 114\r\n"
                        + "cache-control: no-cache\r\n"
                        + "content-type: text/html\r\n"
                        + "\r\n"
                        + "<html><body><h1>410 Gone</h1>\n"
                        + "The resource is no longer available and will not be available again.\n"
                        + "</body></html>\n"),
                Arguments.of(413, "HTTP/1.1 413 Payload Too Large\r\n"
                        + "content-length: 106\r\n"
                        + "cache-control: no-cache\r\n"
                        + "content-type: text/html\r\n"
                        + "\r\n"
                        + "<html><body><h1>413 Payload Too Large</h1>\n"
                        + "The request entity exceeds the maximum allowed.\n"
                        + "</body></html>\n"),
                Arguments.of(421, "HTTP/1.1 421 Misdirected Request\r\n"
                        + "content-length: 104\r\n"
                        + "cache-control: no-cache\r\n"
                        + "content-type: text/html\r\n"
                        + "\r\n"
                        + "<html><body><h1>421 Misdirected Request</h1>\n"
                        + "Request sent to a non-authoritative server.\n"
                        + "</body></html>\n"),
                Arguments.of(422, "HTTP/1.1 422 Unprocessable Content\r\n"
                        + "content-length: 116\r\n"
                        + "cache-control: no-cache\r\n"
                        + "content-type: text/html\r\n"
                        + "\r\n"
                        + "<html><body><h1>422 Unprocessable Content</h1>\n"
                        + "The server cannot process the contained instructions.\n"
                        + "</body></html>\n"),
                Arguments.of(425, "HTTP/1.1 425 Too Early\r\n"
                        + "content-length: 80\r\n"
                        + "cache-control: no-cache\r\n"
                        + "content-type: text/html\r\n"
                        + "\r\n"
                        + "<html><body><h1>425 Too Early</h1>\n"
                        + "Your browser sent early data.\n"
                        + "</body></html>\n"),
                Arguments.of(429, "HTTP/1.1 429 Too Many Requests\r\n"
                        + "content-length: 117\r\n"
                        + "cache-control: no-cache\r\n"
                        + "content-type: text/html\r\n"
                        + "\r\n"
                        + "<html><body><h1>429 Too Many Requests</h1>\n"
                        + "You have sent too many requests in a given amount of time.\n"
                        + "</body></html>\n"),
                Arguments.of(500, "HTTP/1.1 500 Internal Server Error\r\n"
                        + "content-length: 97\r\n"
                        + "cache-control: no-cache\r\n"
                        + "content-type: text/html\r\n"
                        + "\r\n"
                        + "<html><body><h1>500 Internal Server Error</h1>\n"
                        + "An internal server error occurred.\n"
                        + "</body></html>\n"),
                Arguments.of(501, "HTTP/1.1 501 Not Implemented\r\n"
                        + "content-length: 136\r\n"
                        + "cache-control: no-cache\r\n"
                        + "content-type: text/html\r\n"
                        + "\r\n"
                        + "<html><body><h1>501 Not Implemented</h1>\n"
                        + ".The server does not support the functionality required to fulfill the request.\n"
                        + "</body></html>\n"),
                Arguments.of(502, "HTTP/1.1 502 Bad Gateway\r\n"
                        + "content-length: 107\r\n"
                        + "cache-control: no-cache\r\n"
                        + "content-type: text/html\r\n"
                        + "\r\n"
                        + "<html><body><h1>502 Bad Gateway</h1>\n"
                        + "The server returned an invalid or incomplete response.\n"
                        + "</body></html>\n"),
                Arguments.of(503, "HTTP/1.1 503 Service Unavailable\r\n"
                        + "content-length: 107\r\n"
                        + "cache-control: no-cache\r\n"
                        + "content-type: text/html\r\n"
                        + "\r\n"
                        + "<html><body><h1>503 Service Unavailable</h1>\n"
                        + "No server is available to handle this request.\n"
                        + "</body></html>\n"),
                Arguments.of(504, "HTTP/1.1 504 Gateway Time-out\r\n"
                        + "content-length: 92\r\n"
                        + "cache-control: no-cache\r\n"
                        + "content-type: text/html\r\n"
                        + "\r\n"
                        + "<html><body><h1>504 Gateway Time-out</h1>\n"
                        + "The server didn't respond in time.\n"
                        + "</body></html>\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captured")
    void pagesAreByteForByteHaproxys(int code, String haproxy) {
        assertThat(Wire.bytes(DefaultErrorPages.reply(code))).isEqualTo(haproxy);
        assertThat(DefaultErrorPages.reply(code).status()).isEqualTo(code);
    }

    @Test
    void onlyBadRequestAndTimeoutCloseTheConnection() {
        assertThat(DefaultErrorPages.CODES.stream().filter(c -> DefaultErrorPages.reply(c).closesConnection()))
                .containsExactly(400, 408);
    }

    @Test
    void theCodesErrorfileAccepts() {
        // haproxy -c: "errorfile 402 ..." and "errorfile 100 ..." say "status code '402' not handled."
        assertThat(DefaultErrorPages.CODES).containsExactly(200, 400, 401, 403, 404, 405, 407, 408, 410, 413, 421,
                422, 425, 429, 500, 501, 502, 503, 504);
    }

    @Test
    void aStatusWithoutPageGetsThe500PageButKeepsItsStatus() {
        Reply reply = DefaultErrorPages.reply(402);
        assertThat(reply.status()).isEqualTo(402);
        assertThat(reply.wireStatus().code()).isEqualTo(500);
    }

    @Test
    void headKeepsTheHeadersAndDropsTheBody() {
        // HEAD /503 against the same configuration
        assertThat(Wire.bytes(DefaultErrorPages.reply(503).headResponse())).isEqualTo("HTTP/1.1 503 Service Unavailable\r\n"
                + "content-length: 107\r\n"
                + "cache-control: no-cache\r\n"
                + "content-type: text/html\r\n"
                + "\r\n");
    }

    @Test
    void everyResponseSharesOneReadOnlyDirectBodyThatReleaseCannotFree() {
        FullHttpResponse first = DefaultErrorPages.reply(503).response();
        FullHttpResponse second = DefaultErrorPages.reply(503).response();
        ByteBuf a = first.content();
        ByteBuf b = second.content();
        assertThat(a).isNotSameAs(b);
        assertThat(a.isDirect()).isTrue();
        assertThat(a.isReadOnly()).isTrue();
        assertThat(a.memoryAddress()).isEqualTo(b.memoryAddress());
        a.readByte();
        assertThat(b.readerIndex()).isZero();
        first.release();
        first.release();
        assertThat(Wire.bytes(DefaultErrorPages.reply(503))).endsWith("</body></html>\n");
        assertThat(second.content().readableBytes()).isEqualTo(107);
    }

    @Test
    void eachResponseHasItsOwnHeaders() {
        FullHttpResponse first = DefaultErrorPages.reply(503).response();
        first.headers().set("connection", "keep-alive");
        assertThat(DefaultErrorPages.reply(503).response().headers().contains("connection")).isFalse();
    }
}
