package io.tollgate.engine.net;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.tollgate.engine.net.RunningEngine.freePort;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code http-request set-src|set-dst|set-src-port|set-dst-port} over real sockets. */
class AddressRulesTest {
    private static final String DEFAULTS = """
            defaults
                mode http
                timeout connect 2s
                timeout client 10s
                timeout server 10s
            """;

    @RegisterExtension
    final TestResources resources = new TestResources();

    @Test
    void aForwardProxySendsEachRequestWhereItsUrlPoints() throws Exception {
        Upstream a = resources.upstream("a");
        Upstream b = resources.upstream("b");
        int port = freePort();
        // HAProxy's own option-http-proxy example: the destination comes from the absolute URL
        resources.engine(DEFAULTS + """
                frontend fe
                    bind 127.0.0.1:%d
                    default_backend next
                backend next
                    http-request set-dst url_ip
                    http-request set-dst-port url_port
                    http-request set-uri %%[pathq]
                    server next-hop 0.0.0.0
                """.formatted(port));
        try (RawHttp c = new RawHttp(port)) {
            for (int i = 0; i < 3; i++) {
                c.send("GET http://127.0.0.1:" + a.port() + "/x?i=" + i + " HTTP/1.1\r\nHost: a\r\n\r\n");
                RawHttp.Response ra = c.read(false);
                assertThat(ra.text()).isEqualTo("Hello! This is a!\n");
                assertThat(ra.header("x-seen")).isEqualTo("GET /x?i=" + i);
                // the same client, the same server line, another destination: never a reused connection
                c.send("GET http://127.0.0.1:" + b.port() + "/y HTTP/1.1\r\nHost: b\r\n\r\n");
                assertThat(c.read(false).text()).isEqualTo("Hello! This is b!\n");
            }
        }
        assertThat(a.requests()).isEqualTo(3);
        assertThat(b.requests()).isEqualTo(3);
    }

    @Test
    void setSrcChangesWhatLaterRulesSeeAndIgnoresNonAddresses() throws Exception {
        Upstream app = resources.upstream("app");
        int port = freePort();
        resources.engine(DEFAULTS + """
                frontend fe
                    bind 127.0.0.1:%d
                    http-request set-src req.hdr(x-real-ip) if { req.hdr(x-real-ip) -m found }
                    http-request set-src-port req.hdr(x-real-port) if { req.hdr(x-real-port) -m found }
                    http-request deny if { src 10.1.2.0/24 }
                    http-request deny deny_status 429 if { src_port 4444 }
                    http-request set-header X-Client %%[src]
                    default_backend be
                backend be
                    server app 127.0.0.1:%d
                """.formatted(port, app.port()));
        try (RawHttp c = new RawHttp(port)) {
            c.send("GET / HTTP/1.1\r\nHost: t\r\nX-Real-IP: not-an-address\r\n\r\n");
            assertThat(c.read(false).status()).isEqualTo(200);
            assertThat(app.lastHeaders()).containsEntry("x-client", "127.0.0.1");
            c.send("GET / HTTP/1.1\r\nHost: t\r\nX-Real-IP: 10.9.9.9\r\n\r\n");
            assertThat(c.read(false).status()).isEqualTo(200);
            assertThat(app.lastHeaders()).containsEntry("x-client", "10.9.9.9");
        }
        try (RawHttp c = new RawHttp(port)) {
            c.send("GET / HTTP/1.1\r\nHost: t\r\nX-Real-IP: 10.1.2.3\r\n\r\n");
            assertThat(c.read(false).status()).isEqualTo(403);
        }
        try (RawHttp c = new RawHttp(port)) {
            c.send("GET / HTTP/1.1\r\nHost: t\r\nX-Real-Port: 4444\r\n\r\n");
            assertThat(c.read(false).status()).isEqualTo(429);
        }
    }
}
