package io.tollgate.engine.net;

import io.netty.channel.Channel;
import io.netty.handler.ssl.SslHandler;
import io.tollgate.engine.log.AccessLog;

/**
 * HAProxy's legacy {@code Connect from ...} line of a frontend without log format, written when
 * the connection becomes a session: at once in clear text, once the handshake succeeded over
 * TLS (HAProxy 2.6.12 logs nothing at all for a failed handshake on such a frontend).
 */
final class ConnectLine {
    private ConnectLine() {
    }

    static void write(AccessLog log, Channel client) {
        if (log.hasFormat()) {
            return;
        }
        if (client.pipeline().get(Pipelines.TLS) instanceof SslHandler tls) {
            tls.handshakeFuture().addListener(f -> {
                if (f.isSuccess()) {
                    log.accepted(ClientConnection.source(client), ClientConnection.destination(client));
                }
            });
        } else {
            log.accepted(ClientConnection.source(client), ClientConnection.destination(client));
        }
    }
}
