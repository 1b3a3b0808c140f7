package io.tollgate.engine.net;

import io.tollgate.engine.admin.AccessLevel;
import io.tollgate.engine.admin.Actor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.tollgate.engine.net.RunningEngine.freePort;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8's "never in the way", through a running Tollgate: its access lines go to a TCP target
 * that accepts but never reads (its socket buffers fill) or to a UDP port nobody listens on, and
 * every request is still answered while {@code show info}'s DroppedLogs counts the lines that
 * could not go. The same bounded request loop is also timed without any target; the three
 * rates are printed and written to {@code target/dead-log-targets.txt} to be quoted, never
 * asserted. The {@code len} and {@code sample} settings of a target apply to access lines too.
 */
class DeadLogTargetsTest {
    private static final Actor ADMIN = new Actor("ops", "test", "test", AccessLevel.ADMIN);
    /** Requests per timed round, and rounds per configuration (the best round counts: the machine is shared). */
    private static final int TIMED = 2000;
    private static final int ROUNDS = 3;
    /** A long path makes each line about 1 KB (the default len), so that the TCP target's buffers fill sooner. */
    private static final String PATH = "/" + "p".repeat(1100);

    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
    }

    private RunningEngine engine(String logLine, int upstream) throws Exception {
        RunningEngine e = RunningEngine.start("""
                defaults
                    mode http
                    timeout connect 2s
                    timeout client 10s
                    timeout server 10s
                frontend fe
                    bind 127.0.0.1:%d
                    %s
                    option httplog
                    default_backend be
                backend be
                    server s1 127.0.0.1:%d
                """.formatted(freePort(), logLine, upstream));
        closing.add(e);
        return e;
    }

    /** Stops an engine before the next one starts, so that they do not share the machine while timed. */
    private void close(RunningEngine e) {
        closing.remove(e);
        e.close();
    }

    /** {@code count} requests on one keep-alive connection, each answered 200; returns requests per second. */
    private static double requests(RunningEngine engine, int count) throws IOException {
        long start = System.nanoTime();
        try (RawHttp c = new RawHttp(engine.port("fe"))) {
            for (int i = 0; i < count; i++) {
                assertThat(c.get(PATH).status()).as("request %d", i).isEqualTo(200);
            }
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    /** The best rate of {@link #ROUNDS} rounds of {@link #TIMED} requests. */
    private static double rate(RunningEngine engine) throws IOException {
        double best = 0;
        for (int i = 0; i < ROUNDS; i++) {
            best = Math.max(best, requests(engine, TIMED));
        }
        return best;
    }

    private static long droppedLogs(RunningEngine engine) {
        String info = engine.engine().runtimeApi().execute("show info", ADMIN);
        Matcher m = Pattern.compile("(?m)^DroppedLogs: (\\d+)$").matcher(info);
        assertThat(m.find()).as(info).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void aBlackholedTcpTargetAndAUdpTargetWithoutListenerNeitherStopNorSlowRequests() throws Exception {
        Upstream upstream = new Upstream("s1");
        closing.add(upstream);

        RunningEngine quiet = engine("no log", upstream.port());
        requests(quiet, 300); // warm up the JIT on the same path before timing anything
        double withoutTarget = rate(quiet);
        close(quiet);

        // the fair comparison for the dead targets: the same lines built and shipped to a live target
        DatagramSocket listener = receiver();
        RunningEngine live = engine("log 127.0.0.1:" + listener.getLocalPort() + " local0", upstream.port());
        double heard = rate(live);
        close(live);

        ServerSocket blackhole = new ServerSocket();
        closing.add(blackhole);
        blackhole.setReceiveBufferSize(4096);
        blackhole.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        List<Socket> accepted = new ArrayList<>();
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    Socket s = blackhole.accept(); // and never read from it
                    synchronized (accepted) {
                        accepted.add(s);
                    }
                }
            } catch (IOException closed) {
                // the test is over
            }
        }, "blackhole");
        acceptor.setDaemon(true);
        acceptor.start();
        closing.add(() -> {
            synchronized (accepted) {
                for (Socket s : accepted) {
                    s.close();
                }
            }
        });
        RunningEngine tcp = engine("log tcp@127.0.0.1:" + blackhole.getLocalPort() + " local0", upstream.port());
        double blackholed = rate(tcp);
        // the buffers hold a few megabytes at most: more lines must overflow them, and be counted
        for (int round = 0; round < 20 && droppedLogs(tcp) == 0; round++) {
            requests(tcp, 1000);
        }
        assertThat(droppedLogs(tcp)).as("lines the blackholed TCP target could not take").isPositive();
        close(tcp);

        int nobody = freePort();
        RunningEngine udp = engine("log 127.0.0.1:" + nobody + " local0", upstream.port());
        double unheard = rate(udp);
        for (int round = 0; round < 50 && droppedLogs(udp) == 0; round++) {
            requests(udp, 20);
        }
        assertThat(droppedLogs(udp)).as("lines refused by a UDP port nobody listens on").isPositive();

        String figures = String.format(java.util.Locale.ROOT, "dead log targets, best of %d rounds of %d sequential "
                + "keep-alive requests (GET of a %d-byte path, option httplog) through Tollgate:%n"
                + "  no log target:                       %8.0f requests/s%n"
                + "  UDP target with a listener:          %8.0f requests/s%n"
                + "  tcp@ target that never reads:        %8.0f requests/s%n"
                + "  UDP target with no listener:         %8.0f requests/s%n",
                ROUNDS, TIMED, PATH.length(), withoutTarget, heard, blackholed, unheard);
        System.out.print(figures);
        Path out = Path.of("target", "dead-log-targets.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, figures);
    }

    @Test
    void lenCutsAccessLinesAndSampleSpreadsThemOverTargets() throws Exception {
        Upstream upstream = new Upstream("s1");
        closing.add(upstream);
        DatagramSocket cut = receiver();
        DatagramSocket odd = receiver();
        DatagramSocket even = receiver();
        RunningEngine engine = engine("log 127.0.0.1:" + cut.getLocalPort() + " len 80 local0\n"
                + "    log 127.0.0.1:" + odd.getLocalPort() + " sample 1:2 local0\n"
                + "    log 127.0.0.1:" + even.getLocalPort() + " sample 2:2 local0", upstream.port());
        try (RawHttp c = new RawHttp(engine.port("fe"))) {
            for (int i = 1; i <= 4; i++) {
                assertThat(c.get("/r" + i).status()).isEqualTo(200);
            }
        }
        for (int i = 1; i <= 4; i++) {
            String d = receive(cut);
            // header and message cut to 80 bytes, then the newline
            assertThat(d).hasSize(81).endsWith("\n").startsWith("<134>");
        }
        assertThat(receive(odd)).contains("\"GET /r1 HTTP/1.1\"");
        assertThat(receive(odd)).contains("\"GET /r3 HTTP/1.1\"");
        assertThat(receive(even)).contains("\"GET /r2 HTTP/1.1\"");
        assertThat(receive(even)).contains("\"GET /r4 HTTP/1.1\"");
    }

    private DatagramSocket receiver() throws IOException {
        DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        s.setSoTimeout(10_000);
        closing.add(s);
        return s;
    }

    /** The next access datagram (event lines such as "Proxy fe started." are skipped). */
    private static String receive(DatagramSocket s) throws IOException {
        byte[] buf = new byte[65536];
        for (int i = 0; i < 20; i++) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                s.receive(p);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no access line came", e);
            }
            String d = new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
            if (d.contains(" 127.0.0.1:")) {
                return d;
            }
        }
        throw new AssertionError("no access line among 20 datagrams");
    }
}
