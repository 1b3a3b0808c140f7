package io.tollgate.engine.net;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import io.tollgate.engine.runtime.Server;

/**
 * Keeps each server connection in its server's set until it closes, so that sessions can be
 * shut down ({@code on-marked-down shutdown-sessions}, backups under {@code on-marked-up
 * shutdown-backup-sessions}, an operator's "kill sessions"). Closing the server side ends the
 * session the way a server abort does: the client is disconnected. The cost is one set entry
 * per server connection (not per request: connections are pooled).
 */
final class ServerSessions {
    private static final AttributeKey<Runnable> CLOSER = AttributeKey.valueOf(ServerSessions.class, "closer");

    private ServerSessions() {
    }

    static void register(Server server, Channel channel) {
        if (channel.hasAttr(CLOSER)) {
            return;
        }
        Runnable close = () -> channel.close();
        channel.attr(CLOSER).set(close);
        server.sessions().add(close);
        channel.closeFuture().addListener(f -> server.sessions().remove(close));
    }
}
