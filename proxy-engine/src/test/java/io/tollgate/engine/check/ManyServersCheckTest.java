package io.tollgate.engine.check;

import io.tollgate.engine.net.NetEngine;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A thousand checked servers with {@code inter 1s} on one instance: the checks run on the event
 * loops (no thread per check), their first runs are spread over the interval, and they keep
 * their schedule. The figures (checks per second, CPU) are printed for the closing note; the
 * assertions only check the structure and a loose schedule, never a speed.
 */
class ManyServersCheckTest {
    private static final int SERVERS = 1000;

    @Test
    void aThousandServersAreCheckedOnScheduleWithoutAThreadEach() throws Exception {
        AtomicLong accepted = new AtomicLong();
        try (ServerSocketChannel acceptor = ServerSocketChannel.open()) {
            acceptor.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
            Thread t = new Thread(() -> acceptAndClose(acceptor, accepted), "test-acceptor");
            t.setDaemon(true);
            t.start();
            StringBuilder cfg = new StringBuilder("""
                    global
                      nbthread 2
                    defaults
                      mode tcp
                      timeout connect 1s
                      timeout client 5s
                      timeout server 5s
                    backend many
                    """);
            int port = acceptor.socket().getLocalPort();
            for (int i = 0; i < SERVERS; i++) {
                cfg.append("  server s").append(i).append(" 127.0.0.1:").append(port).append(" check inter 1s\n");
            }
            int threadsBefore = Thread.activeCount();
            try (CheckedEngine e = CheckedEngine.start(cfg.toString(), false)) {
                HealthChecks checks = ((NetEngine) e.engine()).healthChecks();
                assertThat(checks.count()).isEqualTo(SERVERS);
                // spread: after a quarter of the interval, about a quarter of the servers had their first check
                Thread.sleep(250);
                long early = checks.runs();
                assertThat(early).isBetween(50L, 700L);
                CheckedEngine.await(Duration.ofSeconds(10), "every first check", () -> checks.runs() >= SERVERS);

                long cpuBefore = processCpuNanos();
                long runsBefore = checks.runs();
                long start = System.nanoTime();
                Thread.sleep(3000);
                double seconds = (System.nanoTime() - start) / 1e9;
                long runs = checks.runs() - runsBefore;
                double cpu = (processCpuNanos() - cpuBefore) / 1e9;
                System.out.printf("[figure] %d servers, inter 1s: %.0f checks/s over %.1f s (expected %d/s), "
                                + "process CPU %.2f s (%.0f%% of one core), threads %d -> %d%n",
                        SERVERS, runs / seconds, seconds, SERVERS, cpu, 100 * cpu / seconds, threadsBefore,
                        Thread.activeCount());
                // on schedule, loosely: a busy test machine may delay a few
                assertThat(runs / seconds).isGreaterThan(SERVERS * 0.7);
                assertThat(runs / seconds).isLessThan(SERVERS * 1.3);
                // no thread per check: the engine's loops and Netty's helpers only
                assertThat(Thread.activeCount() - threadsBefore).isLessThan(20);
                assertThat(e.csv().values().stream().filter(r -> "UP".equals(r.get("status"))).count())
                        .isEqualTo(SERVERS + 1); // every server, and the backend
            }
        }
    }

    private static void acceptAndClose(ServerSocketChannel acceptor, AtomicLong accepted) {
        while (acceptor.isOpen()) {
            try (SocketChannel c = acceptor.accept()) {
                accepted.incrementAndGet();
            } catch (IOException e) {
                return;
            }
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
