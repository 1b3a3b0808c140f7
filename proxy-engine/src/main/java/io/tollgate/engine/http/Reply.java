package io.tollgate.engine.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * One response Tollgate writes itself, prepared once at configuration time and written any
 * number of times: each {@link #response()} is a fresh Netty object (the pipeline may change its
 * headers) whose content is a duplicate of one shared, read-only, unreleasable direct buffer, so
 * no request copies the body and no release can free it.
 *
 * <p>Header names are lower case, in HAProxy's order, because HAProxy 2.6 writes them that way
 * on HTTP/1.1. A {@code connection: close} header, when the page has one, comes last: HAProxy's
 * HTTP/1 layer removes the message's own {@code Connection} header and writes its own after the
 * others. Whoever writes the response still owns connection management for the client's protocol
 * (HAProxy adds {@code connection: close} or {@code keep-alive} for HTTP/1.0 clients).
 *
 * <p>{@link #status()} is the status HAProxy records for the transaction (logs, counters); it can
 * differ from the status line on the wire, e.g. {@code errorfile 503} naming a file that says
 * {@code HTTP/1.1 200 OK} logs 503 and sends 200.
 */
public final class Reply {
    /** Headers are checked when the reply is built, not again for every copy. */
    private static final HttpHeadersFactory HEADERS = DefaultHttpHeadersFactory.headersFactory().withValidation(false);
    private static final HttpHeadersFactory TRAILERS = DefaultHttpHeadersFactory.trailersFactory().withValidation(false);
    static final String CONNECTION = "connection";

    private final int status;
    private final HttpVersion version;
    private final HttpResponseStatus wireStatus;
    private final List<String> headers;
    private final ByteBuf body;
    private final boolean empty;
    private final boolean closesConnection;

    private Reply(int status, HttpVersion version, HttpResponseStatus wireStatus, List<String> headers, ByteBuf body,
                  boolean empty, boolean closesConnection) {
        this.status = status;
        this.version = version;
        this.wireStatus = wireStatus;
        this.headers = headers;
        this.body = body;
        this.empty = empty;
        this.closesConnection = closesConnection;
    }

    /**
     * A reply whose head and body are known. {@code headers} alternates lower-case names and
     * values and must not contain {@code connection}: {@code closesConnection} adds it, last.
     */
    static Reply of(int status, HttpVersion version, HttpResponseStatus wireStatus, List<String> headers, byte[] body,
                    boolean closesConnection) {
        List<String> all = new ArrayList<>(headers);
        if (closesConnection) {
            all.add(CONNECTION);
            all.add("close");
        }
        return new Reply(status, version, wireStatus, List.copyOf(all), sharedBody(body), false, closesConnection);
    }

    /** What an empty errorfile gives: HAProxy writes nothing and closes the connection. */
    static Reply nothing(int status) {
        return new Reply(status, HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status), List.of(),
                Unpooled.EMPTY_BUFFER, true, true);
    }

    private static ByteBuf sharedBody(byte[] bytes) {
        if (bytes.length == 0) {
            return Unpooled.EMPTY_BUFFER;
        }
        // A JDK direct buffer, wrapped: its memory goes back when a reloaded configuration drops
        // this reply, which an unreleasable Netty-allocated direct buffer would never do.
        ByteBuffer nio = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
        return Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(nio.asReadOnlyBuffer()));
    }

    /** The status HAProxy logs and counts for this reply. */
    public int status() {
        return status;
    }

    /** The status line written on the wire. */
    public HttpResponseStatus wireStatus() {
        return wireStatus;
    }

    /** True when HAProxy sends nothing at all (an empty errorfile) and just closes. */
    public boolean isEmpty() {
        return empty;
    }

    /** True when the connection must be closed after this reply (400, 408, close-delimited pages). */
    public boolean closesConnection() {
        return closesConnection;
    }

    public int bodyLength() {
        return body.readableBytes();
    }

    /** A fresh response sharing this reply's body; writing and releasing it frees nothing. */
    public FullHttpResponse response() {
        return build(body.duplicate());
    }

    /** The same head without the body, as HAProxy answers a HEAD request. */
    public FullHttpResponse headResponse() {
        return build(Unpooled.EMPTY_BUFFER);
    }

    private FullHttpResponse build(ByteBuf content) {
        if (empty) {
            throw new IllegalStateException("an empty errorfile has no response: close the connection instead");
        }
        FullHttpResponse response = new DefaultFullHttpResponse(version, wireStatus, content, HEADERS, TRAILERS);
        HttpHeaders h = response.headers();
        for (int i = 0; i < headers.size(); i += 2) {
            h.add(headers.get(i), headers.get(i + 1));
        }
        return response;
    }

    /** This reply recorded under another status, as when a page is used for a rule's status. */
    public Reply withStatus(int newStatus) {
        return newStatus == status ? this
                : new Reply(newStatus, version, wireStatus, headers, body, empty, closesConnection);
    }

    /**
     * This reply with {@code name} (lower case) set to {@code value}: earlier occurrences go and
     * the new one is added after the others, before {@code connection}, where HAProxy's
     * {@code http-request auth} puts {@code www-authenticate}.
     */
    public Reply withHeader(String name, String value) {
        if (empty) {
            return this;
        }
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < headers.size(); i += 2) {
            String n = headers.get(i);
            if (!n.equalsIgnoreCase(name) && !n.equals(CONNECTION)) {
                kept.add(n);
                kept.add(headers.get(i + 1));
            }
        }
        kept.add(name);
        kept.add(value);
        if (closesConnection) {
            kept.add(CONNECTION);
            kept.add("close");
        }
        return new Reply(status, version, wireStatus, List.copyOf(kept), body, false, closesConnection);
    }

    @Override
    public String toString() {
        return "Reply[" + status + " -> " + (empty ? "nothing" : version + " " + wireStatus + ", " + bodyLength()
                + " body bytes" + (closesConnection ? ", close" : "")) + "]";
    }
}
