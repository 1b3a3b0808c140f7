package io.tollgate.engine.net;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import io.tollgate.engine.config.Timeouts;
import io.tollgate.engine.http.DefaultErrorPages;
import io.tollgate.engine.log.AccessLog;
import io.tollgate.engine.log.ConnectionError;
import io.tollgate.engine.log.LogEvent;
import io.tollgate.engine.runtime.FrontendState;
import io.tollgate.engine.runtime.Proxy;
import io.tollgate.engine.stats.FrontendCounters;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * A {@code mode http} client connection: a sequence of {@link HttpExchange}s, one at a time.
 *
 * <h2>States</h2>
 * <pre>
 *   WAITING --request head--> EXCHANGE --response complete, keep-alive--> WAITING
 *      |                         |                 \--close wanted--> closed
 *      +--timeout http-request / http-keep-alive--> closed
 *                                +--101 Switching Protocols--> tunnel (handler replaced)
 * </pre>
 * While an exchange has received its whole request the connection stops reading; what the
 * decoder already produced beyond it (pipelined requests) is parked and replayed when the
 * exchange ends, so requests are answered in order and never read ahead unboundedly.
 */
final class HttpSession extends ChannelInboundHandlerAdapter {
    private final NetContext net;
    private final Proxy frontend;
    private final ListenerGate gate;
    private final ArrayDeque<HttpObject> parked = new ArrayDeque<>();
    private Channel client;
    private HttpExchange exchange;
    private ScheduledFuture<?> waitTimer;
    private long waitDeadline;
    private long waitTimerAt;
    private boolean waitFirst;
    private boolean firstRequest = true;
    private boolean admitted;
    private ServerPool pool;
    private LiveSession live;
    private boolean closed;
    private boolean inputClosed;
    /** The connection's stick counters, created when a rule first needs them. */
    private StickCounters stickCounters;
    /** {@code sess.*} variables, created when a rule first sets one. */
    private java.util.Map<String, String> sessionVariables;
    /** The frontend's access log, or null; with a format, the event reused by every request. */
    private final AccessLog accessLog;
    private final SessionBytes bytes;
    private LogEvent logEvent;
    /** Since when a request is awaited: the accept, then the end of each exchange. */
    private long idleSinceNanos;
    private long idleSinceEpochMillis;
    private long readMark;
    /** When the TLS handshake ended, for the first request's {@code Th}; 0 without one, or after it. */
    private long handshakeNanos;
    /** How the connection's error line names its listener ({@code fe/<bind>}). */
    private final String bind;

    HttpSession(NetContext net, Proxy frontend, ListenerGate gate, AccessLog accessLog, SessionBytes bytes,
                String bind) {
        this.net = net;
        this.frontend = frontend;
        this.gate = gate;
        this.accessLog = accessLog;
        this.bytes = bytes;
        this.bind = bind;
    }

    /** The request log record, or null when the frontend logs no lines per request. */
    LogEvent logEvent() {
        return logEvent;
    }

    AccessLog accessLog() {
        return accessLog;
    }

    ListenerGate gate() {
        return gate;
    }

    long idleSinceNanos() {
        return idleSinceNanos;
    }

    /** When the TLS handshake ended if the current request is the connection's first, else 0. */
    long handshakeNanos() {
        return handshakeNanos;
    }

    long idleSinceEpochMillis() {
        return idleSinceEpochMillis;
    }

    /** When the current request's first byte arrived, or {@code fallback} when unknown (pipelined). */
    long requestStartNanos(long fallback) {
        long first = bytes.firstByteNanos;
        return first == 0 || first - fallback > 0 ? fallback : first;
    }

    long bytesReadSinceIdle() {
        return bytes.read - readMark;
    }

    /** A request is awaited from now on: the marks its log line measures from. */
    private void markIdle() {
        if (logEvent == null) {
            return;
        }
        idleSinceNanos = System.nanoTime();
        // only a connection's first request waited for its handshake (HAProxy's t_handshake)
        handshakeNanos = 0;
        idleSinceEpochMillis = System.currentTimeMillis();
        readMark = bytes.read;
        bytes.awaitRequest();
    }

    NetContext net() {
        return net;
    }

    Proxy frontend() {
        return frontend;
    }

    Channel client() {
        return client;
    }

    /** What {@code show sess} sees of this connection. */
    LiveSession live() {
        return live;
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
        ctx.fireChannelActive();
    }

