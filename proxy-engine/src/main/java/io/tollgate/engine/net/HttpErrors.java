package io.tollgate.engine.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The responses Tollgate writes itself when it cannot forward a request, with HAProxy's status
 * lines and bodies so that clients and monitoring see the same pages.
 */
final class HttpErrors {
    private static final Map<Integer, String[]> PAGES = Map.ofEntries(
            Map.entry(200, new String[] {"OK", "Service ready."}),
            Map.entry(400, new String[] {"Bad request", "Your browser sent an invalid request."}),
            Map.entry(401, new String[] {"Unauthorized", "You need a valid user and password to access this content."}),
            Map.entry(403, new String[] {"Forbidden", "Request forbidden by administrative rules."}),
            Map.entry(404, new String[] {"Not Found", "The resource could not be found."}),
            Map.entry(405, new String[] {"Method Not Allowed",
                "A request was made of a resource using a request method not supported by that resource"}),
            Map.entry(407, new String[] {"Unauthorized", "You need a valid user and password to access this content."}),
            Map.entry(408, new String[] {"Request Time-out", "Your browser didn't send a complete request in time."}),
            Map.entry(410, new String[] {"Gone",
                "The resource is no longer available and will not be available again."}),
            Map.entry(413, new String[] {"Payload Too Large", "The request entity exceeds the maximum allowed."}),
            Map.entry(425, new String[] {"Too Early", "Your browser sent early data."}),
            Map.entry(429, new String[] {"Too Many Requests",
                "You have sent too many requests in a given amount of time."}),
            Map.entry(500, new String[] {"Internal Server Error", "An internal server error occurred."}),
            Map.entry(501, new String[] {"Not Implemented",
                "The server does not support the functionality required to fulfill the request."}),
            Map.entry(502, new String[] {"Bad Gateway", "The server returned an invalid or incomplete response."}),
            Map.entry(503, new String[] {"Service Unavailable", "No server is available to handle this request."}),
            Map.entry(504, new String[] {"Gateway Time-out", "The server didn't respond in time."}));

    private static final Map<Integer, ByteBuf> BODIES = buildBodies();

    private HttpErrors() {
    }

    private static Map<Integer, ByteBuf> buildBodies() {
        java.util.HashMap<Integer, ByteBuf> bodies = new java.util.HashMap<>();
        PAGES.forEach((code, page) -> {
            String html = "<html><body><h1>" + code + " " + page[0] + "</h1>\n" + page[1] + "\n</body></html>\n";
            bodies.put(code, Unpooled.unreleasableBuffer(
                    Unpooled.directBuffer().writeBytes(html.getBytes(StandardCharsets.US_ASCII)).asReadOnly()));
        });
        return Map.copyOf(bodies);
    }

    /** A complete response for {@code status} that closes the connection, as HAProxy's error pages do. */
    static FullHttpResponse response(int status) {
        FullHttpResponse r = page(status);
        r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        return r;
    }

    /** The page for {@code status} without connection handling (rules' replies keep the connection). */
    static FullHttpResponse page(int status) {
        ByteBuf body = BODIES.get(status).duplicate();
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                new HttpResponseStatus(status, PAGES.get(status)[0]), body);
        r.headers().set(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
        r.headers().set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE);
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/html");
        return r;
    }

    /** True when Tollgate has a built-in page for {@code status}. */
    static boolean has(int status) {
        return PAGES.containsKey(status);
    }
}
