package io.tollgate.engine.net;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.util.AsciiString;

import java.util.Iterator;
import java.util.Map;

/**
 * The size HAProxy 2.6 counts for a response in {@code %B}: not the bytes on the wire but its
 * HTX form, a start-line block (a 20-byte header, the version, the 3-digit status and the
 * reason), each header as name plus value, one byte for the end of the headers, and the body's
 * data without chunk framing (plus one byte for the end of the trailers of a chunked one). The
 * {@code Connection} header HAProxy's HTTP/1 layer consumes (close, keep-alive) is not in it.
 */
final class ResponseSize {
    /** {@code sizeof(struct htx_sl)}: flags, info and the three lengths. */
    private static final int START_LINE_BLOCK = 20;
    /** The end-of-headers block carries one byte. */
    private static final int END_OF_HEADERS = 1;
    /** A chunked body ends with an end-of-trailers block of one byte. */
    static final int END_OF_TRAILERS = 1;

    private ResponseSize() {
    }

    static long head(HttpResponse r) {
        long n = START_LINE_BLOCK + END_OF_HEADERS + r.protocolVersion().text().length() + 3 + r.status().reasonPhrase().length();
        Iterator<Map.Entry<CharSequence, CharSequence>> it = r.headers().iteratorCharSequence();
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
