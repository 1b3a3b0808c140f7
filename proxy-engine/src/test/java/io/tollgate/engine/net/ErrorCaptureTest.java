package io.tollgate.engine.net;

import io.tollgate.engine.admin.AccessLevel;
import io.tollgate.engine.admin.Actor;
import io.tollgate.engine.admin.RuntimeApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static io.tollgate.engine.net.RunningEngine.freePort;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code show errors}: an unparsable request answered 400 and an unparsable response answered
 * 502 are kept per proxy with where they came from, the position of the first invalid byte and
 * the bytes, dumped as HAProxy 2.6.12 dumps them; the same traffic sent to Debian's
 * {@code haproxy -db} gives the same text once dates and client ports are masked.
 */
class ErrorCaptureTest {
    private static final Actor OPERATOR = new Actor("ops", "/run/t.sock", "socket", AccessLevel.OPERATOR);
    private static final Actor USER = new Actor("ops", "/run/t.sock", "socket", AccessLevel.USER);
    private static final Path HAPROXY = Path.of("/usr/sbin/haproxy");
    /** A URI with a control character, then a header name with a space (HAProxy stops at the first). */
    private static final byte[] BAD_REQUEST = ("GET /\u0001 HTTP/1.1\r\nHost: x\r\nBad Header: v\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] GOOD_REQUEST = "GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BAD_RESPONSE = "HTTP/1.1 2x0 OK\r\nContent-Length: 0\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);

    @RegisterExtension
    final TestResources resources = new TestResources();
    @TempDir
    Path dir;
    private ServerSocket badServer;
    private Thread badServerThread;

    /** A server that answers every request with {@link #BAD_RESPONSE} and keeps the connection open. */
    @BeforeEach
    void badServer() throws IOException {
        badServer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        badServerThread = new Thread(() -> {
            while (!badServer.isClosed()) {
                try {
                    Socket s = badServer.accept();
                    s.getInputStream().read(new byte[4096]);
                    s.getOutputStream().write(BAD_RESPONSE);
                } catch (IOException e) {
                    return;
                }
            }
        }, "bad-server");
        badServerThread.setDaemon(true);
        badServerThread.start();
    }

    @AfterEach
    void stopBadServer() throws IOException, InterruptedException {
        badServer.close();
        badServerThread.join(2000);
    }

    private static String config(int goodPort, int badPort, int fhPort, int frPort) {
        return """
                defaults
                    mode http
                    timeout connect 2s
                    timeout client 10s
                    timeout server 10s
                frontend fh
                    bind 127.0.0.1:%d
                    default_backend bh
                backend bh
                    server s1 127.0.0.1:%d
                frontend fr
                    bind 127.0.0.1:%d
                    default_backend br
                backend br
                    server s1 127.0.0.1:%d
                """.formatted(fhPort, goodPort, frPort, badPort);
    }

    /** Sends one request and reads the answer until the proxy closes or 2 s pass. */
    private static String exchange(int port, byte[] request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(2000);
            s.getOutputStream().write(request);
            InputStream in = s.getInputStream();
            byte[] head = new byte[12];
            int n = in.readNBytes(head, 0, head.length);
            return new String(head, 0, n, StandardCharsets.ISO_8859_1);
        }
    }

    private static String masked(String showErrors) {
        return showErrors.replaceAll("\\[\\d\\d/[A-Z][a-z]{2}/\\d{4}:\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\]", "[DATE]")
                .replaceAll("src 127\\.0\\.0\\.1:\\d+", "src 127.0.0.1:PORT");
    }

    @Test
    void keepsTheLastInvalidRequestAndResponseWithPositionAndBytes() throws Exception {
        Upstream good = resources.upstream("good");
        int fhPort = freePort();
        int frPort = freePort();
        RunningEngine e = resources.engine(config(good.port(), badServer.getLocalPort(), fhPort, frPort));
        RuntimeApi api = e.engine().runtimeApi();
        assertThat(api.execute("show errors", OPERATOR)).matches("Total events captured on \\[.{24}\\] : 0\n");

        assertThat(exchange(fhPort, BAD_REQUEST)).isEqualTo("HTTP/1.1 400");
        assertThat(exchange(frPort, GOOD_REQUEST)).isEqualTo("HTTP/1.1 502");
        assertThat(exchange(fhPort, GOOD_REQUEST)).isEqualTo("HTTP/1.1 200");

        String out = api.execute("show errors", OPERATOR);
        assertThat(masked(out)).isEqualTo("""
                Total events captured on [DATE] : 2
                 \n[DATE] frontend fh (#1): invalid request
                  backend <NONE> (#-1), server <NONE> (#-1), event #0, src 127.0.0.1:PORT
                  buffer starts at 0 (including 0 out), 16341 free,
                  len 43, wraps at 16336, error at position 5
                  H1 connection flags 0x00000100, H1 stream flags 0x00000810
                  H1 msg state MSG_RQURI(4), H1 msg flags 0x00001400
                  H1 chunk len 0 bytes, H1 body len 0 bytes :
                  \n  00000  GET /\\x01 HTTP/1.1\\r\\n
                  00017  Host: x\\r\\n
                  00026  Bad Header: v\\r\\n
                  00041  \\r\\n
                 \n[DATE] backend br (#4): invalid response
                  frontend fr (#3), server s1 (#1), event #1, src 127.0.0.1:PORT
                  buffer starts at 0 (including 0 out), 16346 free,
                  len 38, wraps at 16336, error at position 10
                  H1 connection flags 0x80002200, H1 stream flags 0x00004810
                  H1 msg state MSG_RPCODE(12), H1 msg flags 0x00001414
                  H1 chunk len 0 bytes, H1 body len 0 bytes :
                  \n  00000  HTTP/1.1 2x0 OK\\r\\n
                  00017  Content-Length: 0\\r\\n
                  00036  \\r\\n
                """);
        assertThat(api.execute("show errors fh", OPERATOR)).contains("invalid request").doesNotContain("invalid response");
        // a filter on a proxy matches the other side of a capture too
        assertThat(api.execute("show errors fr", OPERATOR)).contains("invalid response").doesNotContain("invalid request");
        assertThat(api.execute("show errors 4 request", OPERATOR)).doesNotContain("invalid");
        assertThat(api.execute("show errors -1 response", OPERATOR)).contains("invalid response")
                .doesNotContain("invalid request");
        assertThat(api.execute("show errors nope", OPERATOR)).isEqualTo("No such proxy.\n");
        assertThat(api.execute("show errors", USER)).isEqualTo("Permission denied\n");
    }

