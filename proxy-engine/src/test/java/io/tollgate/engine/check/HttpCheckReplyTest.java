package io.tollgate.engine.check;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How an HTTP check reads raw replies, against a server that answers fixed bytes: the reason
 * becomes {@code last_chk} as sent, and HAProxy's messages escape it ({@code <3C>} for {@code <}).
 */
class HttpCheckReplyTest {

    private static ServerSocket answering(String reply) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        AcceptLoop.start(server, "raw-http", (Socket s) -> {
            try (s) {
                s.getInputStream().read(new byte[4096]);
                s.getOutputStream().write(reply.getBytes(StandardCharsets.ISO_8859_1));
            } catch (IOException ignored) {
                // the check went away
            }
        });
        return server;
    }

    @Test
    void theReasonIsShownAsSentAndEscapedInMessages() throws Exception {
        try (ServerSocket web = answering("HTTP/1.1 503 Bad <x> \"q\"\ttab\r\nContent-Length: 0\r\n\r\n");
             CheckedEngine e = CheckedEngine.start(CheckedEngine.HTTP_DEFAULTS + """
                     backend b
                       option httpchk
                       server s 127.0.0.1:%d check inter 200 fall 1
                     """.formatted(web.getLocalPort()))) {
            CheckedEngine.await(Duration.ofSeconds(5), "down", () -> !e.messages().isEmpty());
            assertThat(e.row("b", "s").get("check_status")).isEqualTo("L7STS");
            assertThat(e.row("b", "s").get("check_code")).isEqualTo("503");
            assertThat(e.row("b", "s").get("last_chk")).isEqualTo("Bad <x> \"q\"\ttab");
            assertThat(e.messages().get(0)).startsWith("Server b/s is DOWN, reason: Layer7 wrong status, code: 503, "
                    + "info: \"Bad <3C>x<3E> <22>q<22><09>tab\", check duration: ");
        }
    }

    @Test
    void aReplyThatIsNotHttpIsAnInvalidResponse() throws Exception {
        try (ServerSocket web = answering("garbage\r\n\r\n");
             CheckedEngine e = CheckedEngine.start(CheckedEngine.HTTP_DEFAULTS + """
                     backend b
                       option httpchk
                       http-check expect status 200
                       server s 127.0.0.1:%d check inter 200 fall 1
                     """.formatted(web.getLocalPort()))) {
            CheckedEngine.await(Duration.ofSeconds(5), "down", () -> !e.messages().isEmpty());
            assertThat(e.row("b", "s").get("check_status")).isEqualTo("L7RSP");
            assertThat(e.row("b", "s").get("check_desc")).isEqualTo("Layer7 invalid response");
            assertThat(e.row("b", "s").get("check_code")).isEmpty();
        }
    }
}
