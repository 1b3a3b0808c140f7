package io.tollgate.logship;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** UDP and TCP targets, received by servers this test starts on 127.0.0.1. */
class NetworkTargetsTest {

    private final List<String> problems = new CopyOnWriteArrayList<>();

    private LogShipper shipper(int capacity) {
        return new LogShipper(capacity, Clock.systemUTC(), problems::add);
    }

    private static String receive(DatagramSocket socket) throws IOException {
        byte[] buf = new byte[70000];
        DatagramPacket packet = new DatagramPacket(buf, buf.length);
        socket.receive(packet);
        return new String(buf, 0, packet.getLength(), StandardCharsets.UTF_8);
    }

    @Test
    void udpDatagramsCarryTheFormatAndOnlyTheLevelsEachTargetWants() throws Exception {
        try (DatagramSocket server = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             LogShipper shipper = shipper(100)) {
            server.setSoTimeout(10_000);
            int port = server.getLocalPort();
            LogRoute route = new LogRoute(Routes.IDENTITY.withHostname("edge1"),
                    Routes.of("127.0.0.1:" + port + " format rfc5424 local1 warning",
                            "udp@127.0.0.1:" + port + " len 80 format short local0 debug err").targets());
            shipper.offer(route, Severity.INFO, "only to the second target");
            shipper.offer(route, Severity.ALERT, "Server be/s1 is DOWN, reason: Layer4 connection problem");
            assertThat(receive(server)).isEqualTo("<6>only to the second target\n");
            assertThat(receive(server)).matches("<137>1 \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}\\+00:00 "
                    + "edge1 tollgate 4242 - - Server be/s1 is DOWN, reason: Layer4 connection problem\n");
            // the min level (err) turns alert into err; len 80 cuts before the newline
            assertThat(receive(server)).isEqualTo("<3>Server be/s1 is DOWN, reason: Layer4 connection problem\n");
            shipper.offer(route, Severity.DEBUG, "x".repeat(200));
            assertThat(receive(server)).isEqualTo("<7>" + "x".repeat(77) + "\n");
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void samplingSpreadsMessagesOverTwoTargets() throws Exception {
        try (DatagramSocket a = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             DatagramSocket b = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             LogShipper shipper = shipper(100)) {
            a.setSoTimeout(10_000);
            b.setSoTimeout(10_000);
            LogRoute route = Routes.of("127.0.0.1:" + a.getLocalPort() + " format raw sample 1:2 local0",
                    "127.0.0.1:" + b.getLocalPort() + " format raw sample 2:2 local0");
            for (int i = 1; i <= 6; i++) {
                shipper.offer(route, Severity.INFO, "m" + i);
            }
            for (int i = 1; i <= 6; i += 2) {
                assertThat(receive(a)).isEqualTo("m" + i + "\n");
                assertThat(receive(b)).isEqualTo("m" + (i + 1) + "\n");
            }
        }
    }

    /** Reads one RFC 6587 octet-counted frame: digits, a space, that many bytes. */
    private static String frame(InputStream in) throws IOException {
        int length = 0;
        for (int c = in.read(); c != ' '; c = in.read()) {
            assertThat(c).as("frame length digit").isBetween((int) '0', (int) '9');
            length = length * 10 + c - '0';
        }
        byte[] body = new byte[length];
        new DataInputStream(in).readFully(body);
        return new String(body, StandardCharsets.UTF_8);
    }

    @Test
    void tcpFramesAreOctetCountedAndTheTargetReconnectsAfterTheServerRestarts() throws Exception {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        int port = server.getLocalPort();
        try (LogShipper shipper = shipper(1000)) {
            LogRoute route = Routes.of("tcp@127.0.0.1:" + port + " format rfc3164 local0");
            shipper.offer(route, Severity.INFO, "first");
            shipper.offer(route, Severity.NOTICE, "zweite Nachricht: ünïcödé");
            server.setSoTimeout(10_000);
            try (Socket client = server.accept()) {
                client.setSoTimeout(10_000);
                InputStream in = client.getInputStream();
                assertThat(frame(in)).matches("<134>\\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d localhost tollgate\\[4242\\]: first");
                assertThat(frame(in)).endsWith("tollgate[4242]: zweite Nachricht: ünïcödé").startsWith("<133>");
            }
            server.close();

            // while nobody listens, messages wait in the bounded queue of frames or are dropped
            for (int i = 0; i < 5; i++) {
                shipper.offer(route, Severity.INFO, "while down " + i);
                Thread.sleep(20);
            }
            ServerSocket again = new ServerSocket();
            again.setReuseAddress(true);
            again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            try (again) {
                again.setSoTimeout(200);
                List<String> received = new ArrayList<>();
                Socket client = null;
                for (int attempt = 0; attempt < 100 && client == null; attempt++) {
                    shipper.offer(route, Severity.INFO, "after restart " + attempt);
                    try {
                        client = again.accept();
                    } catch (SocketTimeoutException e) {
                        // the backoff has not come round yet
                    }
                }
                assertThat(client).as("the target reconnected").isNotNull();
                try (Socket c = client) {
                    c.setSoTimeout(10_000);
                    InputStream in = c.getInputStream();
                    shipper.offer(route, Severity.INFO, "the end");
                    for (int i = 0; i < 200; i++) {
                        String frame = frame(in);
                        received.add(frame);
                        if (frame.endsWith("the end")) {
                            break;
                        }
                    }
                }
                assertThat(received).last().asString().endsWith("tollgate[4242]: the end");
                assertThat(received).allSatisfy(f -> assertThat(f).startsWith("<134>"));
            }
        }
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("tcp@127.0.0.1:" + port));
    }

    @Test
    void backoffDoublesUpToItsCapAndStartsAgainAfterASuccess() {
        Backoff backoff = new Backoff(100, 5000);
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            delays.add(backoff.nextDelayMillis());
        }
        assertThat(delays).containsExactly(100L, 200L, 400L, 800L, 1600L, 3200L, 5000L, 5000L, 5000L);
        backoff.reset();
        assertThat(backoff.nextDelayMillis()).isEqualTo(100L);
    }
}
