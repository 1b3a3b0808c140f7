package io.tollgate.engine.rules;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

import java.util.List;

/**
 * Responses that rules build (redirects, {@code return}), with HAProxy 2.6's header names and
 * order: lowercase names, {@code content-length} first (as captured from haproxy 2.6.12).
 */
public final class Replies {
    private Replies() {
    }

    /** {@code HTTP/1.1 <code>} with a {@code location}; 301 and 308 may be cached, the others not. */
    public static FullHttpResponse redirect(int code, String location, List<String> setCookies) {
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(code),
                Unpooled.EMPTY_BUFFER);
        r.headers().add(HttpHeaderNames.CONTENT_LENGTH, "0");
        r.headers().add(HttpHeaderNames.LOCATION, location);
        if (code != 301 && code != 308) {
            r.headers().add(HttpHeaderNames.CACHE_CONTROL, "no-cache");
        }
        for (String c : setCookies) {
            r.headers().add(HttpHeaderNames.SET_COOKIE, c);
        }
        return r;
    }

    /** A response with {@code body} (shared, not copied) and an optional content type. */
    public static FullHttpResponse of(int status, String contentType, ByteBuf body) {
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status),
                body.duplicate());
        r.headers().add(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(body.readableBytes()));
        if (contentType != null) {
            r.headers().add(HttpHeaderNames.CONTENT_TYPE, contentType);
        }
        return r;
    }

    /** An unreleasable, read-only buffer for a body written many times. */
    public static ByteBuf constant(byte[] bytes) {
        return Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(bytes).asReadOnly());
    }
}
