package io.tollgate.engine.net;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.util.ReferenceCountUtil;
import io.tollgate.engine.config.Timeouts;
import io.tollgate.engine.lb.Dispatcher;
import io.tollgate.engine.log.AccessLog;
import io.tollgate.engine.log.ConnectionError;
import io.tollgate.engine.log.LogEvent;
import io.tollgate.engine.runtime.Proxy;
import io.tollgate.engine.runtime.Server;
import io.tollgate.engine.stats.BackendCounters;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * A {@code mode tcp} client connection: waits (not reading) until the {@link Connector} has a
 * server connection, then becomes a {@link Tunnel}. Counts the session on the frontend, backend
 * and server, and its times when it ends.
 */
final class TcpSession extends ChannelInboundHandlerAdapter implements Connector.Callback {
    private final NetContext net;
    private final Proxy frontend;
    private final ListenerGate gate;
    private final long startNanos = System.nanoTime();
    private Proxy backend;
    private Connector connector;
    /** The keys the backend's {@code stick} rules store once the server is known; null without rules. */
    private StickStores stickStores;
    private Channel client;
    private Server server;
    private Tunnel tunnel;
    private LiveSession live;
    private boolean ended;
    /** The connection's stick counters, created when a rule first needs them. */
    private StickCounters stickCounters;
    private boolean admitted;
    /** What the client sent before the server was connected (at most one read: autoRead is off). */
    private final ArrayDeque<Object> early = new ArrayDeque<>();
    private boolean earlyShutdown;
    private final AccessLog accessLog;
    private final SessionBytes bytes;
    private long acceptEpochMillis;
    private boolean connected;
    private Channel serverChannel;
    private long serverConnectionsAtEnd;
    private char endedBy = LogEvent.END_NORMAL;
    private char endedAt = LogEvent.AT_NONE;

    /** How the connection's error line names its listener ({@code fe/<bind>}). */
    private final String bind;

    TcpSession(NetContext net, Proxy frontend, ListenerGate gate, AccessLog accessLog, SessionBytes bytes, String bind) {
        this.bind = bind;
        this.net = net;
        this.frontend = frontend;
        this.gate = gate;
        this.accessLog = accessLog;
        this.bytes = bytes;
    }

    /** Connections of a frontend without tcp-request rules skip them, allocating nothing. */
    private boolean hasTcpRules() {
        return !frontend.rules().tcpRequest().isEmpty();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        client = ctx.channel();
        if (hasTcpRules() && ConnectionRules.rejectsConnection(frontend, client, stickCounters())) {
            return;
        }
        gate.admit(client, this::admitted);
    }

    /** The frontend has room: count the session and look for a server. */
    private void admitted() {
        admitted = true;
        frontend.frontendCounters().sessionOpened();
        live = LiveSession.register(frontend.proxies().sessions(), client, frontend);
        if (accessLog != null) {
            acceptEpochMillis = System.currentTimeMillis();
            ConnectLine.write(accessLog, client);
        }
        if (hasTcpRules() && (ConnectionRules.rejectsSession(frontend, client, stickCounters())
                || ConnectionRules.rejectsContent(frontend, client, stickCounters()))) {
            return;
        }
        ConnectionView view = new ConnectionView(client);
        backend = frontend.switchingRules().isEmpty() ? frontend.defaultBackend() : frontend.selectBackend(view);
        if (backend == null) {
            client.close();
            return;
        }
        backend.backendCounters().sessionStarted();
        live.backend(backend);
        connector = new Connector(backend, client, view, null, net.tcpDialer, this);
        if (!backend.rules().stickRules().isEmpty()) {
            stickStores = new StickStores();
            connector.prefer(stickStores.onRequest(backend.rules().stickRules(), view, false, backend));
        }
        connector.start();
    }

    @Override
    public void connected(Server server, Channel channel, boolean reused) {
        if (ended || !client.isActive()) {
            channel.close();
            server.counters().sessionEnded();
            Dispatcher.release(server);
            return;
        }
        this.server = server;
        this.connected = true;
        this.serverChannel = channel;
        live.server(server, channel);
        if (stickStores != null) {
            stickStores.store(server);
        }
        Timeouts t = backend.config().timeouts();
        long clientTimeout = t.tunnel() > 0 ? t.tunnel() : frontend.config().timeouts().client();
        long serverTimeout = t.tunnel() > 0 ? t.tunnel() : t.server();
        tunnel = new Tunnel(client, channel, this::end);
        ChannelPipeline cp = client.pipeline();
        if (clientTimeout > 0) {
            cp.addBefore(Pipelines.RELAY, Pipelines.IDLE, NetContext.idle(clientTimeout));
        }
        cp.replace(this, Pipelines.RELAY, tunnel.side(true));
        ChannelPipeline sp = channel.pipeline();
        if (serverTimeout > 0) {
            sp.addLast(Pipelines.IDLE, NetContext.idle(serverTimeout));
        }
        sp.addLast(Pipelines.RELAY, tunnel.side(false));
        if (!channel.isActive()) {
            tunnel.close();
            return;
        }
        tunnel.start();
        Object m;
        while ((m = early.poll()) != null) {
            channel.write(m, channel.voidPromise());
        }
        channel.flush();
        if (earlyShutdown) {
            client.pipeline().fireUserEventTriggered(ChannelInputShutdownEvent.INSTANCE);
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        early.add(msg);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof ChannelInputShutdownEvent) {
            earlyShutdown = true;
        } else {
            ctx.fireUserEventTriggered(evt);
        }
    }