    @Test
    void aLongHeadIsDumpedOnLinesOfEightyColumns() throws Exception {
        Upstream good = resources.upstream("good");
        int fhPort = freePort();
        RunningEngine e = resources.engine(config(good.port(), badServer.getLocalPort(), fhPort, freePort()));
        byte[] request = ("GET /" + "abcdefghij".repeat(10) + " HTTP/1.1\r\nHost: x\r\nBad Header: v\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(exchange(fhPort, request)).isEqualTo("HTTP/1.1 400");
        String out = e.engine().runtimeApi().execute("show errors fh request", OPERATOR);
        assertThat(out).contains("  len 142, wraps at 16336, error at position 128\n")
                .contains("  H1 msg state MSG_HDR_NAME(17), H1 msg flags 0x00001410\n")
                .endsWith("""
                          00000  GET /abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcde
                          00070+ fghijabcdefghijabcdefghijabcdefghij HTTP/1.1\\r\\n
                          00116  Host: x\\r\\n
                          00125  Bad Header: v\\r\\n
                          00140  \\r\\n
                        """);
    }

    @Test
    void theDumpMatchesHaproxysForTheSameTraffic() throws Exception {
        if (!Files.isExecutable(HAPROXY)) {
            throw new AssertionError(HAPROXY + " is missing: this test compares Tollgate with HAProxy 2.6; "
                    + "install Debian's haproxy package");
        }
        Upstream good = resources.upstream("good");
        int fhPort = freePort();
        int frPort = freePort();
        RunningEngine e = resources.engine(config(good.port(), badServer.getLocalPort(), fhPort, frPort));
        exchange(fhPort, BAD_REQUEST);
        exchange(frPort, GOOD_REQUEST);
        String tollgate = e.engine().runtimeApi().execute("show errors", OPERATOR);

        int hfh = freePort();
        int hfr = freePort();
        Path socket = dir.resolve("h.sock");
        Path cfg = dir.resolve("h.cfg");
        Files.writeString(cfg, "global\n    stats socket " + socket + " level admin\n"
                + config(good.port(), badServer.getLocalPort(), hfh, hfr));
        Process haproxy = new ProcessBuilder(HAPROXY.toString(), "-db", "-f", cfg.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("h.log").toFile()).start();
        try {
            String ready = cli(socket, "show errors", haproxy);
            assertThat(ready).startsWith("Total events captured on");
            exchange(hfh, BAD_REQUEST);
            exchange(hfr, GOOD_REQUEST);
            String reference = cli(socket, "show errors", haproxy);
            // HAProxy numbers its CLI frontend first: its proxies are one further on
            assertThat(masked(tollgate)).isEqualTo(masked(reference)
                    .replace("(#2)", "(#1)").replace("(#3)", "(#2)").replace("(#4)", "(#3)").replace("(#5)", "(#4)")
                    // the CLI's end-of-answer empty line
                    .replaceAll("\n\\z", ""));
        } finally {
            haproxy.destroy();
            if (!haproxy.waitFor(5, TimeUnit.SECONDS)) {
                haproxy.destroyForcibly();
            }
        }
    }

    /** One command over HAProxy's stats socket, waiting up to 10 s for it to listen. */
    private static String cli(Path socket, String command, Process haproxy) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                ch.connect(UnixDomainSocketAddress.of(socket));
                ch.write(ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.US_ASCII)));
                return new String(readAll(ch), StandardCharsets.ISO_8859_1);
            } catch (IOException | UnsupportedOperationException e) {
                if (!haproxy.isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError("haproxy's socket " + socket + " did not answer", e);
                }
                Thread.sleep(50);
            }
        }
    }

    private static byte[] readAll(SocketChannel ch) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        ByteBuffer buf = ByteBuffer.allocate(8192);
        while (ch.read(buf) >= 0) {
            out.write(buf.array(), 0, buf.position());
            buf.clear();
        }
        return out.toByteArray();
    }
}
