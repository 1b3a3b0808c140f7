package io.tollgate.engine.check;

import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.concurrent.ScheduledFuture;
import io.tollgate.engine.config.CheckSettings;
import io.tollgate.engine.config.Timeouts;
import io.tollgate.engine.runtime.CheckState;
import io.tollgate.engine.runtime.Server;
import io.tollgate.engine.runtime.StateChanges;

import java.net.InetSocketAddress;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The health check of one server: runs on one event loop, one run at a time, on a steady
 * cadence (each start is the previous start plus the interval, so a slow check does not drift
 * the schedule), with HAProxy's intervals: {@code inter} fully up, {@code fastinter} while
 * changing state, {@code downinter} fully down. Paused while the server is in maintenance.
 */
final class ServerCheck {
    private final Server server;
    private final CheckState state;
    private final CheckProtocol protocol;
    private final EventLoop loop;
    private final Class<? extends SocketChannel> channelType;
    private final StateChanges changes;
    private final InetSocketAddress address;
    private final int spreadPercent;
    private long nextStartNanos;
    private ScheduledFuture<?> timer;
    private volatile boolean stopped;
    private volatile long runs;

    ServerCheck(Server server, CheckState state, CheckProtocol protocol, InetSocketAddress address, EventLoop loop,
                Class<? extends SocketChannel> channelType, StateChanges changes, int spreadPercent) {
        this.server = server;
        this.state = state;
        this.protocol = protocol;
        this.address = address;
        this.loop = loop;
        this.channelType = channelType;
        this.changes = changes;
        this.spreadPercent = spreadPercent;
    }

    /** Starts after {@code delayMillis}, HAProxy's spread of first checks over the shortest interval. */
    void start(long delayMillis) {
        nextStartNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMillis);
        loop.execute(this::scheduleNext);
    }

    void stop() {
        stopped = true;
        loop.execute(() -> {
            if (timer != null) {
                timer.cancel(false);
            }
        });
    }

    /** Runs done so far, for tests and figures. */
    long runs() {
        return runs;
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
        long interval = interval();
        if (server.isInMaintenance()) {
            advance(interval);
            scheduleNext();
            return;
        }
        runs++;
        state.setRunning(true);
        CheckTarget target = target(interval);
        new CheckRun(loop, channelType, target, protocol, protocol.open(server), result -> {
            state.setRunning(false);
            if (!stopped) {
                changes.checkCompleted(server, state, result);
                advance(interval());
                scheduleNext();
            }
        }).start();
    }

    private void advance(long intervalMillis) {
        long now = System.nanoTime();
        long step = TimeUnit.MILLISECONDS.toNanos(Math.max(1, spread(intervalMillis)));
        nextStartNanos += step;
        if (nextStartNanos - now < 0) {
            // fell behind (a long check, a paused machine): start again from now rather than bursting
            nextStartNanos = now + step;
        }
    }

    private long spread(long interval) {
        if (spreadPercent <= 0) {
            return interval;
        }
        long rv = interval * spreadPercent / 100;
        return interval + rv - (long) (2 * rv * ThreadLocalRandom.current().nextDouble());
    }

    /** HAProxy's {@code srv_getinter}. */
    private long interval() {
        CheckSettings c = server.config().check();
        if (state.isFullyUp()) {
            return c.inter();
        }
        if (!server.isUp() && state.health() == 0) {
            return c.downInterval();
        }
        return c.fastInterval();
    }

    /**
     * With {@code timeout check}, connecting gets {@code min(timeout connect, inter)} and the
     * reply {@code timeout check}; without, {@code inter} bounds the whole run.
     */
    private CheckTarget target(long interval) {
        Timeouts t = server.backend().config().timeouts();
        long inter = server.config().check().inter();
        if (t.check() > 0) {
            long connect = t.connect() > 0 ? Math.min(t.connect(), inter) : inter;
            return new CheckTarget(address, connect, t.check());
        }
        return new CheckTarget(address, inter, 0);
    }
}
