package io.tollgate.logship;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A TCP receiver that accepts but never reads, and a UDP port nobody listens on: callers are never
 * held up, what cannot be sent is counted, and a healthy target on the same route keeps receiving.
 */
class DeadTargetsTest {

    private static final String LINE = "x".repeat(900);

    /** Offers from a separate thread; returns how many were refused. Fails if the offers do not all return. */
    private static int offerFromAnotherThread(LogShipper shipper, LogRoute route, int count) throws Exception {
        AtomicInteger refused = new AtomicInteger();
        Thread caller = new Thread(() -> {
            for (int i = 0; i < count; i++) {
                if (!shipper.offer(route, Severity.INFO, LINE + " " + i)) {
                    refused.incrementAndGet();
                }
            }
        });
        caller.start();
        caller.join(60_000);
        assertThat(caller.isAlive()).as("offer() returned every time").isFalse();
        return refused.get();
    }

    @Test
    void aBlackholedTcpTargetNeverBlocksCallersNorTheOtherTargets() throws Exception {
        try (ServerSocket blackhole = new ServerSocket()) {
            blackhole.setReceiveBufferSize(4096);
            blackhole.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            try (DatagramSocket healthy = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                 LogShipper shipper = new LogShipper(1000, Clock.systemUTC(), p -> { })) {
                healthy.setSoTimeout(10_000);
                Socket[] connection = new Socket[1];
                Thread acceptor = new Thread(() -> {
                    try {
                        connection[0] = blackhole.accept(); // and never read from it
                    } catch (IOException e) {
                        // the test is over
                    }
                });
                acceptor.start();
                LogRoute route = Routes.of("tcp@127.0.0.1:" + blackhole.getLocalPort() + " format raw local0",
                        "127.0.0.1:" + healthy.getLocalPort() + " format raw local0 notice");
                // 20,000 lines of 900 bytes: far more than the socket buffers and the frame queue hold
                offerFromAnotherThread(shipper, route, 20_000);
                boolean accepted = false;
                for (int i = 0; i < 1000 && !accepted; i++) {
                    accepted = shipper.offer(route, Severity.NOTICE, "still flowing");
                    Thread.sleep(10);
                }
                assertThat(accepted).as("the queue drains although the TCP target reads nothing").isTrue();
                assertThat(receiveUntil(healthy, "still flowing")).isTrue();
                assertThat(shipper.dropped()).isPositive();
                acceptor.join(10_000);
                if (connection[0] != null) {
                    connection[0].close();
                }
            }
        }
    }

    private static boolean receiveUntil(DatagramSocket socket, String text) throws IOException {
        byte[] buf = new byte[2048];
        for (int i = 0; i < 100_000; i++) {
            DatagramPacket packet = new DatagramPacket(buf, buf.length);
            socket.receive(packet);
            if (new String(buf, 0, packet.getLength(), StandardCharsets.UTF_8).equals(text + "\n")) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aUdpTargetWithoutListenerCountsWhatItLoses() throws Exception {
        int port;
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            port = probe.getLocalPort();
        }
        java.util.List<String> problems = new java.util.concurrent.CopyOnWriteArrayList<>();
        LogShipper shipper = new LogShipper(100, Clock.systemUTC(), problems::add);
        LogRoute route = Routes.of("127.0.0.1:" + port + " local0");
        int refused;
        try {
            refused = 0;
            for (int round = 0; round < 50 && shipper.dropped() == 0; round++) {
                refused += offerFromAnotherThread(shipper, route, 200);
                Thread.sleep(20);
            }
        } finally {
            shipper.close();
        }
        assertThat(shipper.dropped()).isPositive().isGreaterThanOrEqualTo(refused);
        // the operator is told why in words, not with an exception's missing message
        assertThat(problems).isNotEmpty().allSatisfy(p -> assertThat(p).doesNotContain("null"))
                .anySatisfy(p -> assertThat(p).contains("udp@127.0.0.1:" + port + ": nothing listens there"));
    }

    @Test
    void aFullQueueRefusesAndCounts() throws Exception {
        try (LogShipper shipper = new LogShipper(4, Clock.systemUTC(), p -> { })) {
            // a route whose only target is a TCP port nobody listens on: frames wait, then drop
            int refused = offerFromAnotherThread(shipper, Routes.of("tcp@127.0.0.1:1 local0"), 50_000);
            assertThat(shipper.dropped()).isGreaterThanOrEqualTo(refused);
            assertThat(shipper.dropped()).isPositive();
        }
    }
}
