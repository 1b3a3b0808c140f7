package io.tollgate.engine.check;

import io.tollgate.engine.tls.CertifiedKey;
import io.tollgate.engine.tls.TlsFixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.security.KeyStore;
import java.security.cert.X509Certificate;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
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

    /** A JDK TLS server with the test fixtures' localhost certificate, handshaking each connection. */
    private static final class TlsServer implements AutoCloseable {
        private final SSLServerSocket socket;

        TlsServer() throws Exception {
            CertifiedKey key = TlsFixtures.key("localhost.pem");
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("localhost", key.key(), new char[0], key.chain().toArray(new X509Certificate[0]));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, new char[0]);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            socket = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 50,
                    InetAddress.getLoopbackAddress());
            AcceptLoop.start(socket, "tls-hello-server", c -> handshake((SSLSocket) c));
        }

        int port() {
            return socket.getLocalPort();
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
            socket.close();
        }
    }
}
