package io.tollgate.engine.net;

import io.netty.channel.Channel;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.AttributeKey;

import java.net.InetSocketAddress;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLSession;

/**
 * What Tollgate knows of a client connection beyond its socket: the addresses it is reported
 * with ({@code src}, {@code dst}, {@code X-Forwarded-For}, the PROXY header sent to servers),
 * which a PROXY protocol header replaces on {@code accept-proxy} listeners; whether it arrived
 * over TLS ({@code ssl_fc}); and the server name it asked for ({@code ssl_fc_sni}).
 */
final class ClientConnection {
    private static final AttributeKey<InetSocketAddress[]> PROXIED =
            AttributeKey.valueOf(ClientConnection.class, "proxied");

    private ClientConnection() {
    }

    /** Records the client's addresses as a PROXY protocol header gave them. */
    static void proxied(Channel client, InetSocketAddress source, InetSocketAddress destination) {
        client.attr(PROXIED).set(new InetSocketAddress[] {source, destination});
    }

    /** The client's address, or null when unknown (not an IP connection). */
    static InetSocketAddress source(Channel client) {
        if (client.hasAttr(PROXIED)) {
            return client.attr(PROXIED).get()[0];
        }
        return client.remoteAddress() instanceof InetSocketAddress a ? a : null;
    }

    /** The address the client connected to, or null when unknown. */
    static InetSocketAddress destination(Channel client) {
        if (client.hasAttr(PROXIED)) {
            return client.attr(PROXIED).get()[1];
        }
        return client.localAddress() instanceof InetSocketAddress a ? a : null;
    }

    static boolean isTls(Channel client) {
        return client.pipeline().get(Pipelines.TLS) != null;
    }

    /** The SNI host name the client sent, or null (no TLS, no SNI, or the handshake is not done). */
    static String serverName(Channel client) {
        if (client == null || !(client.pipeline().get(Pipelines.TLS) instanceof SslHandler tls)) {
            return null;
        }
        SSLSession session = tls.engine().getSession();
        if (session instanceof ExtendedSSLSession s) {
            for (SNIServerName name : s.getRequestedServerNames()) {
                if (name instanceof SNIHostName h) {
                    return h.getAsciiName();
                }
            }
        }
        return null;
    }
}
