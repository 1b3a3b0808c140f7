package io.tollgate.engine.net;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.tollgate.engine.tls.CertifiedKey;
import io.tollgate.engine.tls.TlsFixtures;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.tollgate.engine.net.RunningEngine.freePort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code server ... ssl}: TLS to servers, their certificates checked or not, SNI, client certificates, SOCKS4. */
class TlsServerTest {
    private static final String CA = TlsFixtures.path("ca.pem").toString();
    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
    }

    /** An HTTPS upstream serving localhost.pem; with {@code requireClientCert}, only to clients the test CA signed. */
    private Upstream tlsUpstream(String name, boolean requireClientCert) throws Exception {
        CertifiedKey k = TlsFixtures.key("localhost.pem");
        SslContextBuilder b = SslContextBuilder.forServer(k.key(), k.chain());
        if (requireClientCert) {
            b.clientAuth(ClientAuth.REQUIRE).trustManager(TlsFixtures.ca());
        }
        SslContext ctx = b.build();
        Upstream u = new Upstream(name, ctx, false);
        closing.add(u);
        return u;
    }

    private int frontendTo(String serverLine) throws Exception {
        int port = freePort();
        closing.add(RunningEngine.start("""
                defaults
                    mode http
                    timeout connect 2s
                    timeout client 10s
                    timeout server 10s
                frontend fe
                    bind 127.0.0.1:%d
                    default_backend be
                backend be
                    retries 0
                    %s
                """.formatted(port, serverLine)));
        return port;
    }

    @Test
    void verifiedTlsToAServerWithSniAndKeepAlive() throws Exception {
        Upstream secure = tlsUpstream("secure", false);
        int port = frontendTo("server s1 127.0.0.1:%d ssl verify required ca-file %s sni str(localhost)".formatted(secure.port(), CA));
        try (RawHttp c = new RawHttp(port)) {
            assertThat(c.get("/").text()).isEqualTo("Hello! This is secure!\n");
            assertThat(c.get("/").text()).isEqualTo("Hello! This is secure!\n");
        }
        assertThat(secure.serverNames()).containsExactly("localhost");
        // the second request reused the pooled TLS connection
        assertThat(secure.connections()).isEqualTo(1);
    }

    @Test
    void aCertificateForAnotherNameIsRefused() throws Exception {
        Upstream secure = tlsUpstream("secure", false);
        int port = frontendTo("server s1 127.0.0.1:%d ssl verify required ca-file %s sni str(other.test)".formatted(secure.port(), CA));
        try (RawHttp c = new RawHttp(port)) {
            assertThat(c.get("/").status()).isEqualTo(503);
        }
        assertThat(secure.requests()).isZero();
    }

    @Test
    void anUntrustedCertificateIsRefusedUnlessVerifyNone() throws Exception {
        Upstream secure = tlsUpstream("secure", false);
        // the server's certificate does not chain to this CA file (a leaf is not a CA)
        String wrongCa = TlsFixtures.path("client.pem").toString();
        int refused = frontendTo("server s1 127.0.0.1:%d ssl ca-file %s".formatted(secure.port(), wrongCa));
        try (RawHttp c = new RawHttp(refused)) {
            assertThat(c.get("/").status()).isEqualTo(503);
        }
        int accepted = frontendTo("server s1 127.0.0.1:%d ssl verify none".formatted(secure.port()));
        try (RawHttp c = new RawHttp(accepted)) {
            assertThat(c.get("/").text()).isEqualTo("Hello! This is secure!\n");
        }
        // no sni configured: none sent, as in HAProxy
        assertThat(secure.serverNames()).containsExactly("");
    }

    @Test
    void aClientCertificateIsPresentedWhenConfigured() throws Exception {
        Upstream mtls = tlsUpstream("mtls", true);
        int with = frontendTo("server s1 127.0.0.1:%d ssl verify none crt %s".formatted(mtls.port(), TlsFixtures.path("client.pem")));
        try (RawHttp c = new RawHttp(with)) {
            assertThat(c.get("/").text()).isEqualTo("Hello! This is mtls!\n");
        }
        int without = frontendTo("server s1 127.0.0.1:%d ssl verify none".formatted(mtls.port()));
        try (RawHttp c = new RawHttp(without)) {
            assertThat(c.get("/").status()).isIn(502, 503);
        }
    }

    @Test
    void serverTlsProblemsStopTheStartWithTheServerLine() {
        assertThatThrownBy(() -> frontendTo("server s1 127.0.0.1:1 ssl"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'server be/s1' : verify is enabled by default but no CA file specified.");
        assertThatThrownBy(() -> frontendTo("server s1 127.0.0.1:1 ssl verify none crt /nonexistent/c.pem"))
                .hasMessageContaining(":11] : 'server be/s1' : unable to stat SSL certificate from file '/nonexistent/c.pem' "
                        + ": No such file or directory.");
        assertThatThrownBy(() -> frontendTo("server s1 127.0.0.1:1 ssl verify none ciphers FOO"))
                .hasMessageContaining("'server be/s1' : unable to set SSL cipher list to 'FOO'.");
    }

    @Test
    void connectionsGoThroughASocks4Proxy() throws Exception {
        Upstream plain = new Upstream("behind-socks");
        closing.add(plain);
        Upstream secure = tlsUpstream("secure-behind-socks", false);
        Socks4TestProxy socks = new Socks4TestProxy();
        closing.add(socks);
        int port = frontendTo("server s1 127.0.0.1:%d socks4 127.0.0.1:%d".formatted(plain.port(), socks.port()));
        try (RawHttp c = new RawHttp(port)) {
            assertThat(c.get("/").text()).isEqualTo("Hello! This is behind-socks!\n");
        }
        // as in HAProxy's example: TLS to the server, through the proxy
        int tlsPort = frontendTo("server s1 127.0.0.1:%d ssl verify none socks4 127.0.0.1:%d".formatted(secure.port(), socks.port()));
        try (RawHttp c = new RawHttp(tlsPort)) {
            assertThat(c.get("/").text()).isEqualTo("Hello! This is secure-behind-socks!\n");
        }
        assertThat(socks.requests()).containsExactly("127.0.0.1:" + plain.port(), "127.0.0.1:" + secure.port());
    }

    @Test
    void aSocks4ProxyThatIsDownIsAFailedConnection() throws Exception {
        Upstream plain = new Upstream("unreached");
        closing.add(plain);
        int port = frontendTo("server s1 127.0.0.1:%d socks4 127.0.0.1:%d".formatted(plain.port(), freePort()));
        try (RawHttp c = new RawHttp(port)) {
            assertThat(c.get("/").status()).isEqualTo(503);
        }
        assertThat(plain.connections()).isZero();
    }
}
