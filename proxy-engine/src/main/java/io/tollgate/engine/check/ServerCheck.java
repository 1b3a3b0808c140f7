package io.tollgate.engine.check;

import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.tollgate.engine.config.CheckSettings;
import io.tollgate.engine.runtime.CheckState;
import io.tollgate.engine.runtime.Server;
import io.tollgate.engine.runtime.StateChanges;
import io.tollgate.engine.tls.ServerTlsContext;

import java.net.InetSocketAddress;
import java.util.function.Supplier;

/**
 * The health check of one server, on HAProxy's intervals: {@code inter} fully up,
 * {@code fastinter} while changing state, {@code downinter} fully down, each counted from the
 * end of the previous run ({@link PeriodicCheck}). Paused while the server is in maintenance.
 */
final class ServerCheck extends PeriodicCheck {
    private final CheckState state;
    private final CheckProtocol protocol;
    private final Class<? extends SocketChannel> channelType;
    private final StateChanges changes;
    /** Asked at each run: the server's address may change at run time ({@code set server addr}). */
    private final Supplier<InetSocketAddress> address;
    private ServerTlsContext tls;

    ServerCheck(Server server, CheckState state, CheckProtocol protocol, Supplier<InetSocketAddress> address, EventLoop loop,
                Class<? extends SocketChannel> channelType, StateChanges changes, int spreadPercent) {
        super(server, loop, spreadPercent);
        this.state = state;
        this.protocol = protocol;
        this.address = address;
        this.channelType = channelType;
        this.changes = changes;
        state.onHasten(() -> hasten(server.config().check().fastInterval()));
    }

    /** Runs the check over TLS with {@code context} (null: in clear). */
    ServerCheck tls(ServerTlsContext context) {
        this.tls = context;
        return this;
    }

    @Override
    protected boolean paused() {
        return server.isInMaintenance() || server.isCheckDisabled();
    }

    @Override
    protected void runOnce(Runnable done) {
        state.setRunning(true);
        CheckTarget target = target(server, address.get(), server.config().check().inter());
        new CheckRun(loop, channelType, target, protocol, protocol.open(server), result -> {
            state.setRunning(false);
            try {
                if (!isStopped()) {
                    changes.checkCompleted(server, state, result);
                }
            } finally {
                done.run(); // whatever happened, the next run comes
            }
        }).tls(tls).start();
    }

    /**
     * HAProxy's {@code srv_getinter}: the interval the check's state calls for. At start (health
     * at rise) that is {@code fastinter}, unless {@code fall 1} makes rise the top of the range.
     */
    @Override
    protected long interval() {
        CheckSettings c = server.config().check();
        if (state.isFullyUp()) {
            return c.inter();
        }
        if (!server.isUp() && state.health() == 0) {
            return c.downInterval();
        }
        return c.fastInterval();
    }
}
