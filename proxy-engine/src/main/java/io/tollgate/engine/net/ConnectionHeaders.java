package io.tollgate.engine.net;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.tollgate.engine.config.ForwardFor;
import io.tollgate.engine.config.HttpConnectionMode;
import io.tollgate.engine.config.ProxyConfig;

/**
 * The header rules of the HTTP relay: which connection mode applies, how {@code Connection} is
 * rewritten on each side, and {@code option forwardfor}. Pure functions over Netty's header
 * objects, so they are tested without sockets.
 */
final class ConnectionHeaders {
    /** The hop-by-hop {@code Keep-Alive} header (Netty deprecates its constant). */
    private static final String KEEP_ALIVE_HEADER = "Keep-Alive";

    private ConnectionHeaders() {
    }

    /** As HAProxy: {@code httpclose} on either proxy wins, then {@code http-server-close}, else keep-alive. */
    static HttpConnectionMode mode(ProxyConfig frontend, ProxyConfig backend) {
        HttpConnectionMode a = frontend.httpConnectionMode();
        HttpConnectionMode b = backend.httpConnectionMode();
        if (a == HttpConnectionMode.CLOSE || b == HttpConnectionMode.CLOSE) {
            return HttpConnectionMode.CLOSE;
        }
        if (a == HttpConnectionMode.SERVER_CLOSE || b == HttpConnectionMode.SERVER_CLOSE) {
            return HttpConnectionMode.SERVER_CLOSE;
        }
        return HttpConnectionMode.KEEP_ALIVE;
    }

    /** True for a request asking to switch protocols (WebSocket and the like). */
    static boolean isUpgrade(HttpRequest req) {
        HttpHeaders h = req.headers();
        return h.contains(HttpHeaderNames.UPGRADE)
                && h.containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE, true);
    }

    static boolean hasBody(HttpRequest req) {
        return HttpUtil.isTransferEncodingChunked(req) || HttpUtil.getContentLength(req, 0L) > 0;
    }

    /** Adds the client's address as {@code option forwardfor} asks (the backend's setting, else the frontend's). */
    static void forwardFor(HttpRequest req, ForwardFor ff, String clientAddress) {
        if (ff == null) {
            return;
        }
        String name = ff.header() == null ? ForwardFor.DEFAULT_HEADER : ff.header();
        if (ff.ifNone() && req.headers().contains(name)) {
            return;
        }
        req.headers().add(name, clientAddress);
    }

    /** Rewrites the request's connection headers for the server side. */
    static void toServer(HttpRequest req, HttpConnectionMode mode, boolean upgrade) {
        HttpHeaders h = req.headers();
        h.remove("Proxy-Connection");
        h.remove(KEEP_ALIVE_HEADER);
        if (upgrade) {
            return;
        }
        if (mode == HttpConnectionMode.KEEP_ALIVE) {
            stripCloseAndKeepAlive(h);
            if (req.protocolVersion().equals(HttpVersion.HTTP_1_0)) {
                h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            }
        } else {
            h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
    }

    /** Rewrites a final response's connection headers for the client side. */
    static void toClient(HttpResponse resp, HttpVersion requestVersion, boolean keepClientOpen) {
        HttpHeaders h = resp.headers();
        h.remove(KEEP_ALIVE_HEADER);
        if (!keepClientOpen) {
            h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else if (requestVersion.equals(HttpVersion.HTTP_1_0)) {
            h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        } else {
            stripCloseAndKeepAlive(h);
        }
    }

    /** Whether the server will keep this connection open after the response. */
    static boolean serverKeepsOpen(HttpMessage resp) {
        return HttpUtil.isKeepAlive(resp);
    }

    /** A response whose body ends when the server closes (no length, not chunked). */
    static boolean isCloseDelimited(HttpResponse resp, boolean headRequest) {
        int code = resp.status().code();
        if (headRequest || code == 204 || code == 304 || code < 200) {
            return false;
        }
        return !HttpUtil.isContentLengthSet(resp) && !HttpUtil.isTransferEncodingChunked(resp);
    }

    private static void stripCloseAndKeepAlive(HttpHeaders h) {
        String v = h.get(HttpHeaderNames.CONNECTION);
        if (v == null) {
            return;
        }
        if (v.equalsIgnoreCase("keep-alive") || v.equalsIgnoreCase("close")) {
            // the common case (nginx always sends one of them): no token splitting
            h.remove(HttpHeaderNames.CONNECTION);
            return;
        }
        StringBuilder kept = new StringBuilder();
        for (String token : v.split(",")) {
            String t = token.trim();
            if (t.isEmpty() || t.equalsIgnoreCase("close") || t.equalsIgnoreCase("keep-alive")) {
                continue;
            }
            if (kept.length() > 0) {
                kept.append(", ");
            }
            kept.append(t);
        }
        if (kept.length() == 0) {
            h.remove(HttpHeaderNames.CONNECTION);
        } else {
            h.set(HttpHeaderNames.CONNECTION, kept.toString());
        }
    }
}
