package io.tollgate.engine.admin;

import io.tollgate.engine.api.LoopActivity;
import io.tollgate.engine.api.ProcessInfo;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * {@code show activity}, user level, in HAProxy 2.6's shape: {@code thread_id: <t> (1..<n>)},
 * {@code date_now: <sec>.<usec>}, then {@code name: <total> [ <loop1> <loop2> ... ]} lines (the
 * brackets only with more than one loop, as HAProxy prints them with more than one thread).
 * HAProxy's own counters (context switches, poller calls, pool failures...) describe its
 * scheduler and have no counterpart in Netty; Tollgate prints what the JVM can tell:
 * <ul>
 * <li>{@code thread_id}: 0, since the CLI is served by threads of its own, never by a loop;
 * the range is the event loops ({@code nbthread});</li>
 * <li>{@code date_now}: the wall clock, seconds and microseconds;</li>
 * <li>{@code uptime_ms}: milliseconds since the engine started;</li>
 * <li>{@code cpu_ms_tot}: CPU time used by each loop's thread (total, then per loop);</li>
 * <li>{@code idle_pct}: share of the last measured second each loop spent idle, as
 * {@code show info}'s {@code Idle_pct} (average, then per loop, like HAProxy's averages);</li>
 * <li>{@code run_queue}: tasks waiting in each loop's queue now;</li>
 * <li>{@code accepted}: connections accepted by each loop (the one running the listener, as
 * HAProxy counts them on the accepting thread);</li>
 * <li>{@code gc_count}, {@code gc_ms_tot}: collections run and time spent in them, all collectors;</li>
 * <li>{@code heap_used}, {@code heap_max}: Java heap bytes in use and the most it may grow to;</li>
 * <li>{@code jvm_threads}: live threads in the JVM (loops, CLI, checks, ...).</li>
 * </ul>
 */
final class ActivityCommands implements RuntimeApi.Family {
    private final Supplier<ProcessInfo> process;
    private final Supplier<List<LoopActivity>> loops;

    ActivityCommands(Supplier<ProcessInfo> process, Supplier<List<LoopActivity>> loops) {
        this.process = process;
        this.loops = loops;
    }

    @Override
    public RuntimeApi.Answer run(List<String> w, Actor actor) {
        if (w.size() < 2 || !w.get(0).equals("show") || !w.get(1).equals("activity")) {
            return null;
        }
        ProcessInfo p = process.get();
        List<LoopActivity> all = loops.get();
        StringBuilder out = new StringBuilder(512);
        out.append("thread_id: 0 (1..").append(p.nbthread()).append(")\n");
        Instant now = Instant.now();
        out.append("date_now: ").append(now.getEpochSecond()).append('.')
                .append(String.format("%06d", now.getNano() / 1000)).append('\n');
        out.append("uptime_ms: ").append(Math.max(0, p.nowMillis() - p.startMillis())).append('\n');
        if (!all.isEmpty()) { // none without a running engine
            perLoop(out, "cpu_ms_tot", all, LoopActivity::cpuMillis, false);
            perLoop(out, "idle_pct", all, LoopActivity::idlePct, true);
            perLoop(out, "run_queue", all, LoopActivity::queuedTasks, false);
            perLoop(out, "accepted", all, LoopActivity::accepted, false);
        }
        long gcCount = 0;
        long gcMillis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcCount += Math.max(0, gc.getCollectionCount());
            gcMillis += Math.max(0, gc.getCollectionTime());
        }
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        out.append("gc_count: ").append(gcCount).append('\n');
        out.append("gc_ms_tot: ").append(gcMillis).append('\n');
        out.append("heap_used: ").append(heap.getUsed()).append('\n');
        out.append("heap_max: ").append(heap.getMax()).append('\n');
        out.append("jvm_threads: ").append(ManagementFactory.getThreadMXBean().getThreadCount()).append('\n');
        return new RuntimeApi.Answer(out.toString(), true);
    }

    /** HAProxy's SHOW_TOT / SHOW_AVG: the total (or rounded average), then each loop's value. */
    private static void perLoop(StringBuilder out, String name, List<LoopActivity> all,
                                ToLongFunction<LoopActivity> value, boolean average) {
        long total = 0;
        for (LoopActivity a : all) {
            total += value.applyAsLong(a);
        }
        out.append(name).append(':');
        if (all.size() == 1) {
            out.append(' ').append(total).append('\n');
            return;
        }
        out.append(' ').append(average ? (total + all.size() / 2) / all.size() : total).append(" [");
        for (LoopActivity a : all) {
            out.append(' ').append(value.applyAsLong(a));
        }
        out.append(" ]\n");
    }
}
