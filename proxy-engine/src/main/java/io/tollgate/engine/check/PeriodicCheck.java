package io.tollgate.engine.check;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import io.tollgate.engine.config.Timeouts;
import io.tollgate.engine.runtime.Server;

import java.net.InetSocketAddress;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A check that runs again and again against one server on one event loop, one run at a time,
 * each run starting one interval (varied by {@code spread-checks}) after the previous one ended,
 * as HAProxy 2.6 reschedules a check when it completes: a slow check pushes the next one back
 * (measured side by side: {@code timeout check 500ms} and {@code inter 1000} put HAProxy's checks
 * about 1500 ms apart). Subclasses say what a run
 * does ({@link ServerCheck} the health check, {@link AgentCheck} the agent), how long the next
 * interval is, and whether to sit a turn out.
 */
abstract class PeriodicCheck {
    protected final Server server;
    protected final EventLoop loop;
    private final int spreadPercent;
    private long nextStartNanos;
    private ScheduledFuture<?> timer;
    /** A run is under way: it schedules the next itself when done. */
    private boolean running;
    private volatile boolean stopped;
    private volatile long runs; // read by other threads for figures

    PeriodicCheck(Server server, EventLoop loop, int spreadPercent) {
        this.server = server;
        this.loop = loop;
        this.spreadPercent = spreadPercent;
    }

    /** Starts after {@code delayMillis}, HAProxy's spread of first checks over the shortest interval. */
    final void start(long delayMillis) {
        nextStartNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMillis);
        loop.execute(this::scheduleNext);
    }

    final void stop() {
        stopped = true;
        loop.execute(() -> {
            if (timer != null) {
                timer.cancel(false);
            }
        });
    }

    final boolean isStopped() {
        return stopped;
    }

    /**
     * Brings the next run forward to at most {@code millis} from now (HAProxy's {@code on-error}
     * asks for {@code fastinter}); from any thread.
     */
    final void hasten(long millis) {
        loop.execute(() -> {
            long at = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            if (stopped || nextStartNanos - at <= 0) {
                return;
            }
            nextStartNanos = at;
            if (!running) {
                if (timer != null) {
                    timer.cancel(false);
                }
                scheduleNext();
            }
        });
    }

    /** Runs done so far, for tests and figures. */
    final long runs() {
        return runs;
    }

    /** The interval before the next start, asked after each run (it may depend on its outcome). */
    protected abstract long interval();

    /** Whether to skip this turn and wait for the next (a health check in maintenance). */
    protected boolean paused() {
        return false;
    }

    /** Starts one run on the loop; {@code done} must be called on the loop once it is over and applied. */
    protected abstract void runOnce(Runnable done);

    /**
     * With {@code timeout check}, connecting gets {@code min(timeout connect, inter)} and the
     * reply {@code timeout check}; without, {@code inter} bounds the whole run.
     */
    protected static CheckTarget target(Server server, InetSocketAddress address, long inter) {
        Timeouts t = server.backend().config().timeouts();
        if (t.check() > 0) {
            long connect = t.connect() > 0 ? Math.min(t.connect(), inter) : inter;
            return new CheckTarget(address, connect, t.check());
        }
        return new CheckTarget(address, inter, 0);
    }

    private void scheduleNext() {
        if (stopped) {
            return;
        }
        long delay = Math.max(0, nextStartNanos - System.nanoTime());
        timer = loop.schedule(this::run, delay, TimeUnit.NANOSECONDS);
    }

    private void run() {
        if (stopped) {
            return;
        }
        if (paused()) {
            advance(interval());
            scheduleNext();
            return;
        }
        runs++;
        running = true;
        runOnce(() -> {
            running = false;
            if (!stopped) {
                advance(interval());
                scheduleNext();
            }
        });
    }

    /** The next run starts one (spread) interval from now: the end of this run, or a skipped turn. */
    private void advance(long intervalMillis) {
        nextStartNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.max(1, spread(intervalMillis)));
    }

    private long spread(long interval) {
        if (spreadPercent <= 0) {
            return interval;
        }
        long rv = interval * spreadPercent / 100;
        return interval + rv - (long) (2 * rv * ThreadLocalRandom.current().nextDouble());
    }
}
