package io.tollgate.engine.http;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code http-request auth} challenges against HAProxy 2.6.12: captured with {@code haproxy -db},
 * {@code http-request auth realm Tollgate if { path /401 }} and, for 407,
 * {@code option http-use-proxy-header} with {@code http-request auth realm ProxyRealm} and the
 * request {@code GET http://x/407 HTTP/1.1}; bytes as a Python socket received them.
 */
class AuthChallengeTest {
    @Test
    void authChallengeAddsWwwAuthenticateLast() {
        // http-request auth realm Tollgate
        assertThat(Wire.bytes(AuthChallenge.reply(ErrorPages.builtIn(), ErrorPages.builtIn(), false, "Tollgate")))
                .isEqualTo("HTTP/1.1 401 Unauthorized\r\n"
                        + "content-length: 112\r\n"
                        + "cache-control: no-cache\r\n"
                        + "content-type: text/html\r\n"
                        + "www-authenticate: Basic realm=\"Tollgate\"\r\n"
                        + "\r\n"
                        + "<html><body><h1>401 Unauthorized</h1>\n"
                        + "You need a valid user and password to access this content.\n"
                        + "</body></html>\n");
    }

    @Test
    void forwardProxyAuthChallengeIs407WithProxyAuthenticate() {
        // http-request auth realm ProxyRealm, option http-use-proxy-header, GET http://x/407
        assertThat(Wire.bytes(AuthChallenge.reply(ErrorPages.builtIn(), ErrorPages.builtIn(), true, "ProxyRealm")))
                .isEqualTo("HTTP/1.1 407 Unauthorized\r\n"
                        + "content-length: 112\r\n"
                        + "cache-control: no-cache\r\n"
                        + "content-type: text/html\r\n"
                        + "proxy-authenticate: Basic realm=\"ProxyRealm\"\r\n"
                        + "\r\n"
                        + "<html><body><h1>407 Unauthorized</h1>\n"
                        + "You need a valid user and password to access this content.\n"
                        + "</body></html>\n");
    }

    @Test
    void aProxysOwnPageIsUsedAndItsHeaderReplaced() throws Exception {
        ErrorPages.Builder pages = ErrorPages.builder();
        byte[] page = ("HTTP/1.1 401 Who\r\nWWW-Authenticate: Basic realm=\"old\"\r\n"
                + "Content-Length: 2\r\n\r\nno").getBytes(StandardCharsets.US_ASCII);
        pages.put(401, ErrorFile.of("401.http", page, ReplyContext.of(w -> { })).reply(401));
        assertThat(Wire.bytes(AuthChallenge.reply(pages.build(), ErrorPages.builtIn(), false, "new")))
                .isEqualTo("HTTP/1.1 401 Who\r\ncontent-length: 2\r\nwww-authenticate: Basic realm=\"new\"\r\n\r\nno");
    }
}
