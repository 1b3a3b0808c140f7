package io.tollgate.engine.net;

import io.netty.channel.Channel;
import io.tollgate.engine.runtime.Proxy;
import io.tollgate.engine.runtime.Server;
import io.tollgate.engine.runtime.Sessions;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * A client session as {@code show sess} sees it: registered in {@link Sessions} when the
 * frontend admits the connection, removed when the connection closes. Its event loop writes the
 * backend and server as they are chosen; the CLI reads them from its own thread, hence volatile
 * (a write per chosen server, no lock).
 */
final class LiveSession implements Sessions.Live {
    private final Channel client;
    private final Proxy frontend;
    private volatile Proxy backend;
    private volatile Server server;
    private volatile Channel serverChannel;
    private volatile long calls;

    private LiveSession(Channel client, Proxy frontend) {
        this.client = client;
        this.frontend = frontend;
    }

    /** Registers the session of an admitted client connection until the connection closes. */
    static LiveSession register(Sessions sessions, Channel client, Proxy frontend) {
        LiveSession s = new LiveSession(client, frontend);
        long id = sessions.register(s);
        client.closeFuture().addListener(f -> sessions.remove(id));
        return s;
    }

    /** The backend is known (the server not yet); counts one more wake-up. */
    void backend(Proxy backend) {
        this.backend = backend;
        calls++;
    }

    /** The session is connected to {@code server} over {@code channel}. */
    void server(Server server, Channel channel) {
        this.server = server;
        this.serverChannel = channel;
        calls++;
    }

    @Override
    public String proto() {
        if (ClientConnection.socketSource(client) == null) {
            return "unix_stream";
        }
        return ClientConnection.socketSource(client).getAddress() instanceof java.net.Inet6Address ? "tcpv6" : "tcpv4";
    }

    @Override
    public InetSocketAddress source() {
        return ClientConnection.source(client);
    }

    @Override
    public InetSocketAddress destination() {
        return ClientConnection.destination(client);
    }

    @Override
    public Proxy frontend() {
        return frontend;
    }

    @Override
    public Proxy backend() {
        return backend;
    }

    @Override
    public Server server() {
        return server;
    }

    @Override
    public SocketAddress serverSource() {
        Channel c = serverChannel;
        return c == null ? null : c.localAddress();
    }

    @Override
    public SocketAddress serverDestination() {
        Channel c = serverChannel;
        return c == null ? null : c.remoteAddress();
    }

    @Override
    public long calls() {
        return calls;
    }

    @Override
    public void shutdown() {
        client.close();
    }

    @Override
    public void closeWhenIdle() {
        // delivered on the connection's event loop; a TCP session's handlers let it pass
        client.pipeline().fireUserEventTriggered(SoftStop.CLOSE_WHEN_IDLE);
    }
}
