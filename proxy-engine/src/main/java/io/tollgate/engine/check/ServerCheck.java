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
 * The health check of one server: runs on one event loop, one run at a time, each run starting
 * one interval after the previous one ended (as HAProxy 2.6 reschedules a check when it
 * completes, so a slow check pushes the next one back), with HAProxy's intervals: {@code inter}
 * fully up, {@code fastinter} while changing state, {@code downinter} fully down. Paused while
 * the server is in maintenance.
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
    private ScheduledFuture<?> timer;
    private volatile boolean stopped;
    private long runs;

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

    /** Starts after {@code delayMillis}, HAProxy's spread of first checks (see {@link HealthChecks}). */
    void start(long delayMillis) {
        loop.execute(() -> scheduleIn(delayMillis));
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

    private void scheduleIn(long millis) {
        if (stopped) {
            return;
        }
        timer = loop.schedule(this::run, Math.max(0, millis), TimeUnit.MILLISECONDS);
    }

    private void run() {
        if (stopped) {
            return;
        }
        if (server.isInMaintenance()) {
            scheduleIn(spread(interval()));
            return;
        }
        runs++;
        state.setRunning(true);
        new CheckRun(loop, channelType, target(), protocol, protocol.open(server), result -> {
            state.setRunning(false);
            if (!stopped) {
                changes.checkCompleted(server, state, result);
                // the interval the new state calls for, counted from now: the end of this run
                scheduleIn(spread(interval()));
            }
        }).start();
    }

    /** {@code spread-checks}: the interval varies by up to this many percent either way. */
    private long spread(long interval) {
        if (spreadPercent <= 0) {
            return interval;
        }
        long rv = interval * spreadPercent / 100;
        return Math.max(1, interval + rv - (long) (2 * rv * ThreadLocalRandom.current().nextDouble()));
    }

    /**
     * HAProxy's {@code srv_getinter}: the interval the check's state calls for. At start (health
     * at rise) that is {@code fastinter}, unless {@code fall 1} makes rise the top of the range.
     */
    long interval() {
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
    private CheckTarget target() {
        Timeouts t = server.backend().config().timeouts();
        long inter = server.config().check().inter();
        if (t.check() > 0) {
            long connect = t.connect() > 0 ? Math.min(t.connect(), inter) : inter;
            return new CheckTarget(address, connect, t.check());
        }
        return new CheckTarget(address, inter, 0);
    }
}
