package io.tollgate.engine.net;

import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;

import static io.tollgate.engine.net.RunningEngine.freePort;
import static org.assertj.core.api.Assertions.assertThat;

/** The {@code mode tcp} relay over real loopback sockets. */
class TcpRelayTest {
    private TcpTestServer server;
    private RunningEngine engine;

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private int start(TcpTestServer.Mode mode, String timeouts) throws Exception {
        server = new TcpTestServer(mode);
        int port = freePort();
        engine = RunningEngine.start("""
                defaults
                    mode tcp
                    timeout connect 2s
                %s
                listen tcp_in
                    bind 127.0.0.1:%d
                    server echo 127.0.0.1:%d
                """.formatted(timeouts, port, server.port()));
        return port;
    }

    @Test
    void carries200MegabytesBothWaysWithBoundedMemory() throws Exception {
        int port = start(TcpTestServer.Mode.ECHO, "    timeout client 30s\n    timeout server 30s");
        long size = 200L * 1024 * 1024;
        AtomicLong maxDirect = new AtomicLong();
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(60_000);
            CRC32 sentCrc = new CRC32();
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try {
                    OutputStream out = s.getOutputStream();
                    byte[] chunk = new byte[65536];
                    for (long sent = 0; sent < size; sent += chunk.length) {
                        for (int i = 0; i < chunk.length; i++) {
                            chunk[i] = (byte) ((sent + i) * 7);
                        }
                        sentCrc.update(chunk);
                        out.write(chunk);
                    }
                    s.shutdownOutput();
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            CRC32 gotCrc = new CRC32();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[65536];
            long got = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                gotCrc.update(buf, 0, n);
                got += n;
                if ((got & 0xFFFFFF) < n) {
                    maxDirect.accumulateAndGet(PooledByteBufAllocator.DEFAULT.metric().usedDirectMemory(), Math::max);
                }
            }
            writer.get(10, TimeUnit.SECONDS);
            assertThat(got).isEqualTo(size);
            assertThat(gotCrc.getValue()).isEqualTo(sentCrc.getValue());
        }
        assertThat(maxDirect.get()).isLessThan(64L * 1024 * 1024);
        RunningEngine.sleep(200);
        assertThat(engine.number("tcp_in", "FRONTEND", "bin")).isEqualTo(size);
        assertThat(engine.number("tcp_in", "FRONTEND", "bout")).isEqualTo(size);
        assertThat(engine.number("tcp_in", "echo", "bin")).isEqualTo(size);
        assertThat(engine.number("tcp_in", "echo", "bout")).isEqualTo(size);
        assertThat(engine.number("tcp_in", "FRONTEND", "scur")).isZero();
        assertThat(engine.number("tcp_in", "echo", "stot")).isEqualTo(1);
    }

    @Test
    void aClientThatStopsReadingDoesNotMakeMemoryGrow() throws Exception {
        int port = start(TcpTestServer.Mode.SOURCE, "    timeout client 30s\n    timeout server 30s");
        try (Socket s = new Socket()) {
            // set before connecting, so the window is small from the start
            s.setReceiveBufferSize(64 * 1024);
            s.connect(new InetSocketAddress("127.0.0.1", port));
            RunningEngine.sleep(1500);
            long first = server.bytesSent();
            RunningEngine.sleep(1500);
            long second = server.bytesSent();
            // what the kernel buffers on loopback (autotuned send and receive buffers on three
            // sockets) can reach a dozen MiB; what matters is that nothing more is read once full
            assertThat(second).isLessThan(32L * 1024 * 1024);
            assertThat(second - first).isLessThan(512 * 1024);
            assertThat(PooledByteBufAllocator.DEFAULT.metric().usedDirectMemory()).isLessThan(64L * 1024 * 1024);
        }
    }

    @Test
    void halfCloseIsForwarded() throws Exception {
        int port = start(TcpTestServer.Mode.COUNT_UNTIL_FIN, "    timeout client 10s\n    timeout server 10s");
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(new byte[12345]);
            s.shutdownOutput();
            String reply = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(reply).isEqualTo("count 12345\n");
        }
    }

    @Test
    void anIdleSessionIsClosedAtTimeoutClient() throws Exception {
        int port = start(TcpTestServer.Mode.ECHO, "    timeout client 300ms\n    timeout server 10s");
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(5_000);
            long t0 = System.nanoTime();
            assertThat(s.getInputStream().read()).isEqualTo(-1);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isBetween(200L, 4000L);
        }
    }

    @Test
    void aRefusedServerClosesTheClientAndIsCounted() throws Exception {
        server = new TcpTestServer(TcpTestServer.Mode.ECHO);
        int port = freePort();
        int dead = freePort();
        engine = RunningEngine.start("""
                defaults
                    mode tcp
                    timeout connect 1s
                    timeout client 5s
                    timeout server 5s
                    retries 0
                listen tcp_in
                    bind 127.0.0.1:%d
                    server dead 127.0.0.1:%d
                """.formatted(port, dead));
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(5_000);
            assertThat(s.getInputStream().read()).isEqualTo(-1);
        }
        assertThat(engine.number("tcp_in", "dead", "econ")).isEqualTo(1);
        assertThat(engine.number("tcp_in", "BACKEND", "econ")).isEqualTo(1);
    }
}
