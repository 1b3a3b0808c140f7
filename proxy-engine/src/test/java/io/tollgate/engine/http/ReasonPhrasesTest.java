package io.tollgate.engine.http;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reason phrases against HAProxy 2.6.12: the status lines it sent for
 * {@code http-request return status <code>}, for every code of its table and a few outside it.
 */
class ReasonPhrasesTest {
    @ParameterizedTest
    @ValueSource(strings = {
            "HTTP/1.1 200 OK",
            "HTTP/1.1 201 Created",
            "HTTP/1.1 202 Accepted",
            "HTTP/1.1 203 Non-Authoritative Information",
            "HTTP/1.1 204 No Content",
            "HTTP/1.1 205 Reset Content",
            "HTTP/1.1 206 Partial Content",
            "HTTP/1.1 207 Multi-Status",
            "HTTP/1.1 210 Content Different",
            "HTTP/1.1 226 IM Used",
            "HTTP/1.1 300 Multiple Choices",
            "HTTP/1.1 301 Moved Permanently",
            "HTTP/1.1 302 Moved Temporarily",
            "HTTP/1.1 303 See Other",
            "HTTP/1.1 304 Not Modified",
            "HTTP/1.1 305 Use Proxy",
            "HTTP/1.1 307 Temporary Redirect",
            "HTTP/1.1 308 Permanent Redirect",
            "HTTP/1.1 310 Too many Redirects",
            "HTTP/1.1 400 Bad Request",
            "HTTP/1.1 401 Unauthorized",
            "HTTP/1.1 402 Payment Required",
            "HTTP/1.1 403 Forbidden",
            "HTTP/1.1 404 Not Found",
            "HTTP/1.1 405 Method Not Allowed",
            "HTTP/1.1 406 Not Acceptable",
            "HTTP/1.1 407 Proxy Authentication Required",
            "HTTP/1.1 408 Request Time-out",
            "HTTP/1.1 409 Conflict",
            "HTTP/1.1 410 Gone",
            "HTTP/1.1 411 Length Required",
            "HTTP/1.1 412 Precondition Failed",
            "HTTP/1.1 413 Request Entity Too Large",
            "HTTP/1.1 414 Request-URI Too Long",
            "HTTP/1.1 415 Unsupported Media Type",
            "HTTP/1.1 416 Requested range unsatisfiable",
            "HTTP/1.1 417 Expectation failed",
            "HTTP/1.1 418 I'm a teapot",
            "HTTP/1.1 421 Misdirected Request",
            "HTTP/1.1 422 Unprocessable Content",
            "HTTP/1.1 423 Locked",
            "HTTP/1.1 424 Method failure",
            "HTTP/1.1 425 Too Early",
            "HTTP/1.1 426 Upgrade Required",
            "HTTP/1.1 428 Precondition Required",
            "HTTP/1.1 429 Too Many Requests",
            "HTTP/1.1 431 Request Header Fields Too Large",
            "HTTP/1.1 449 Retry With",
            "HTTP/1.1 450 Blocked by Windows Parental Controls",
            "HTTP/1.1 451 Unavailable For Legal Reasons",
            "HTTP/1.1 456 Unrecoverable Error",
            "HTTP/1.1 499 client has closed connection",
            "HTTP/1.1 500 Internal Server Error",
            "HTTP/1.1 501 Not Implemented",
            "HTTP/1.1 502 Bad Gateway or Proxy Error",
            "HTTP/1.1 503 Service Unavailable",
            "HTTP/1.1 504 Gateway Time-out",
            "HTTP/1.1 505 HTTP Version not supported",
            "HTTP/1.1 506 Variant also negotiate",
            "HTTP/1.1 507 Insufficient storage",
            "HTTP/1.1 508 Loop detected",
            "HTTP/1.1 509 Bandwidth Limit Exceeded",
            "HTTP/1.1 510 Not extended",
            "HTTP/1.1 511 Network authentication required",
            "HTTP/1.1 520 Web server is returning an unknown error",
            "HTTP/1.1 299 Success",
            "HTTP/1.1 399 Redirection",
            "HTTP/1.1 430 Client Error",
            "HTTP/1.1 499 client has closed connection",
            "HTTP/1.1 599 Server Error",
            "HTTP/1.1 250 Success"})
    void statusLinesAreHaproxys(String statusLine) {
        int code = Integer.parseInt(statusLine.substring(9, 12));
        assertThat("HTTP/1.1 " + code + " " + ReasonPhrases.of(code)).isEqualTo(statusLine);
    }
}
