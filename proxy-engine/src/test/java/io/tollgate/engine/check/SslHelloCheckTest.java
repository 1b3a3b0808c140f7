package io.tollgate.engine.check;

import org.junit.jupiter.api.Test;

import java.io.IOException;

import javax.net.ssl.SSLSocket;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code option ssl-hello-chk} against the JDK's TLS server (which refuses SSLv3 with an alert,
 * still a pass for HAProxy) and wrong peers, with the statuses HAProxy 2.6.12 showed for them.
 */
class SslHelloCheckTest {

    @Test
    void tlsServerPassesOthersFail() throws Exception {
        try (TlsServer tls = new TlsServer();
             SmtpResponder smtp = new SmtpResponder(SmtpResponder.READY, SmtpResponder.HELLO_OK, false);
             FlippingHttpServer web = new FlippingHttpServer();
             CheckedEngine e = CheckedEngine.start(CheckResults.defaults("500")
                     + CheckResults.backend("tls", "ssl-hello-chk", tls.port())
                     + CheckResults.backend("smtp", "ssl-hello-chk", smtp.port())
                     + CheckResults.backend("web", "ssl-hello-chk", web.port()))) {
            assertThat(CheckResults.first(e, "tls", "s")).isEqualTo("L6OK");
            assertThat(CheckResults.first(e, "smtp", "s")).isEqualTo("L6RSP");
            // the JDK HTTP server waits for the end of a request line
            assertThat(CheckResults.first(e, "web", "s")).isEqualTo("L6TOUT");
            assertThat(e.messages()).anyMatch(m -> m.startsWith(
                    "Server web/s is DOWN, reason: Layer6 timeout, check duration: "));
        }
    }

    /** Handshakes each connection, then closes it. */
    private static final class TlsServer implements AutoCloseable {
        private final TlsTestServer server;

        TlsServer() throws Exception {
            server = new TlsTestServer(TlsServer::handshake);
        }

        int port() {
            return server.port();
        }

        private static void handshake(SSLSocket c) {
            try (c) {
                c.startHandshake();
            } catch (IOException e) {
                // SSLv3 is refused: the alert already went out
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