    /** The frontend has room for this connection: it becomes a session and is read. */
    private void admitted() {
        admitted = true;
        frontend.frontendCounters().sessionOpened();
        live = LiveSession.register(frontend.proxies().sessions(), client, frontend);
        if (accessLog != null) {
            ConnectLine.write(accessLog, client);
            if (accessLog.hasFormat()) {
                logEvent = accessLog.newEvent();
                logEvent.client = ClientConnection.source(client);
                logEvent.frontendAddress = ClientConnection.destination(client);
                io.netty.handler.ssl.SslHandler tls = client.pipeline().get(io.netty.handler.ssl.SslHandler.class);
                logEvent.tls = tls != null;
                markIdle();
                if (tls != null) {
                    tls.handshakeFuture().addListener(f -> {
                        if (!f.isSuccess()) {
                            handshakeFailed(tls, f.cause());
                            return;
                        }
                        TlsFacts.established(logEvent, tls, idleSinceEpochMillis);
                        if (firstRequest) {
                            handshakeNanos = System.nanoTime();
                        }
                    });
                }
            }
        }
        if (hasTcpRules() && ConnectionRules.rejectsSession(frontend, client, stickCounters())) {
            return;
        }
        armWaitTimer();
        reading(true);
    }

    /**
     * Reads from the client or stops. Reading stays on across ordinary requests: every switch
     * is a system call ({@code epoll_ctl}), so it is only made when the state changes, for a
     * body that must wait, for backpressure, or for parked pipelined requests.
     */
    void reading(boolean on) {
        if (on != client.config().isAutoRead()) {
            client.config().setAutoRead(on);
        }
    }

    /** The stick counters of this connection ({@code tcp-request connection track-sc*}). */
    StickCounters stickCounters() {
        if (stickCounters == null) {
            stickCounters = new StickCounters(null, frontend);
        }
        return stickCounters;
    }

    /** The connection's stick counters if any exist yet, else null. */
    StickCounters existingStickCounters() {
        return stickCounters;
    }

    /** The variables of this connection ({@code sess.*}), shared by its requests. */
    java.util.Map<String, String> sessionVariables() {
        if (sessionVariables == null) {
            sessionVariables = new java.util.HashMap<>(4);
        }
        return sessionVariables;
    }

