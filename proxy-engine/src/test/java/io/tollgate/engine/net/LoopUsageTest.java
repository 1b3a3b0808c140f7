package io.tollgate.engine.net;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.tollgate.engine.api.LoopActivity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The loops' idle share from their threads' CPU time: a loop kept busy shows it, an idle one does
 * not, over an interval whose length the test sets (so a loaded machine changes nothing).
 */
class LoopUsageTest {
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());

    @AfterEach
    void close() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void aBusyLoopIsLessIdleThanAnIdleOne() throws Exception {
        AtomicLong clock = new AtomicLong(0);
        LoopUsage usage = new LoopUsage(group, clock::get);
        assertThat(usage.read()).extracting(LoopActivity::idlePct).containsExactly(100, 100);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        group.iterator().next().submit(() -> { // 400 ms of CPU on the first loop
            long start = threads.getCurrentThreadCpuTime();
            while (threads.getCurrentThreadCpuTime() - start < 400_000_000L) {
                Thread.onSpinWait();
            }
        }).get(30, TimeUnit.SECONDS);
        clock.set(500_000_000L); // under a second: the previous figures stand
        assertThat(usage.read()).extracting(LoopActivity::idlePct).containsExactly(100, 100);
        clock.set(1_000_000_000L);
        List<LoopActivity> loops = usage.read();
        assertThat(loops.get(0).idlePct()).isBetween(0, 60);
        assertThat(loops.get(0).cpuMillis()).isGreaterThanOrEqualTo(400);
        assertThat(loops.get(1).idlePct()).isGreaterThanOrEqualTo(90);
        assertThat(usage.idlePct()).isEqualTo((loops.get(0).idlePct() + loops.get(1).idlePct() + 1) / 2);
    }
}
