package io.tollgate.engine.net;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.SingleThreadEventExecutor;
import io.tollgate.engine.api.LoopActivity;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * How busy the event loops are, measured by the CPU time the OS gives each loop's thread: a loop
 * blocked in epoll/select uses none, so the CPU time a loop did not use over an interval is its
 * idle time. Netty keeps no such figure itself, and this costs nothing on the loops: it is read
 * (one {@link ThreadMXBean#getThreadCpuTime} a loop) only when someone asks. The idle share covers
 * the interval between two readings at least a second apart; a reading sooner than that gets the
 * previous figure, so frequent readers do not see noise, and the first interval starts at startup.
 * It also counts the connections each loop accepts (one increment on the accepting loop).
 */
final class LoopUsage {
    private static final long MIN_INTERVAL_NANOS = 1_000_000_000L;

    private final List<SingleThreadEventExecutor> loops = new ArrayList<>();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final LongSupplier clock;
    private final LongAdder[] accepted;
    private final ChannelHandler acceptCounter = new AcceptCounter();
    private final long[] threadIds;
    private final long[] lastCpu;
    private final int[] idle;
    private long lastAt;

    LoopUsage(EventLoopGroup group) {
        this(group, System::nanoTime);
    }

    LoopUsage(EventLoopGroup group, LongSupplier clock) {
        for (EventExecutor e : group) {
            if (e instanceof SingleThreadEventExecutor single) {
                loops.add(single);
            }
        }
        this.clock = clock;
        this.threadIds = new long[loops.size()];
        this.lastCpu = new long[loops.size()];
        this.idle = new int[loops.size()];
        this.accepted = new LongAdder[loops.size()];
        for (int i = 0; i < loops.size(); i++) {
            accepted[i] = new LongAdder();
            // starts the loop's thread if it has not run yet: called once, off the loops, at startup
            threadIds[i] = loops.get(i).threadProperties().id();
            lastCpu[i] = cpu(i);
            idle[i] = 100;
        }
        this.lastAt = clock.getAsLong();
    }

    /** Every loop's figures, in the group's order. */
    synchronized List<LoopActivity> read() {
        long now = clock.getAsLong();
        long[] cpu = new long[loops.size()];
        for (int i = 0; i < cpu.length; i++) {
            cpu[i] = cpu(i);
        }
        long elapsed = now - lastAt;
        if (elapsed >= MIN_INTERVAL_NANOS) {
            for (int i = 0; i < cpu.length; i++) {
                long busy = Math.max(0, cpu[i] - lastCpu[i]);
                idle[i] = (int) Math.max(0, Math.min(100, 100 - busy * 100 / elapsed));
                lastCpu[i] = cpu[i];
            }
            lastAt = now;
        }
        List<LoopActivity> all = new ArrayList<>(cpu.length);
        for (int i = 0; i < cpu.length; i++) {
            all.add(new LoopActivity(cpu[i] / 1_000_000, idle[i], loops.get(i).pendingTasks(), accepted[i].sum()));
        }
        return all;
    }

    /**
     * A listener's handler counting, per loop, the connections that loop accepted (HAProxy's
     * {@code accepted}: the loop running the listener, whichever loop then serves the connection).
     */
    ChannelHandler acceptCounter() {
        return acceptCounter;
    }

    @ChannelHandler.Sharable
    private final class AcceptCounter extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            for (int i = 0; i < loops.size(); i++) {
                if (loops.get(i) == ctx.executor()) {
                    accepted[i].increment();
                    break;
                }
            }
            ctx.fireChannelRead(msg);
        }
    }

    /** HAProxy's {@code Idle_pct}: the loops' idle shares averaged, rounded. */
    int idlePct() {
        List<LoopActivity> all = read();
        if (all.isEmpty()) {
            return 100;
        }
        long sum = 0;
        for (LoopActivity a : all) {
            sum += a.idlePct();
        }
        return (int) ((sum + all.size() / 2) / all.size());
    }

    /** Nanoseconds of CPU the loop's thread used, 0 when the JVM cannot tell (or the thread ended). */
    private long cpu(int i) {
        long nanos = threads.isThreadCpuTimeSupported() ? threads.getThreadCpuTime(threadIds[i]) : -1;
        return Math.max(0, nanos);
    }
}
