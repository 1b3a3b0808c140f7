package io.tollgate.engine.net;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.util.AsciiString;

import java.util.Iterator;
import java.util.Map;

/**
 * The size HAProxy 2.6 counts for a message in {@code %B} (response) and {@code %U} (request):
 * not the bytes on the wire but its HTX form, a start-line block (a 20-byte header, then the
 * version, the 3-digit status and the reason, or the method, the URI and the version), each header as name plus value, one byte for the end of the headers, and the body's
 * data without chunk framing (plus one byte for the end of the trailers of a chunked one). The
 * {@code Connection} header HAProxy's HTTP/1 layer consumes (close, keep-alive) is not in it.
 */
final class HtxSize {
    /** {@code sizeof(struct htx_sl)}: flags, info and the three lengths. */
    private static final int START_LINE_BLOCK = 20;
    /** The end-of-headers block carries one byte. */
    private static final int END_OF_HEADERS = 1;
    /** A chunked body ends with an end-of-trailers block of one byte. */
    static final int END_OF_TRAILERS = 1;

    private HtxSize() {
    }

    static long head(HttpResponse r) {
        return START_LINE_BLOCK + r.protocolVersion().text().length() + 3 + r.status().reasonPhrase().length()
                + headers(r.headers());
    }

    static long head(HttpRequest r) {
        return START_LINE_BLOCK + r.method().name().length() + r.uri().length() + r.protocolVersion().text().length()
                + headers(r.headers());
    }

    private static long headers(HttpHeaders headers) {
        long n = END_OF_HEADERS;
        Iterator<Map.Entry<CharSequence, CharSequence>> it = headers.iteratorCharSequence();
        while (it.hasNext()) {
            Map.Entry<CharSequence, CharSequence> h = it.next();
            if (AsciiString.contentEqualsIgnoreCase(h.getKey(), HttpHeaderNames.CONNECTION) && isConsumed(h.getValue())) {
                continue;
            }
            n += h.getKey().length() + h.getValue().length();
        }
        return n;
    }

    static long of(FullHttpResponse r) {
        return head(r) + r.content().readableBytes();
    }

    private static boolean isConsumed(CharSequence value) {
        return AsciiString.contentEqualsIgnoreCase(value, "close") || AsciiString.contentEqualsIgnoreCase(value, "keep-alive");
    }
}
