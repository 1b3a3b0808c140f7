package io.tollgate.engine.net;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import io.tollgate.engine.runtime.Server;

/**
 * Keeps the connections of servers whose sessions may have to be shut down
 * ({@code on-marked-down shutdown-sessions}, backups under {@code on-marked-up
 * shutdown-backup-sessions}) in their server's set until they close. Closing the server side
 * ends the session the way a server abort does: the client is disconnected. Other servers pay
 * nothing.
 */
final class ServerSessions {
    private static final AttributeKey<Runnable> CLOSER = AttributeKey.valueOf(ServerSessions.class, "closer");

    private ServerSessions() {
    }

    static void register(Server server, Channel channel) {
        if (!server.tracksSessions() || channel.hasAttr(CLOSER)) {
            return;
        }
        Runnable close = () -> channel.close();
        channel.attr(CLOSER).set(close);
        server.sessions().add(close);
        channel.closeFuture().addListener(f -> server.sessions().remove(close));
    }
}