    @Override
    public void failed(int status, String reason) {
        endedBy = connector.failedByTimeout() ? LogEvent.END_SERVER_TIMEOUT : LogEvent.END_SERVER;
        endedAt = reason.startsWith("timeout in queue") ? LogEvent.AT_QUEUE : LogEvent.AT_CONNECT;
        early.forEach(ReferenceCountUtil::release);
        early.clear();
        client.close();
        end();
    }

    private StickCounters stickCounters() {
        if (stickCounters == null) {
            stickCounters = new StickCounters(null, frontend);
        }
        return stickCounters;
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        early.forEach(ReferenceCountUtil::release);
        early.clear();
        if (stickCounters != null) {
            stickCounters.releaseAll();
        }
        if (connector != null) {
            if (!connected && endedBy == LogEvent.END_NORMAL) {
                endedBy = LogEvent.END_CLIENT;
                endedAt = connector.isQueued() ? LogEvent.AT_QUEUE : LogEvent.AT_CONNECT;
            }
            connector.cancel();
        }
        end();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }

    /** Runs once, when the client and (if any) the server side are done. */
    private void end() {
        if (ended) {
            return;
        }
        ended = true;
        if (!admitted) {
            return;
        }
        // as HAProxy's line shows them: this session still counted in actconn and feconn
        long activeConnections = gate.processConnections();
        long frontendConnections = frontend.frontendCounters().sessions.current();
        frontend.frontendCounters().sessionClosed();
        gate.released();
        if (backend == null) {
            return;
        }
        BackendCounters bc = backend.backendCounters();
        long total = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        if (server != null) {
            BackendCounters sc = server.counters();
            if (tunnel != null && tunnel.clientAborted()) {
                sc.clientAborts.increment();
                bc.clientAborts.increment();
            }
            if (tunnel != null && tunnel.serverAborted()) {
                sc.serverAborts.increment();
                bc.serverAborts.increment();
                sc.responseErrors.increment();
                bc.responseErrors.increment();
            }
            for (BackendCounters c : new BackendCounters[] {sc, bc}) {
                c.queueTime.add(connector.queueMillis());
                c.connectTime.add(connector.connectMillis());
                c.responseTime.add(0);
                c.totalTime.add(total);
            }
            sc.sessionEnded();
            // as HAProxy logs it: without this session, before the slot goes to a queued request
            serverConnectionsAtEnd = sc.sessions.current();
            Dispatcher.release(server);
        }
        bc.sessionEnded();
        logFinished(serverChannel, activeConnections, frontendConnections);
    }

    /** HAProxy's line for a TCP session, built once the session is over. */
    private void logFinished(Channel serverChannel, long activeConnections, long frontendConnections) {
        if (bytes == null) {
            return;
        }
        LogEvent e = accessLog.newEvent();
        e.reset();
        e.requestCounter = AccessLog.nextRequest();
        e.client = ClientConnection.source(client);
        e.frontendAddress = ClientConnection.destination(client);
        io.netty.handler.ssl.SslHandler tls = client.pipeline().get(io.netty.handler.ssl.SslHandler.class);
        e.tls = tls != null;
        e.acceptEpochMillis = acceptEpochMillis;
        if (tls != null && tls.handshakeFuture().isDone()) {
            if (!tls.handshakeFuture().isSuccess()) {
                // HAProxy writes the connection's error line: a failed handshake never became a session
                ConnectionError error = TlsFacts.failed(e, tls, tls.handshakeFuture().cause());
                e.handshakeMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
                e.activeConnections = activeConnections;
                e.frontendConnections = frontendConnections;
                accessLog.connectionFailed(e, error, bind);
                return;
            }
            TlsFacts.established(e, tls, acceptEpochMillis);
        }
        e.backend = backend;
        e.server = connected ? server : connector == null ? null : connector.lastTried();
        if (connected && serverChannel != null) {
            e.serverAddress = serverChannel.remoteAddress() instanceof java.net.InetSocketAddress a ? a : null;
            e.backendSource = serverChannel.localAddress() instanceof java.net.InetSocketAddress a ? a : null;
        }
        if (connector != null) {
            e.queueMillis = connected || connector.reachedQueue() || connector.lastTried() != null ? connector.queueMillis() : -1;
            e.connectMillis = connected ? connector.connectMillis() : -1;
            e.retries = connector.retries();
            e.redispatched = connector.redispatched();
            e.serverQueuePosition = connector.serverQueuePosition();
            e.backendQueuePosition = connector.backendQueuePosition();
        }
        e.totalMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        e.bytesFromClient = bytes.read;
        e.bytesToClient = bytes.written;
        e.endedBy = endedBy;
        e.endedAt = endedAt;
        if (tunnel != null && endedBy == LogEvent.END_NORMAL) {
            if (tunnel.clientTimedOut()) {
                e.endedBy = LogEvent.END_CLIENT_TIMEOUT;
                e.endedAt = LogEvent.AT_DATA;
            } else if (tunnel.serverTimedOut()) {
                e.endedBy = LogEvent.END_SERVER_TIMEOUT;
                e.endedAt = LogEvent.AT_DATA;
            } else if (tunnel.clientAborted()) {
                e.endedBy = LogEvent.END_CLIENT;
                e.endedAt = LogEvent.AT_DATA;
            } else if (tunnel.serverAborted()) {
                e.endedBy = LogEvent.END_SERVER;
                e.endedAt = LogEvent.AT_DATA;
            }
        }
        e.activeConnections = activeConnections;
        e.frontendConnections = frontendConnections;
        e.backendConnections = backend == null ? 0 : backend.backendCounters().sessions.current();
        e.serverConnections = e.server == null ? 0 : e.server == server ? serverConnectionsAtEnd
                : e.server.counters().sessions.current();
        if (accessLog.usesSamples()) {
            e.view = new ConnectionView(client);
        }
        accessLog.finished(e);
    }
}