    /** This connection's event loop's pool of idle server connections. */
    ServerPool pool() {
        if (pool == null) {
            pool = net.pool(client.eventLoop());
        }
        return pool;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof HttpObject o) || closed) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (exchange != null && (exchange.isRequestComplete() || !parked.isEmpty())) {
            parked.add(o);
            reading(false);
            return;
        }
        dispatch(o);
    }

    private void dispatch(HttpObject o) {
        if (exchange == null) {
            if (o instanceof HttpRequest req) {
                cancelWaitTimer();
                firstRequest = false;
                exchange = new HttpExchange(this, req);
                exchange.start();
            } else {
                // body bytes of a request already refused (or a stray end marker): dropped
                ReferenceCountUtil.release(o);
            }
        } else if (o instanceof HttpContent c) {
            exchange.fromClient(c);
        } else {
            ReferenceCountUtil.release(o);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (exchange != null) {
            exchange.clientReadComplete();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (exchange != null) {
            exchange.clientWritabilityChanged(client.isWritable());
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt == SoftStop.CLOSE_WHEN_IDLE) {
            if (exchange == null && !closed) {
                closeAfterFlush(); // an exchange under way closes when it ends (the frontend is stopped)
            }
        } else if (evt instanceof IdleStateEvent) {
            if (exchange != null) {
                exchange.clientTimeout();
            }
        } else if (evt instanceof ChannelInputShutdownEvent) {
            // the client sent all it will send; answer what it asked, then close
            inputClosed = true;
            if (exchange == null) {
                if (parked.isEmpty()) {
                    clientLeftWithoutRequest();
                }
                closeAfterFlush();
            }
        } else {
            ctx.fireUserEventTriggered(evt);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (exchange == null) {
            clientLeftWithoutRequest();
        }
        closed = true;
        stopWaitTimer();
        if (exchange != null) {
            exchange.clientClosed();
            exchange = null;
        }
        releaseParked();
        if (stickCounters != null) {
            stickCounters.releaseAll();
        }
        if (admitted) {
            frontend.frontendCounters().sessionClosed();
            gate.released();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (exchange != null) {
            exchange.clientAborted();
        }
        ctx.close();
    }

    /** The exchange is over; {@code keepOpen} says whether the client may send another request. */
    void exchangeEnded(boolean keepOpen) {
        exchange = null;
        if (!keepOpen || closed || (inputClosed && parked.isEmpty())
                || frontend.frontendState() == FrontendState.STOPPED) {
            closeAfterFlush();
            return;
        }
        markIdle();
        client.flush();
        armWaitTimer();
        while (!parked.isEmpty() && (exchange == null || !exchange.isRequestComplete())) {
            dispatch(parked.poll());
        }
        if (exchange == null || !exchange.isRequestComplete()) {
            reading(true);
        }
    }

    /** The connection became a tunnel: this handler steps aside. */
    void upgraded() {
        exchange = null;
        stopWaitTimer();
        releaseParked();
    }

    void closeAfterFlush() {
        closed = true;
        stopWaitTimer();
        releaseParked();
        client.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }

    /**
     * Waits for the next request head: {@code timeout http-request} for the first request, which
     * HAProxy answers with 408 when it expires (counted as an invalid request), or
     * {@code timeout http-keep-alive} between requests, which closes silently.
     *
     * <p>Only a deadline is set per request; one timer per connection wakes up when the earliest
     * deadline could have passed and re-arms itself if it has moved, so a busy keep-alive
     * connection schedules about one task per timeout instead of one per request.
     */
    private void armWaitTimer() {
        Timeouts t = frontend.config().timeouts();
        long timeout = firstRequest ? t.effectiveHttpRequest() : t.effectiveHttpKeepAlive();
        if (timeout <= 0 || client == null) {
            waitDeadline = 0;
            return;
        }
        waitFirst = firstRequest;
        long timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeout);
        waitDeadline = System.nanoTime() + timeoutNanos;
        if (waitTimer != null && waitTimerAt - waitDeadline > 0) {
            // the pending check is later than this deadline (keep-alive shorter than http-request)
            waitTimer.cancel(false);
            waitTimer = null;
        }
        if (waitTimer == null) {
            scheduleWaitCheck(timeoutNanos);
        }
    }

    private void scheduleWaitCheck(long delayNanos) {
        waitTimerAt = System.nanoTime() + delayNanos;
        waitTimer = client.eventLoop().schedule(this::waitCheck, delayNanos, TimeUnit.NANOSECONDS);
    }

    private void waitCheck() {
        waitTimer = null;
        if (closed || waitDeadline == 0) {
            return;
        }
        long left = waitDeadline - System.nanoTime();
        if (left > 0) {
            scheduleWaitCheck(left);
            return;
        }
        waitDeadline = 0;
        if (exchange != null) {
            return;
        }
        if (waitFirst) {
            FrontendCounters fc = frontend.frontendCounters();
            fc.requestReceived();
            fc.requestErrors.increment();
            fc.responses.count(408);
            // HAProxy's HTTP/1 layer answers this itself, before any stream or errorfile
            client.write(DefaultErrorPages.asStored(408), client.voidPromise());
            logWithoutRequest(408, LogEvent.END_CLIENT_TIMEOUT);
        }
        closeAfterFlush();
    }

    /**
     * HAProxy logs a connection whose handshake failed with its error line instead of a request's:
     * it never became a stream.
     */
    private void handshakeFailed(io.netty.handler.ssl.SslHandler tls, Throwable cause) {
        LogEvent e = logEvent;
        e.reset();
        ConnectionError error = TlsFacts.failed(e, tls, cause);
        e.requestCounter = AccessLog.nextRequest();
        e.acceptEpochMillis = idleSinceEpochMillis;
        e.handshakeMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - idleSinceNanos);
        e.activeConnections = gate.processConnections();
        e.frontendConnections = frontend.frontendCounters().sessions.current();
        accessLog.connectionFailed(e, error, bind);
    }

    /**
     * Whether the connection is clear text or its TLS handshake is over and well: a client that
     * leaves in the middle of the handshake gets the error line (written when the TLS layer says
     * so, which may come after this), not a request's.
     */
    private boolean handshakeSucceeded() {
        return !(client.pipeline().get(Pipelines.TLS) instanceof io.netty.handler.ssl.SslHandler tls)
                || tls.handshakeFuture().isSuccess();
    }

    /** Gone before its first request, or in the middle of the next one: HAProxy logs that too. */
    private void clientLeftWithoutRequest() {
        if (logEvent != null && admitted && !closed && handshakeSucceeded()
                && (firstRequest || bytesReadSinceIdle() > 0)) {
            logWithoutRequest(400, LogEvent.END_CLIENT);
        }
    }

    /**
     * HAProxy's line for a connection that ended without a whole request: the 408 of
     * {@code timeout http-request} ({@code cR--}), or a client that closed before sending one
     * ({@code CR--}, logged as a 400), both {@code <BADREQ>} with nothing counted as sent.
     */
    private void logWithoutRequest(int status, char endedBy) {
        if (logEvent == null) {
            return;
        }
        LogEvent e = logEvent;
        e.reset();
        e.requestCounter = AccessLog.nextRequest();
        e.status = status;
        e.endedBy = endedBy;
        e.endedAt = LogEvent.AT_REQUEST;
        long now = System.nanoTime();
        e.acceptEpochMillis = idleSinceEpochMillis;
        long total = TimeUnit.NANOSECONDS.toMillis(now - idleSinceNanos);
        e.activeMillis = total;
        e.totalMillis = total;
        e.bytesFromClient = bytesReadSinceIdle();
        e.activeConnections = gate.processConnections();
        e.frontendConnections = frontend.frontendCounters().sessions.current();
        accessLog.finished(e);
    }

    /** No request is awaited any more; the timer, if pending, will find nothing to do. */
    private void cancelWaitTimer() {
        waitDeadline = 0;
    }

    private void stopWaitTimer() {
        waitDeadline = 0;
        if (waitTimer != null) {
            waitTimer.cancel(false);
            waitTimer = null;
        }
    }

    private void releaseParked() {
        HttpObject o;
        while ((o = parked.poll()) != null) {
            ReferenceCountUtil.release(o);
        }
    }
}
