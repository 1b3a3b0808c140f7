package io.tollgate.engine.net;

import io.netty.channel.Channel;
import io.tollgate.engine.acl.RequestView;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * What ACLs see of a {@code mode tcp} connection: its addresses and ports (those of the PROXY
 * header on {@code accept-proxy} listeners, except for {@code tcp-request connection} rules,
 * which HAProxy runs before the header) and whether it arrived over TLS; it has no HTTP
 * request, so HTTP criteria never match.
 */
final class ConnectionView implements RequestView {
    private final Channel client;
    private final boolean announced;

    /** The connection as its PROXY header, if any, announced it. */
    ConnectionView(Channel client) {
        this(client, true);
    }

    private ConnectionView(Channel client, boolean announced) {
        this.client = client;
        this.announced = announced;
    }

    /** The connection with its socket's own addresses, for {@code tcp-request connection} rules. */
    static ConnectionView beforeProxyHeader(Channel client) {
        return new ConnectionView(client, false);
    }

    private InetSocketAddress sourceAddress() {
        return announced ? ClientConnection.source(client) : ClientConnection.socketSource(client);
    }

    private InetSocketAddress destinationAddress() {
        return announced ? ClientConnection.destination(client) : ClientConnection.socketDestination(client);
    }

    @Override
    public String method() {
        return null;
    }

    @Override
    public String uri() {
        return null;
    }

    @Override
    public String path() {
        return null;
    }

    @Override
    public String query() {
        return null;
    }

    @Override
    public List<String> headers(String name) {
        return List.of();
    }

    @Override
    public String version() {
        return null;
    }

    @Override
    public InetAddress source() {
        InetSocketAddress a = sourceAddress();
        return a == null ? null : a.getAddress();
    }

    @Override
    public int sourcePort() {
        InetSocketAddress a = sourceAddress();
        return a == null ? 0 : a.getPort();
    }

    @Override
    public int destinationPort() {
        InetSocketAddress a = destinationAddress();
        return a == null ? 0 : a.getPort();
    }

    @Override
    public boolean isTls() {
        return ClientConnection.isTls(client);
    }

    /**
     * {@code set-src}/{@code set-dst} (and {@code -port}): replaces one side of the connection's
     * addresses for the rest of its life, as HAProxy rewrites the connection; a null
     * {@code address} or a negative {@code port} keeps that part. A port alone on a connection
     * without an IP address is ignored.
     */
    void rewriteAddress(boolean source, InetAddress address, int port) {
        InetSocketAddress src = ClientConnection.source(client);
        InetSocketAddress dst = ClientConnection.destination(client);
        InetSocketAddress old = source ? src : dst;
        InetAddress a = address != null ? address : old == null ? null : old.getAddress();
        if (a == null) {
            return;
        }
        InetSocketAddress changed = new InetSocketAddress(a, port >= 0 ? port : old == null ? 0 : old.getPort());
        ClientConnection.proxied(client, source ? changed : src, source ? dst : changed);
    }
}
