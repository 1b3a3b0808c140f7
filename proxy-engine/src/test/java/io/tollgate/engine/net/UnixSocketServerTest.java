package io.tollgate.engine.net;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static io.tollgate.engine.net.RunningEngine.freePort;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code server s /path/to.sock}: servers reached over a Unix domain socket, as Docker's API is. */
class UnixSocketServerTest {

    @Test
    void requestsReachAServerOnAUnixSocket(@TempDir Path dir) throws Exception {
        Path sock = dir.resolve("app.sock");
        try (ServerSocketChannel upstream = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            upstream.bind(UnixDomainSocketAddress.of(sock));
            Thread server = new Thread(() -> answerOnce(upstream), "unix-upstream");
            server.setDaemon(true);
            server.start();
            int port = freePort();
            try (RunningEngine engine = RunningEngine.start("""
                    defaults
                        mode http
                        timeout connect 2s
                        timeout client 10s
                        timeout server 10s
                    listen app
                        bind 127.0.0.1:%d
                        server s1 %s
                    """.formatted(port, sock))) {
                try (RawHttp c = new RawHttp(port)) {
                    RawHttp.Response r = c.get("/v1/info");
                    assertThat(r.status()).isEqualTo(200);
                    assertThat(r.text()).isEqualTo("over a unix socket\n");
                }
                assertThat(engine.row("app", "s1")).containsEntry("addr", "unix").containsEntry("hrsp_2xx", "1");
            }
            server.join(5000);
        }
    }

    private static void answerOnce(ServerSocketChannel upstream) {
        try (SocketChannel c = upstream.accept()) {
            ByteBuffer in = ByteBuffer.allocate(4096);
            StringBuilder head = new StringBuilder();
            while (!head.toString().contains("\r\n\r\n") && c.read(in) > 0) {
                in.flip();
                head.append(StandardCharsets.US_ASCII.decode(in));
                in.clear();
            }
            String body = "over a unix socket\n";
            c.write(ByteBuffer.wrap(("HTTP/1.1 200 OK\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n"
                    + body).getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
    }
}
