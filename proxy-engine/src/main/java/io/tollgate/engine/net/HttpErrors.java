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
    private static final Map<Integer, String[]> PAGES = Map.of(
            400, new String[] {"Bad request", "Your browser sent an invalid request."},
            408, new String[] {"Request Time-out", "Your browser didn't send a complete request in time."},
            500, new String[] {"Internal Server Error", "An internal server error occurred."},
            502, new String[] {"Bad Gateway", "The server returned an invalid or incomplete response."},
            503, new String[] {"Service Unavailable", "No server is available to handle this request."},
            504, new String[] {"Gateway Time-out", "The server didn't respond in time."});

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
        ByteBuf body = BODIES.get(status).duplicate();
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                new HttpResponseStatus(status, PAGES.get(status)[0]), body);
        r.headers().set(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
        r.headers().set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE);
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/html");
        r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        return r;
    }
}
