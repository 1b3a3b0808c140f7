package io.tollgate.engine.net;

import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.tollgate.engine.config.ForwardFor;
import io.tollgate.engine.config.HttpConnectionMode;
import io.tollgate.engine.http.DefaultErrorPages;
import io.tollgate.engine.http.Reply;
import io.tollgate.engine.lb.Dispatcher;
import io.tollgate.engine.log.LogEvent;
import io.tollgate.engine.persist.RequestCookie;
import io.tollgate.engine.persist.ResponseCookie;
import io.tollgate.engine.rules.ReplyKind;
import io.tollgate.engine.rules.TcpRule;
import io.tollgate.engine.runtime.CookieRouting;
import io.tollgate.engine.runtime.FrontendState;
import io.tollgate.engine.runtime.Proxy;
import io.tollgate.engine.runtime.Server;
import io.tollgate.engine.runtime.TrafficHealth;
import io.tollgate.engine.runtime.TrafficRules;
import io.tollgate.engine.stats.BackendCounters;
import io.tollgate.engine.stats.FrontendCounters;

import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP request and its response, relayed between a client connection and a server
 * connection as the pieces arrive: the head first, then body chunks, never aggregated.
 *
 * <h2>Life</h2>
 * <ol>
 *   <li>The request head arrives: a malformed one is answered 400 and the connection closed;
 *       otherwise headers are rewritten ({@code Connection}, {@code X-Forwarded-For}) and the
 *       {@link Connector} looks for a server. Body pieces that arrive meanwhile are held (the
 *       client stops being read, so at most one read's worth).</li>
 *   <li>Connected: the head and held pieces are written; the rest of the body streams with
 *       backpressure (the client is read only while the server connection is writable).</li>
 *   <li>The response streams back the same way. Interim 1xx responses pass through; a 101
 *       turns both connections into a {@link Tunnel}.</li>
 *   <li>When both directions are complete, the times are recorded, the server slot is released
 *       and the server connection goes back to its event loop's pool if both sides allow.</li>
 * </ol>
 * A reused pooled connection that the server had closed before answering is replaced by a new
 * one, once, when the request had no body (so nothing is lost by sending it again).
 */
final class HttpExchange implements Connector.Callback {
    private final HttpSession session;
    private final HttpRequest request;
    private final Proxy frontend;
    private final long startNanos = System.nanoTime();
    /** Body pieces that arrived before the server connection; created only when needed. */
    private ArrayDeque<HttpContent> heldBody;
    /** A stats page action form being read. */
    private StatsActions statsActions;
    private Proxy backend;
    /** What ACLs and hash algorithms read of the request; built only when one needs it. */
    private HttpRequestView view;
    private HttpConnectionMode mode;
    private boolean upgrade;
    private boolean hasBody;
    private boolean keepClientOpen;
    private Connector connector;
    private Server server;
    private Channel serverChannel;
    private HttpServerSide serverSide;
    private boolean reused;
    private boolean requestComplete;
    private boolean lastWritten;
    private boolean responseStarted;
    private boolean interim;
    private boolean responseCloseDelimited;
    private boolean serverKeepsOpen;
    private long requestSentNanos;
    private long responseHeadNanos;
    private boolean done;
    private boolean clientAbortCounted;
    /** The rules' side of this exchange, created when a proxy has rules. */
    private ExchangeRules rules;
    /** This request's stick counters, created when the frontend or backend has rules. */
    private StickCounters counters;
    /** The server the persistence cookie or a {@code use-server} rule chose, or null. */
    private Server forced;
    /** The keys this request's {@code stick} rules will store with its server; null without rules. */
    private StickStores stickStores;
    /** What the request's persistence cookie said; the response side needs it back. */
    private RequestCookie requestCookie = RequestCookie.NONE;
    private ResponseCookie responseCookie;
    /** The session's access-log record, null when its frontend logs no lines per request. */
    private final LogEvent log;
    private long connectedNanos;
    private long sentToClient;
    private long serverConnectionsAtEnd;
    /** What HAProxy counts as received for {@code %U}: the request's HTX size (see {@link HtxSize}). */
    private long receivedFromClient;
    private boolean chunkedRequest;
    private boolean chunkedResponse;

    HttpExchange(HttpSession session, HttpRequest request) {
        this.session = session;
        this.request = request;
        this.frontend = session.frontend();
        this.log = session.logEvent();
    }

    boolean isRequestComplete() {
        return requestComplete;
    }

    void start() {
        FrontendCounters fc = frontend.frontendCounters();
        fc.requestReceived();
        if (log != null) {
            ExchangeLog.started(log, request, session.accessLog());
            if (!request.decoderResult().isFailure()) {
                receivedFromClient = HtxSize.head(request);
                chunkedRequest = HttpUtil.isTransferEncodingChunked(request);
            }
        }
        if (request.decoderResult().isFailure()) {
            ended(LogEvent.END_PROXY, LogEvent.AT_REQUEST);
            // HAProxy counts an invalid request in req_tot as well as in ereq
            fc.requestErrors.increment();
            requestComplete = true;
            ErrorCapture.request(session.client(), frontend, null);
            answerError(400, null);
            return;
        }
        mode = ConnectionHeaders.mode(frontend.config(), frontend.config());
        StickCounters connection = session.existingStickCounters();
        if (connection != null && !connection.isEmpty()) {
            // entries the connection tracks count each of its requests
            connection.forEach(io.tollgate.engine.stick.Entry::incHttpReq);
        }
        TrafficRules fr = frontend.rules();
        if (fr != TrafficRules.NONE) {
            if (fr.monitorUri() != null && isMonitorRequest(fr.monitorUri())) {
                boolean failing = fr.monitorFail() != null && fr.monitorFail().matches(view());
                fc.intercepted.increment();
                ended(LogEvent.END_LOCAL, LogEvent.AT_REQUEST);
                Reply page = frontend.errorPages().reply(failing ? 503 : 200);
                respondLocally(page.isEmpty() ? null : page.response(), page.status(), page.closesConnection());
                return;
            }
            if (!fr.tcpRequest().isEmpty() && !TcpRule.accepts(fr.tcpRequest(), "content", view(),
                    (counter, table, key) -> counters().track(counter, table, key, true, false))) {
                fc.deniedRequests.increment();
                ended(LogEvent.END_PROXY, LogEvent.AT_REQUEST);
                requestComplete = true;
                finish(false);
                session.exchangeEnded(false);
                return;
            }
            if (rules().onRequest(frontend)) {
                deliverReply();
                return;
            }
        }
        if (StatsApplet.wants(frontend, request) && serveStats(frontend)) {
            return;
        }
        if (!frontend.switchingRules().isEmpty()) {
            backend = frontend.selectBackend(view());
        } else {
            backend = frontend.defaultBackend();
        }
        if (backend == null) {
            ended(LogEvent.END_INTERNAL, LogEvent.AT_REQUEST);
            answerError(503, null);
            return;
        }
        backend.backendCounters().sessionStarted();
        session.live().backend(backend);
        mode = ConnectionHeaders.mode(frontend.config(), backend.config());
        if (view != null) {
            view.current(backend);
        }
        if (counters != null) {
            counters.current(backend);
        }
        if (rules != null) {
            rules.backend(backend);
        }
        if (backend != frontend && backend.rules() != TrafficRules.NONE && rules().onRequest(backend)) {
            deliverReply();
            return;
        }
        if (backend != frontend && StatsApplet.wants(backend, request) && serveStats(backend)) {
            return;
        }
        CookieRouting routing = backend.cookieRouting();
        if (routing != null) {
            // as in HAProxy, a server named by the cookie is assigned before use-server rules run
            requestCookie = routing.persistence().onRequest(request.headers(), routing::isUsable);
            if (requestCookie.value() != null) {
                forced = routing.serverFor(requestCookie.value());
            }
        }
        if (forced == null) {
            for (TrafficRules.ServerRule r : backend.rules().useServers()) {
                if (r.condition().matches(view())) {
                    forced = r.server();
                    break;
                }
            }
        }
        if (!backend.rules().stickRules().isEmpty()) {
            stickStores = new StickStores();
            Server stuck = stickStores.onRequest(backend.rules().stickRules(), view(), forced != null, backend);
            if (stuck != null) {
                forced = stuck;
            }
        }
        upgrade = ConnectionHeaders.isUpgrade(request);
        hasBody = ConnectionHeaders.hasBody(request);
        keepClientOpen = mode != HttpConnectionMode.CLOSE && HttpUtil.isKeepAlive(request);
        ForwardFor ff = backend.config().forwardFor() != null ? backend.config().forwardFor() : frontend.config().forwardFor();
        Channel client = session.client();
        InetSocketAddress source = ff == null ? null : ClientConnection.source(client);
        if (source != null) {
            ConnectionHeaders.forwardFor(request, ff, source.getAddress().getHostAddress());
        }
        ConnectionHeaders.toServer(request, mode, upgrade);
        if (hasBody || upgrade) {
            // hold the body (or the upgraded bytes) until a server is connected
            session.reading(false);
        }
        connect();
    }

    private HttpRequestView view() {
        if (view == null) {
            view = new HttpRequestView(request, session.client());
            view.current(backend != null ? backend : frontend);
            StickCounters connection = session.existingStickCounters();
            view.counters(counters != null ? counters : connection);
        }
        return view;
    }

    private StickCounters counters() {
        if (counters == null) {
            counters = new StickCounters(session.stickCounters(), backend != null ? backend : frontend);
            view().counters(counters);
        }
        return counters;
    }

    private ExchangeRules rules() {
        if (rules == null) {
            rules = new ExchangeRules(request, view(), new Variables(session.sessionVariables()), frontend, counters());
            rules.backend(backend);
        }
        return rules;
    }

    /**
     * The stats applet of {@code proxy} answers (HAProxy's {@code http_handle_stats}): counted as
     * intercepted by the frontend and, as in HAProxy, not by any backend. False when the request
     * asks for an HTML page no one draws: it then goes on as any other.
     */
    private boolean serveStats(Proxy proxy) {
        // counted before the rows are read, so that the page shows the request that asks for it
        frontend.frontendCounters().intercepted.increment();
        ended(LogEvent.END_LOCAL, LogEvent.AT_REQUEST);
        if (log != null) {
            log.stats = true;
        }
        StatsApplet.Answer answer = session.net().stats().serve(proxy, request, view(), proxy, frontend);
        if (answer == null) {
            frontend.frontendCounters().intercepted.add(-1);
            if (log != null) {
                log.endedBy = LogEvent.END_NORMAL;
                log.endedAt = LogEvent.AT_NONE;
                log.stats = false;
            }
            return false;
        }
        if (answer.delayMillis() > 0) {
            // held back without holding the loop: the answer is written when the delay is over
            session.client().eventLoop().schedule(() -> deliverStats(proxy, answer), answer.delayMillis(),
                    java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        }
        deliverStats(proxy, answer);
        return true;
    }

    private void deliverStats(Proxy proxy, StatsApplet.Answer answer) {
        if (answer.actions() != null) {
            // the action form is in the body: answered once it has arrived (fromClient)
            statsActions = answer.actions();
            if (requestComplete || !ConnectionHeaders.hasBody(request)) {
                finishStatsActions();
            }
            return;
        }
        if (answer.page() != null) {
            // HAProxy closes the connection after refusing the page (401, 403)
            Reply page = answer.page();
            respondLocally(page.isEmpty() ? null : page.response(), page.status(), true);
        } else if (answer.export() != null) {
            respondLocally(answer.export(), answer.export().status().code(), false);
        } else {
            // the page is drawn off the loop; the answer is written back on it
            boolean head = request.method().equals(io.netty.handler.codec.http.HttpMethod.HEAD);
            Channel client = session.client();
            answer.html().whenComplete((html, error) -> client.eventLoop().execute(() -> {
                if (error != null || html == null) {
                    Reply failed = proxy.errorPages().reply(500, frontend.errorPages());
                    respondLocally(failed.response(), failed.status(), failed.closesConnection());
                } else {
                    respondLocally(StatsApplet.htmlResponse(html, answer.refresh(), head), 200, false);
                }
            }));
        }
    }

    private void finishStatsActions() {
        StatsActions actions = statsActions;
        statsActions = null;
        respondLocally(actions.finish(), 303, false);
    }

    /** {@code monitor-uri}: the request's target, or its path, is the monitored URI. */
    private boolean isMonitorRequest(String uri) {
        return request.uri().equals(uri) || uri.equals(view().path());
    }

    /** Delivers what a request rule decided, counted as HAProxy counts it. */
    private void deliverReply() {
        ReplyKind kind = rules.replyKind();
        FullHttpResponse reply = rules.takeReply();
        int status = rules.replyStatus();
        boolean closes = rules.replyCloses();
        FrontendCounters fc = frontend.frontendCounters();
        if (kind == ReplyKind.INTERCEPT) {
            fc.intercepted.increment();
            ended(LogEvent.END_LOCAL, LogEvent.AT_REQUEST);
        } else {
            ended(LogEvent.END_PROXY, kind == ReplyKind.TARPIT ? LogEvent.AT_TARPIT : LogEvent.AT_REQUEST);
            fc.deniedRequests.increment();
            if (backend != null && backend != frontend) {
                backend.backendCounters().deniedRequests.increment();
            }
        }
        switch (kind) {
            case REJECT -> {
                requestComplete = true;
                finish(false);
                session.exchangeEnded(false);
            }
            case TARPIT -> {
                // held for 'timeout tarpit', then answered, the connection kept as HAProxy 2.6
                // keeps it; the client may give up meanwhile
                session.reading(false);
                Proxy timing = backend != null ? backend : frontend;
                long delay = Math.max(0, timing.config().timeouts().effectiveTarpit());
                session.client().eventLoop().schedule(() -> {
                    if (!done) {
                        respondLocally(reply, status, closes);
                    }
                }, delay, TimeUnit.MILLISECONDS);
            }
            default -> respondLocally(reply, status, closes);
        }
    }

    /**
     * Writes a response Tollgate made itself (a rule's reply, the monitor page), counted under
     * {@code status}, and ends the exchange; the connection stays open when the client and the
     * mode allow it, and what is left of the request body is read and dropped by the session.
     * A null {@code reply} (an empty errorfile) writes nothing and closes.
     */
    private void respondLocally(FullHttpResponse reply, int status, boolean close) {
        logStatus(status);
        countTracked(status);
        frontend.frontendCounters().responses.count(status);
        if (backend != null) {
            backend.backendCounters().responses.count(status);
        }
        boolean keep = reply != null && !close && mode != HttpConnectionMode.CLOSE && HttpUtil.isKeepAlive(request);
        if (reply != null) {
            ConnectionHeaders.toClient(reply, request.protocolVersion(), keep);
            Channel client = session.client();
            sent(reply);
            client.write(reply, client.voidPromise());
        }
        responseStarted = true;
        finish(false);
        session.exchangeEnded(keep);
    }

    private void connect() {
        Channel client = session.client();
        if (view == null && (backend.balancer().needsRequest() || session.net().dialsWithRequest(backend))) {
            view();
        }
        connector = new Connector(backend, client, view, session.pool(), session.net().httpDialer, this);
        connector.prefer(forced);
        connector.start();
    }

    // ---- client side ----

    void fromClient(HttpContent c) {
        if (statsActions != null) {
            statsActions.add(c.content());
            boolean last = c instanceof LastHttpContent;
            c.release();
            if (last) {
                requestComplete = true;
                finishStatsActions();
            }
            return;
        }
        if (log != null) {
            receivedFromClient += c.content().readableBytes();
            if (chunkedRequest && c instanceof LastHttpContent) {
                receivedFromClient += HtxSize.END_OF_TRAILERS;
            }
        }
        if (c instanceof LastHttpContent) {
            requestComplete = true;
            if (serverChannel != null) {
                requestSentNanos = System.nanoTime();
            }
        }
        if (serverChannel == null) {
            if (heldBody == null) {
                heldBody = new ArrayDeque<>(4);
            }
            heldBody.add(c);
            return;
        }
        lastWritten |= c instanceof LastHttpContent;
        serverChannel.write(c, serverChannel.voidPromise());
        if (!serverChannel.isWritable()) {
            session.reading(false);
        }
    }

    void clientReadComplete() {
        if (serverChannel != null) {
            serverChannel.flush();
        }
    }

    void clientWritabilityChanged(boolean writable) {
        if (serverChannel != null && responseStarted) {
            serverChannel.config().setAutoRead(writable);
        }
    }

    void clientTimeout() {
        boolean clientExpected = !requestComplete || (responseStarted && !session.client().isWritable());
        if (clientExpected) {
            ended(LogEvent.END_CLIENT_TIMEOUT, phase());
            clientAborted();
            session.closeAfterFlush();
        }
    }

    /** The client reset the connection or timed out mid-exchange. */
    void clientAborted() {
        ended(LogEvent.END_CLIENT, phase());
        if (server != null && !done && !clientAbortCounted) {
            clientAbortCounted = true;
            server.counters().clientAborts.increment();
            backend.backendCounters().clientAborts.increment();
        }
    }

    /** The client connection closed; let go of everything. */
    void clientClosed() {
        if (done) {
            return;
        }
        if (responseStarted) {
            clientAborted();
        } else {
            ended(LogEvent.END_CLIENT, phase());
        }
        if (connector != null) {
            connector.cancel();
        }
        if (serverChannel != null) {
            serverSide.unlease();
            serverChannel.close();
        }
        finish(false);
    }

    // ---- connector callbacks ----

    @Override
    public void connected(Server server, Channel channel, boolean reused) {
        Channel client = session.client();
        if (done || !client.isActive()) {
            server.counters().sessionEnded();
            Dispatcher.release(server);
            channel.close();
            return;
        }
        this.server = server;
        this.serverChannel = channel;
        this.reused = reused;
        connectedNanos = System.nanoTime();
        session.live().server(server, channel);
        ChannelPipeline p = channel.pipeline();
        serverSide = p.get(HttpServerSide.class);
        if (serverSide == null) {
            long serverTimeout = backend.config().timeouts().server();
            if (serverTimeout > 0) {
                // any activity counts: a long upload is not a silent server
                p.addLast(Pipelines.IDLE, NetContext.idle(serverTimeout));
            }
            serverSide = new HttpServerSide(server, session.pool());
            p.addLast(Pipelines.HTTP_SERVER, serverSide);
        }
        serverSide.lease(this);
        server.counters().requestsTotal.increment();
        backend.backendCounters().requestsTotal.increment();
        channel.write(request, channel.voidPromise());
        lastWritten = false;
        HttpContent c;
        while (heldBody != null && (c = heldBody.poll()) != null) {
            lastWritten |= c instanceof LastHttpContent;
            channel.write(c, channel.voidPromise());
        }
        if (requestComplete && !lastWritten) {
            // a request sent again on a fresh connection: its end marker went to the stale one
            channel.write(LastHttpContent.EMPTY_LAST_CONTENT, channel.voidPromise());
            lastWritten = true;
        }
        channel.flush();
        if (requestComplete) {
            requestSentNanos = System.nanoTime();
        }
        if (!channel.config().isAutoRead()) {
            channel.config().setAutoRead(true);
        }
        if (!requestComplete && channel.isWritable()) {
            session.reading(true);
        }
    }

    @Override
    public void failed(int status, String reason) {
        ended(connector.failedByTimeout() ? LogEvent.END_SERVER_TIMEOUT : LogEvent.END_SERVER,
                connector.isQueued() || reason.startsWith("timeout in queue") ? LogEvent.AT_QUEUE : LogEvent.AT_CONNECT);
        answerError(status, server);
    }

    // ---- server side ----

    void fromServer(HttpObject o) {
        Channel client = session.client();
        if (o.decoderResult().isFailure()) {
            // not HTTP, or a head too large: HAProxy answers 502 and counts a response error
            ReferenceCountUtil.release(o);
            if (done) {
                return;
            }
            countServerError();
            ended(LogEvent.END_PROXY, responseStarted ? LogEvent.AT_DATA : LogEvent.AT_HEADERS);
            if (serverChannel != null) {
                ErrorCapture.response(serverChannel, server, frontend, client);
            }
            if (responseStarted) {
                abortBoth();
            } else {
                answerError(502, server);
            }
            return;
        }
        if (o instanceof HttpResponse resp) {
            int code = resp.status().code();
            if (code == 101 && upgrade) {
                switchToTunnel(resp);
                return;
            }
            responseStarted = true;
            if (code < 200) {
                interim = true;
                sentHead(resp);
                client.write(resp, client.voidPromise());
                return;
            }
            responseHeadNanos = System.nanoTime();
            if (log != null && log.responseCaptures != null) {
                ExchangeLog.captureResponse(log, resp.headers(), session.accessLog());
            }
            if (stickStores != null) {
                view().response(resp);
                stickStores.onResponse(backend.rules().stickRules(), view);
                stickStores.store(server);
            }
            if (hasResponseRules() && (rules().onResponse(backend, resp, server)
                    || (frontend != backend && rules.onResponse(frontend, resp, server)))) {
                replaceResponse(code);
                return;
            }
            code = resp.status().code();
            CookieRouting routing = backend.cookieRouting();
            if (routing != null) {
                responseCookie = routing.persistence().onResponse(code, request.method(), resp.headers(),
                        server.config().cookie(), requestCookie);
            }
            countResponse(code);
            boolean head = request.method().equals(HttpMethod.HEAD);
            responseCloseDelimited = ConnectionHeaders.isCloseDelimited(resp, head);
            serverKeepsOpen = mode == HttpConnectionMode.KEEP_ALIVE && !responseCloseDelimited
                    && ConnectionHeaders.serverKeepsOpen(resp);
            if (request.protocolVersion().equals(HttpVersion.HTTP_1_0)
                    && HttpUtil.isTransferEncodingChunked(resp)) {
                // an HTTP/1.0 client cannot read chunks: send the raw body and close to delimit it
                resp.headers().remove(HttpHeaderNames.TRANSFER_ENCODING);
                responseCloseDelimited = true;
            }
            if (responseCloseDelimited || !requestComplete || frontend.frontendState() == FrontendState.STOPPED) {
                keepClientOpen = false; // a stopped frontend (soft stop) lets its clients go after this response
            }
            ConnectionHeaders.toClient(resp, request.protocolVersion(), keepClientOpen);
            sentHead(resp);
            client.write(resp, client.voidPromise());
            return;
        }
        if (o instanceof HttpContent c) {
            if (interim) {
                if (c instanceof LastHttpContent) {
                    interim = false;
                }
                sentBody(c);
                client.write(c, client.voidPromise());
                return;
            }
            sentBody(c);
            client.write(c, client.voidPromise());
            if (!client.isWritable()) {
                serverChannel.config().setAutoRead(false);
            }
            if (c instanceof LastHttpContent) {
                client.flush();
                responseComplete();
            }
            return;
        }
        ReferenceCountUtil.release(o);
    }

    private boolean hasResponseRules() {
        return !backend.rules().httpResponse().isEmpty()
                || (frontend != backend && !frontend.rules().httpResponse().isEmpty());
    }

    /**
     * An {@code http-response} rule denied the server's response (or answered instead): the
     * server connection is dropped with the rest of its response, and the client gets the
     * rule's reply. A denial counts in dresp on the frontend, the backend and the server; the
     * server's hrsp_* count the status it sent, as HAProxy counts it before the rules run.
     */
    private void replaceResponse(int served) {
        ReplyKind kind = rules.replyKind();
        FullHttpResponse reply = rules.takeReply();
        boolean closes = rules.replyCloses();
        if (kind == ReplyKind.INTERCEPT) {
            frontend.frontendCounters().intercepted.increment();
            ended(LogEvent.END_LOCAL, LogEvent.AT_HEADERS);
        } else {
            ended(LogEvent.END_PROXY, LogEvent.AT_HEADERS);
            frontend.frontendCounters().deniedResponses.increment();
            backend.backendCounters().deniedResponses.increment();
            server.counters().deniedResponses.increment();
        }
        serverSide.unlease();
        serverChannel.close();
        serverKeepsOpen = false;
        if (kind == ReplyKind.REJECT) {
            abortBoth();
            return;
        }
        countResponse(rules.replyStatus(), served);
        boolean keep = reply != null && !closes && keepClientOpen && requestComplete;
        if (reply != null) {
            Channel client = session.client();
            ConnectionHeaders.toClient(reply, request.protocolVersion(), keep);
            sent(reply);
            client.write(reply, client.voidPromise());
        }
        finish(true);
        session.exchangeEnded(keep);
    }

    void serverReadComplete() {
        session.client().flush();
    }

    void serverWritabilityChanged(boolean writable) {
        if (!requestComplete) {
            session.reading(writable);
        }
    }

    void serverTimeout() {
        if (done) {
            return;
        }
        countServerError();
        ended(LogEvent.END_SERVER_TIMEOUT, responseStarted ? LogEvent.AT_DATA : LogEvent.AT_HEADERS);
        if (!responseStarted) {
            answerError(504, server);
        } else {
            abortBoth();
        }
    }

    /** The server connection closed (or failed) while this exchange owned it. */
    void serverClosed(boolean error) {
        if (done) {
            return;
        }
        serverSide.unlease();
        if (!responseStarted && reused && !hasBody && (heldBody == null || heldBody.isEmpty())) {
            // a kept-alive connection the server had already closed: try again on a fresh one
            server.counters().sessionEnded();
            Dispatcher.release(server);
            server = null;
            serverChannel = null;
            connect();
            return;
        }
        ended(LogEvent.END_SERVER, responseStarted ? LogEvent.AT_DATA : LogEvent.AT_HEADERS);
        if (!responseStarted) {
            countServerError();
            answerError(502, server);
            return;
        }
        server.counters().serverAborts.increment();
        backend.backendCounters().serverAborts.increment();
        countServerError();
        abortBoth();
    }

    private void responseComplete() {
        if (!requestComplete) {
            // the server answered before the request body ended: the connections cannot be reused
            keepClientOpen = false;
            serverKeepsOpen = false;
        }
        Channel ch = serverChannel;
        serverSide.unlease();
        if (serverKeepsOpen) {
            session.pool().offer(server, ch);
        } else {
            ch.close();
        }
        finish(true);
        session.exchangeEnded(keepClientOpen);
    }

    private void switchToTunnel(HttpResponse resp) {
        Channel client = session.client();
        responseStarted = true;
        countResponse(101);
        sentHead(resp);
        client.writeAndFlush(resp);
        Tunnel tunnel = new Tunnel(client, serverChannel, () -> finish(true));
        ChannelPipeline cp = client.pipeline();
        cp.replace(Pipelines.HTTP_SESSION, Pipelines.RELAY, tunnel.side(true));
        cp.remove(Pipelines.HTTP_CODEC);
        cp.remove(Pipelines.CAPTURE);
        ChannelPipeline sp = serverChannel.pipeline();
        sp.replace(Pipelines.HTTP_SERVER, Pipelines.RELAY, tunnel.side(false));
        sp.remove(Pipelines.HTTP_CODEC);
        sp.remove(Pipelines.CAPTURE);
        session.upgraded();
        tunnel.start();
    }

    /** HAProxy's http_err (4xx) and http_fail (5xx) counters of every tracked entry. */
    private void countTracked(int code) {
        StickCounters c = counters != null ? counters : session.existingStickCounters();
        if (c == null || code < 400) {
            return;
        }
        c.forEach(code < 500 ? io.tollgate.engine.stick.Entry::incHttpErr : io.tollgate.engine.stick.Entry::incHttpFail);
    }

    private void countResponse(int code) {
        countResponse(code, code);
    }

    private void countResponse(int code, int serverCode) {
        logStatus(code);
        countTracked(code);
        frontend.frontendCounters().responses.count(code);
        backend.backendCounters().responses.count(code);
        if (server != null) {
            server.counters().responses.count(serverCode);
            TrafficHealth.responded(server, serverCode);
        }
    }

    private void countServerError() {
        TrafficHealth.invalidResponse(server);
        server.counters().responseErrors.increment();
        backend.backendCounters().responseErrors.increment();
    }

    /**
     * Answers with the stream's error page for {@code status}: the backend's, else the
     * frontend's, else HAProxy's. As HAProxy, the connection stays open for the next request when
     * the page allows (not 400 or 408), the client and the mode want it and the request was read
     * whole; otherwise it is closed. A request that could not be parsed gets the stored 400 page
     * of HAProxy's HTTP/1 layer, which no errorfile replaces.
     */
    private void answerError(int status, Server failedServer) {
        Channel client = session.client();
        boolean unparsed = request.decoderResult().isFailure();
        Reply page = unparsed ? null : (backend != null ? backend : frontend).errorPages().reply(status,
                frontend.errorPages());
        // once a backend is chosen the request is rewritten for the server: keepClientOpen tells
        boolean clientKeepsOpen = backend == null
                ? mode != HttpConnectionMode.CLOSE && HttpUtil.isKeepAlive(request) : keepClientOpen;
        boolean keep = page != null && !responseStarted && !page.isEmpty() && !page.closesConnection()
                && clientKeepsOpen && (requestComplete || !ConnectionHeaders.hasBody(request));
        logStatus(status);
        countTracked(status);
        frontend.frontendCounters().responses.count(status);
        if (backend != null) {
            backend.backendCounters().responses.count(status);
        }
        if (failedServer != null && failedServer == server) {
            server.counters().responses.count(status);
        }
        if (serverChannel != null) {
            serverSide.unlease();
            serverChannel.close();
        }
        if (!responseStarted && unparsed) {
            client.write(DefaultErrorPages.asStored(status), client.voidPromise());
        } else if (!responseStarted && !page.isEmpty()) {
            FullHttpResponse response = page.response();
            ConnectionHeaders.toClient(response, request.protocolVersion(), keep);
            sent(response);
            client.write(response, client.voidPromise());
        }
        responseStarted = true;
        finish(false);
        session.exchangeEnded(keep);
    }

    private void abortBoth() {
        if (serverChannel != null) {
            serverSide.unlease();
            serverChannel.close();
        }
        finish(false);
        session.exchangeEnded(false);
    }

    private void recordTimes(BackendCounters k, long total, long response) {
        k.queueTime.add(connector.queueMillis());
        k.connectTime.add(connector.connectMillis());
        if (response >= 0) {
            k.responseTime.add(response);
        }
        k.totalTime.add(total);
    }

    /** Records the times, frees the server slot and the held body; runs once. */
    private void finish(boolean complete) {
        if (done) {
            return;
        }
        done = true;
        if (counters != null) {
            counters.releaseAll();
        }
        HttpContent c;
        while (heldBody != null && (c = heldBody.poll()) != null) {
            ReferenceCountUtil.release(c);
        }
        if (backend == null) {
            logFinished();
            return;
        }
        BackendCounters bc = backend.backendCounters();
        if (server != null) {
            long now = System.nanoTime();
            long total = TimeUnit.NANOSECONDS.toMillis(now - startNanos);
            long sent = requestSentNanos == 0 ? now : requestSentNanos;
            long response = responseHeadNanos == 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(Math.max(0, responseHeadNanos - sent));
            BackendCounters sc = server.counters();
            recordTimes(sc, total, response);
            recordTimes(bc, total, response);
            sc.sessionEnded();
            // as HAProxy logs it: without this session, before the slot goes to a queued request
            serverConnectionsAtEnd = sc.sessions.current();
            Dispatcher.release(server);
        }
        bc.sessionEnded();
        logFinished();
    }

    // ---- access log ----

    /** The first cause found ends the exchange in the log ({@code %ts}); later ones are consequences. */
    private void ended(char by, char at) {
        if (log != null && log.endedBy == LogEvent.END_NORMAL) {
            log.endedBy = by;
            log.endedAt = at;
        }
    }

    /** What HAProxy counts as sent for {@code %B} (see {@link HtxSize}). */
    private void sentHead(HttpResponse r) {
        if (log != null) {
            sentToClient += HtxSize.head(r);
            chunkedResponse = HttpUtil.isTransferEncodingChunked(r);
        }
    }

    private void sentBody(HttpContent c) {
        if (log != null) {
            sentToClient += c.content().readableBytes();
            if (chunkedResponse && c instanceof LastHttpContent) {
                sentToClient += HtxSize.END_OF_TRAILERS;
            }
        }
    }

    private void sent(FullHttpResponse r) {
        if (log != null) {
            sentToClient += HtxSize.of(r);
        }
    }

    private void logStatus(int status) {
        if (log != null) {
            log.status = status;
        }
    }

    /** Where the exchange was: HAProxy's {@code SF_FINST_*}. */
    private char phase() {
        if (responseStarted) {
            return LogEvent.AT_DATA;
        }
        if (serverChannel != null) {
            return LogEvent.AT_HEADERS;
        }
        if (connector != null) {
            return connector.isQueued() ? LogEvent.AT_QUEUE : LogEvent.AT_CONNECT;
        }
        return LogEvent.AT_REQUEST;
    }

    /** Fills the times and counters of the finished exchange and hands its line to the log. */
    private void logFinished() {
        if (log == null) {
            return;
        }
        LogEvent e = log;
        long now = System.nanoTime();
        long idleSince = session.idleSinceNanos();
        long first = session.requestStartNanos(startNanos);
        e.acceptEpochMillis = session.idleSinceEpochMillis();
        long handshake = session.handshakeNanos();
        e.handshakeMillis = handshake == 0 ? 0 : millis(handshake - idleSince);
        e.idleMillis = millis(first - (handshake == 0 ? idleSince : handshake));
        e.requestMillis = request.decoderResult().isFailure() ? -1 : millis(startNanos - first);
        boolean connected = connectedNanos != 0;
        e.queueMillis = connector != null && (connected || connector.reachedQueue() || connector.lastTried() != null)
                ? connector.queueMillis() : -1;
        e.connectMillis = connected ? connector.connectMillis() : -1;
        e.responseMillis = responseHeadNanos != 0 && connected ? millis(responseHeadNanos - connectedNanos) : -1;
        if (e.stats) {
            // HAProxy's stats applet counts as a server reached at once
            e.queueMillis = 0;
            e.connectMillis = 0;
            e.responseMillis = 0;
        }
        e.activeMillis = millis(now - first);
        e.totalMillis = millis(now - idleSince);
        e.bytesFromClient = request.decoderResult().isFailure() ? session.bytesReadSinceIdle() : receivedFromClient;
        // the error HAProxy's HTTP/1 layer answers an unparsable request with is not counted
        e.bytesToClient = sentToClient;
        e.backend = backend;
        e.server = connected ? server : connector == null ? null : connector.lastTried();
        if (connected && serverChannel != null) {
            e.serverAddress = serverChannel.remoteAddress() instanceof InetSocketAddress a ? a : null;
            e.backendSource = serverChannel.localAddress() instanceof InetSocketAddress a ? a : null;
        }
        if (connector != null) {
            e.retries = connector.retries();
            e.redispatched = connector.redispatched();
            e.serverQueuePosition = connector.serverQueuePosition();
            e.backendQueuePosition = connector.backendQueuePosition();
        }
        e.activeConnections = session.gate().processConnections();
        e.frontendConnections = frontend.frontendCounters().sessions.current();
        e.backendConnections = backend == null ? 0 : backend.backendCounters().sessions.current();
        e.serverConnections = e.server == null ? 0 : e.server == server ? serverConnectionsAtEnd
                : e.server.counters().sessions.current();
        if (backend != null && backend.cookieRouting() != null) {
            e.requestCookie = requestCookie.state().logChar();
            e.responseCookie = responseCookie == null ? 'N' : responseCookie.logChar();
        }
        if (session.accessLog().usesSamples()) {
            e.view = view();
        }
        session.accessLog().finished(e);
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(Math.max(0, nanos));
    }
}
