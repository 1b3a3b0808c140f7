package io.tollgate.engine.net;

import io.netty.channel.Channel;
import io.tollgate.engine.acl.RequestView;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * What ACLs see of a {@code mode tcp} connection: its addresses and ports (those of the PROXY
 * header on {@code accept-proxy} listeners) and whether it arrived over TLS; it has no HTTP
 * request, so HTTP criteria never match.
 */
final class ConnectionView implements RequestView {
    private final Channel client;

    ConnectionView(Channel client) {
        this.client = client;
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
        InetSocketAddress a = ClientConnection.source(client);
        return a == null ? null : a.getAddress();
    }

    @Override
    public int sourcePort() {
        InetSocketAddress a = ClientConnection.source(client);
        return a == null ? 0 : a.getPort();
    }

    @Override
    public int destinationPort() {
        InetSocketAddress a = ClientConnection.destination(client);
        return a == null ? 0 : a.getPort();
    }

    @Override
    public boolean isTls() {
        return ClientConnection.isTls(client);
    }
}
