package io.tollgate.engine.net;

import io.tollgate.engine.tls.TlsFixtures;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import static io.tollgate.engine.net.RunningEngine.freePort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code bind ... ssl}: HTTPS and TLS-wrapped TCP clients, SNI, client certificates, ALPN and ssl_fc, over real sockets. */
class TlsListenerTest {
    private static final String LOCALHOST = TlsFixtures.path("localhost.pem").toString();
    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
    }

    private Upstream upstream(String name) throws InterruptedException {
        Upstream u = new Upstream(name);
        closing.add(u);
        return u;
    }

    /** An HTTP frontend on {@code port} with {@code bindParams}, in front of one plain server. */
    private int httpsFrontend(String bindParams, Upstream server) throws Exception {
        int port = freePort();
        closing.add(RunningEngine.start("""
                defaults
                    mode http
                    timeout connect 2s
                    timeout client 10s
                    timeout server 10s
                frontend fe
                    bind 127.0.0.1:%d %s
                    default_backend be
                backend be
                    server s1 127.0.0.1:%d
                """.formatted(port, bindParams, server.port())));
        return port;
    }

    static SSLSocket tls(int port, String sni, String clientCert, String... alpn) throws IOException {
        SSLSocket s = (SSLSocket) TlsFixtures.clientContext(clientCert).getSocketFactory().createSocket("127.0.0.1", port);
        SSLParameters p = s.getSSLParameters();
        p.setServerNames(sni == null ? List.of() : List.of(new SNIHostName(sni)));
        if (alpn.length > 0) {
            p.setApplicationProtocols(alpn);
        }
        s.setSSLParameters(p);
        s.setSoTimeout(10_000);
        s.startHandshake();
        return s;
    }

    private static String servedName(SSLSocket s) throws IOException {
        X509Certificate leaf = (X509Certificate) s.getSession().getPeerCertificates()[0];
        return leaf.getSubjectX500Principal().getName();
    }

    @Test
    void anHttpsClientReachesAPlainServer() throws Exception {
        Upstream plain = upstream("plain");
        int port = httpsFrontend("ssl crt " + LOCALHOST, plain);
        HttpClient client = HttpClient.newBuilder().sslContext(TlsFixtures.clientContext(null))
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("Hello! This is plain!\n");
        // keep-alive over TLS: a second request on the same connection
        try (RawHttp c = new RawHttp(tls(port, "localhost", null))) {
            assertThat(c.get("/").text()).isEqualTo("Hello! This is plain!\n");
            assertThat(c.get("/headers").status()).isEqualTo(200);
        }
    }

    @Test
    void sslFcTellsTlsConnectionsApart() throws Exception {
        Upstream clear = upstream("clear");
        Upstream secure = upstream("secure");
        int plainPort = freePort();
        int tlsPort = freePort();
        closing.add(RunningEngine.start("""
                defaults
                    mode http
                    timeout connect 2s
                    timeout client 10s
                    timeout server 10s
                frontend fe
                    bind 127.0.0.1:%d
                    bind 127.0.0.1:%d ssl crt %s
                    use_backend secure if { ssl_fc }
                    default_backend clear
                backend clear
                    server c 127.0.0.1:%d
                backend secure
                    server s 127.0.0.1:%d
                """.formatted(plainPort, tlsPort, LOCALHOST, clear.port(), secure.port())));
        try (RawHttp c = new RawHttp(plainPort)) {
            assertThat(c.get("/").text()).isEqualTo("Hello! This is clear!\n");
        }
        try (RawHttp c = new RawHttp(tls(tlsPort, null, null))) {
            assertThat(c.get("/").text()).isEqualTo("Hello! This is secure!\n");
        }
    }

    @Test
    void sniPicksTheCertificateFromADirectoryElseTheFirst() throws Exception {
        int port = httpsFrontend("ssl crt " + LOCALHOST + " crt " + TlsFixtures.path("sni"), upstream("u"));
        try (SSLSocket s = tls(port, "b.example", null)) {
            assertThat(servedName(s)).isEqualTo("CN=b.example");
        }
        try (SSLSocket s = tls(port, "a.example", null)) {
            assertThat(servedName(s)).isEqualTo("CN=a.example");
        }
        try (SSLSocket s = tls(port, "www.a.example", null)) {
            assertThat(servedName(s)).isEqualTo("CN=a.example");
        }
        try (SSLSocket s = tls(port, "other.test", null)) {
            assertThat(servedName(s)).isEqualTo("CN=localhost");
        }
        try (SSLSocket s = tls(port, null, null)) {
            assertThat(servedName(s)).isEqualTo("CN=localhost");
        }
    }

    @Test
    void strictSniRefusesNamesItHasNoCertificateFor() throws Exception {
        int port = httpsFrontend("ssl crt " + TlsFixtures.path("sni") + " strict-sni", upstream("u"));
        try (SSLSocket s = tls(port, "a.example", null)) {
            assertThat(servedName(s)).isEqualTo("CN=a.example");
        }
        assertThatThrownBy(() -> tls(port, "other.test", null).close()).isInstanceOf(IOException.class);
    }

    @Test
    void verifyRequiredRefusesClientsWithoutACertificate() throws Exception {
        Upstream u = upstream("mtls");
        int port = httpsFrontend("ssl crt " + LOCALHOST + " verify required ca-file " + TlsFixtures.path("ca.pem"), u);
        try (RawHttp c = new RawHttp(tls(port, null, "client.pem"))) {
            assertThat(c.get("/").text()).isEqualTo("Hello! This is mtls!\n");
        }
        // in TLS 1.3 the client may finish its side first: the refusal then shows on the first exchange
        assertThatThrownBy(() -> {
            try (RawHttp c = new RawHttp(tls(port, null, null))) {
                c.get("/");
            }
        }).isInstanceOf(IOException.class);
        assertThat(u.requests()).isEqualTo(1);
    }

    @Test
    void verifyOptionalLetsClientsWithoutACertificateIn() throws Exception {
        int port = httpsFrontend("ssl crt " + LOCALHOST + " verify optional ca-file " + TlsFixtures.path("ca.pem"), upstream("opt"));
        try (RawHttp c = new RawHttp(tls(port, null, null))) {
            assertThat(c.get("/").status()).isEqualTo(200);
        }
    }

    @Test
    void alpnOffersHttp11Only() throws Exception {
        int port = httpsFrontend("ssl crt " + LOCALHOST + " alpn h2,http/1.1", upstream("u"));
        try (SSLSocket s = tls(port, null, null, "h2", "http/1.1")) {
            assertThat(s.getApplicationProtocol()).isEqualTo("http/1.1");
        }
    }

    @Test
    void versionBoundsAreApplied() throws Exception {
        int port = httpsFrontend("ssl crt " + LOCALHOST + " ssl-max-ver TLSv1.2", upstream("u"));
        try (SSLSocket s = tls(port, null, null)) {
            assertThat(s.getSession().getProtocol()).isEqualTo("TLSv1.2");
        }
        int only13 = httpsFrontend("ssl crt " + LOCALHOST + " force-tlsv13", upstream("v"));
        assertThatThrownBy(() -> {
            SSLSocket s = (SSLSocket) TlsFixtures.clientContext(null).getSocketFactory().createSocket("127.0.0.1", only13);
            s.setEnabledProtocols(new String[] {"TLSv1.2"});
            s.setSoTimeout(5000);
            s.startHandshake();
        }).isInstanceOf(IOException.class);
    }

    /** A TCP-mode frontend terminating TLS (localhost's certificate) before a new {@code mode} server; its port. */
    private int tlsInFrontOf(TcpTestServer.Mode mode) throws Exception {
        TcpTestServer server = new TcpTestServer(mode);
        closing.add(server);
        int port = freePort();
        closing.add(RunningEngine.start("""
                defaults
                    mode tcp
                    timeout connect 2s
                    timeout client 10s
                    timeout server 10s
                frontend fe
                    bind 127.0.0.1:%d ssl crt %s
                    default_backend be
                backend be
                    server s 127.0.0.1:%d
                """.formatted(port, LOCALHOST, server.port())));
        return port;
    }

    @Test
    void tcpModeForwardsATlsClientsHalfCloseBothWays() throws Exception {
        int port = tlsInFrontOf(TcpTestServer.Mode.COUNT_UNTIL_FIN);
        try (SSLSocket s = tls(port, null, null)) {
            s.getOutputStream().write(new byte[5]);
            s.getOutputStream().flush();
            // TLS 1.3: close_notify, then FIN; the server's answer comes back, closed with close_notify
            s.shutdownOutput();
            assertThat(new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("count 5\n");
        }
    }

    @Test
    void tcpModeTerminatesTls() throws Exception {
        int port = tlsInFrontOf(TcpTestServer.Mode.ECHO);
        try (SSLSocket s = tls(port, null, null)) {
            s.getOutputStream().write("ping over tls".getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            assertThat(new String(s.getInputStream().readNBytes(13), StandardCharsets.US_ASCII)).isEqualTo("ping over tls");
        }
    }
}
