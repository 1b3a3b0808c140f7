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
 * with, which a PROXY protocol header replaces on {@code accept-proxy} listeners; whether it
 * arrived over TLS ({@code ssl_fc}); and the server name it asked for ({@code ssl_fc_sni}).
 *
 * <p>Every reader of the client's addresses comes here, so that none sees the load balancer in
 * front where HAProxy sees the announced client: ACLs and samples ({@code src}, {@code src_port},
 * {@code dst_port}, {@code %ci}) and what keys on them (stick-table tracking, {@code balance
 * source}) through {@link ConnectionView}; {@code X-Forwarded-For}; the PROXY header sent to
 * servers; and the destination a server without address or port connects to.
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
        return client.hasAttr(PROXIED) ? client.attr(PROXIED).get()[0] : socketSource(client);
    }

    /** The address the client connected to, or null when unknown. */
    static InetSocketAddress destination(Channel client) {
        return client.hasAttr(PROXIED) ? client.attr(PROXIED).get()[1] : socketDestination(client);
    }

    /**
     * The socket's peer, whatever a PROXY header announced: what {@code tcp-request connection}
     * rules see, HAProxy running them before it reads the header (checked on 2.6.12: a rule on
     * {@code src} matches the load balancer in front there, the announced client from
     * {@code tcp-request session} on).
     */
    static InetSocketAddress socketSource(Channel client) {
        return client.remoteAddress() instanceof InetSocketAddress a ? a : null;
    }

    /** The socket's own address, whatever a PROXY header announced; see {@link #socketSource}. */
    static InetSocketAddress socketDestination(Channel client) {
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
        return serverName(tls);
    }

    /** The SNI host name the client sent through {@code tls}, or null. */
    static String serverName(SslHandler tls) {
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
