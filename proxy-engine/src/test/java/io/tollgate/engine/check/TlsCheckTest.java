package io.tollgate.engine.check;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import javax.net.ssl.SSLSocket;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks over TLS, as HAProxy 2.6.12 decides them (seen with {@code openssl s_server}): an
 * {@code ssl} server is checked over TLS unless a check {@code port} is given, {@code check-ssl}
 * forces it, and a handshake that fails is {@code L6RSP} "SSL handshake failure".
 */
class TlsCheckTest {

    /** Answers one HTTP request per connection with 200, over TLS. */
    private static void answer(SSLSocket c) {
        try (c) {
            c.getInputStream().read(new byte[4096]);
            c.getOutputStream().write("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException ignored) {
            // a check in clear, or one that went away
        }
    }

    /** Answers anything with a plain HTTP error, as a server in clear does to a ClientHello. */
    private static java.net.ServerSocket plainHttp() throws IOException {
        java.net.ServerSocket s = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        AcceptLoop.start(s, "plain-http", c -> {
            try (c) {
                c.getInputStream().read(new byte[4096]);
                c.getOutputStream().write("HTTP/1.0 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            } catch (IOException ignored) {
                // the check went away
            }
        });
        return s;
    }

    @Test
    void sslServersAreCheckedOverTlsUnlessAPortIsGiven() throws Exception {
        try (TlsTestServer tls = new TlsTestServer(TlsCheckTest::answer);
             java.net.ServerSocket clear = plainHttp();
             FlippingHttpServer silent = new FlippingHttpServer();
             CheckedEngine e = CheckedEngine.start("""
                     defaults
                       mode http
                       timeout connect 2s
                       timeout client 5s
                       timeout server 5s
                       timeout check 2s
                     backend b
                       option httpchk GET /
                       server s1 127.0.0.1:%1$d ssl verify none check inter 300
                       server s2 127.0.0.1:%1$d check inter 300
                       server s3 127.0.0.1:%1$d ssl verify none check inter 300 port %1$d
                       server s4 127.0.0.1:%1$d check-ssl verify none check inter 300
                       server s5 127.0.0.1:%2$d check-ssl verify none check inter 300 fall 1
                       server s6 127.0.0.1:%1$d ssl verify none no-check-ssl check inter 300
                       server s7 127.0.0.1:%3$d check-ssl verify none check inter 300 fall 1
                     """.formatted(tls.port(), clear.getLocalPort(), silent.port()))) {
            CheckedEngine.await(Duration.ofSeconds(10), "a check of each", () -> java.util.stream.IntStream.rangeClosed(1, 7)
                    .allMatch(i -> !e.checksOf("b", "s" + i).isEmpty()));
            assertThat(e.checksOf("b", "s1").get(0).lastChk()).matches("L7OK/200 in \\d+ms");
            assertThat(e.checksOf("b", "s2").get(0).row().get("check_status")).isEqualTo("L7RSP");
            assertThat(e.checksOf("b", "s3").get(0).row().get("check_status")).isEqualTo("L7RSP");
            assertThat(e.checksOf("b", "s4").get(0).lastChk()).matches("L7OK/200 in \\d+ms");
            CheckedEngine.Seen failed = e.checksOf("b", "s5").get(0);
            assertThat(failed.row().get("check_status")).isEqualTo("L6RSP");
            assertThat(failed.row().get("last_chk")).isEqualTo("SSL handshake failure");
            assertThat(failed.row().get("check_desc")).isEqualTo("Layer6 invalid response");
            assertThat(e.checksOf("b", "s6").get(0).row().get("check_status")).isEqualTo("L7RSP");
            // the JDK HTTP server waits for a line that a ClientHello never ends: the handshake times out
            // within the connect budget (inter, shorter than timeout connect here)
            CheckedEngine.Seen timedOut = e.checksOf("b", "s7").get(0);
            assertThat(timedOut.row().get("check_status")).isEqualTo("L6TOUT");
            assertThat(timedOut.result().durationMillis()).isBetween(250L, 2000L);
        }
    }
}
