package io.tollgate.engine.check;

import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.tollgate.engine.config.AgentSettings;
import io.tollgate.engine.runtime.CheckState;
import io.tollgate.engine.runtime.Server;

import java.net.InetSocketAddress;
import java.util.function.Supplier;

/**
 * The agent check of one server ({@code agent-check}): every {@code agent-inter} (HAProxy sets
 * no {@code fastinter}/{@code downinter} for agents, so the interval never changes), connect to
 * the agent, read its line and apply it. Unlike the health check it keeps running while the
 * server is in maintenance: an agent that said {@code maint} must be heard saying {@code ready}.
 */
final class AgentCheck extends PeriodicCheck {
    private final CheckState state;
    private final AgentProtocol protocol;
    /** Asked at each run: the server's address may change at run time ({@code set server addr}). */
    private final Supplier<InetSocketAddress> address;
    private final Class<? extends SocketChannel> channelType;
    private final AgentEffects effects;
    private final long inter;

    AgentCheck(Server server, CheckState state, Supplier<InetSocketAddress> address, EventLoop loop,
               Class<? extends SocketChannel> channelType, AgentEffects effects, int spreadPercent) {
        super(server, loop, spreadPercent);
        AgentSettings settings = server.config().check().agent();
        this.state = state;
        this.protocol = new AgentProtocol(settings.send());
        this.address = address;
        this.channelType = channelType;
        this.effects = effects;
        this.inter = settings.inter();
    }

    /** An operator's {@code disable agent} stops it; maintenance does not (HAProxy's agent keeps running). */
    @Override
    protected boolean paused() {
        return server.isAgentDisabled();
    }

    @Override
    protected long interval() {
        return inter;
    }

    @Override
    protected void runOnce(Runnable done) {
        state.setRunning(true);
        AgentProtocol.Reading reading = protocol.open(server);
        new CheckRun(loop, channelType, target(server, address.get(), inter), protocol, reading, result -> {
            state.setRunning(false);
            try {
                if (!isStopped()) {
                    effects.completed(server, state, reading, result);
                }
            } finally {
                done.run(); // whatever happened, the next run comes
            }
        }).start();
    }
}
