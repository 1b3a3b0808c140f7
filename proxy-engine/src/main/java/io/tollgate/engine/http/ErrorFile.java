package io.tollgate.engine.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An error page read from a file, as {@code errorfile <code> <file>} (proxies and
 * {@code http-errors} sections) and {@code http-request return errorfile <file>} load it: the
 * file holds a complete HTTP/1 response (status line, headers, empty line, body), sent as is
 * whatever status it is used for. HAProxy 2.6's rules ({@code http_load_errorfile} and
 * {@code http_str_to_htx} in {@code src/http_htx.c}), with its messages:
 * <ul>
 * <li>a file that cannot be opened: {@code error opening file '<file>'.};
 * <li>a file larger than {@code tune.bufsize}: a warning, then only its first bufsize bytes are
 *     read, which then fail one of the checks below;
 * <li>an empty file: an empty reply (HAProxy writes nothing and closes the connection);
 * <li>a head HAProxy's parser refuses ({@link ResponseHead}), a version not 8 characters long,
 *     status 100 or 102..199, a chunked body, a body where none is allowed (204, 304,
 *     content-length 0), a body whose size differs from content-length, or a message too big for
 *     one HTX buffer ({@link HtxFootprint}): {@code '<file>': <reason>}.
 * </ul>
 * A file with neither content-length nor transfer-encoding is sent close-delimited, followed by
 * a close, as HAProxy does.
 */
public final class ErrorFile {
    private final String name;
    private final Reply reply;

    private ErrorFile(String name, Reply reply) {
        this.name = name;
        this.reply = reply;
    }

    /** Reads {@code name} (as written in the configuration; resolved by the context). */
    public static ErrorFile load(String name, ReplyContext context) throws ReplyException {
        Path path = context.path(name);
        if (path == null || !Files.exists(path) || !Files.isReadable(path)) {
            throw new ReplyException("error opening file '" + name + "'.");
        }
        int bufsize = context.limits().bufsize();
        byte[] raw;
        try (InputStream in = Files.newInputStream(path)) {
            raw = in.readNBytes(bufsize + 1);
        } catch (IOException e) {
            throw new ReplyException("error reading file '" + name + "'.");
        }
        if (raw.length > bufsize) {
            context.warn("custom error message file '" + name + "' larger than " + bufsize + " bytes. Truncating.");
            raw = Arrays.copyOf(raw, bufsize);
        }
        try {
            return new ErrorFile(name, message(raw, context, name));
        } catch (ReplyException e) {
            throw new ReplyException("'" + name + "': " + e.getMessage());
        }
    }

    /** An error page from bytes already in memory; {@code name} only labels it. */
    public static ErrorFile of(String name, byte[] raw, ReplyContext context) throws ReplyException {
        try {
            return new ErrorFile(name, message(raw, context, name));
        } catch (ReplyException e) {
            throw new ReplyException("'" + name + "': " + e.getMessage());
        }
    }

    /**
     * Parses one raw response into a reply recorded under its own status. The exception's
     * message is HAProxy's bare reason; callers add the file name or "invalid error message".
     */
    static Reply message(byte[] raw, ReplyContext context, String nameForWarnings) throws ReplyException {
        if (raw.length == 0) {
            return Reply.nothing(0);
        }
        ReplyLimits limits = context.limits();
        ResponseHead head = ResponseHead.parse(raw, limits.maxHeaders());
        String v = head.version;
        if (v.length() != 8) {
            throw new ReplyException("invalid http version (" + v + ")");
        }
        boolean http11 = v.charAt(5) > '1' || (v.charAt(5) == '1' && v.charAt(7) >= '1');
        int status = head.status;
        if (status < 200 && (status == 100 || status >= 102)) {
            throw new ReplyException("invalid http status code for an error message (" + status + ")");
        }
        boolean noBodyStatus = status == 204 || status == 304;
        boolean knownLength = noBodyStatus || head.contentLength >= 0 || head.chunked;
        if (knownLength && !noBodyStatus && head.chunked) {
            throw new ReplyException("chunk-encoded payload not supported");
        }
        int bodyLength = raw.length - head.length;
        boolean bodyless = noBodyStatus || head.contentLength == 0;
        if (bodyless && bodyLength > 0) {
            throw new ReplyException("message payload not expected");
        }
        if (!noBodyStatus && head.contentLength > 0 && head.contentLength != bodyLength) {
            throw new ReplyException("payload size does not match the announced content-length (" + bodyLength
                    + " != " + head.contentLength + ")");
        }
        long headSize = HtxFootprint.head(head);
        if (headSize > limits.htxCapacity()) {
            throw new ReplyException("unable to add headers into the HTX message");
        }
        long size = HtxFootprint.message(head, bodyLength);
        if (size > limits.htxCapacity()) {
            throw new ReplyException("unable to add payload into the HTX message");
        }
        if (HtxFootprint.overRewriteReserve(size, limits)) {
            context.warn("config: errorfile '" + nameForWarnings + "' runs over the buffer space reserved to headers"
                    + " rewriting. It may lead to internal errors if  http-after-response rules are evaluated on"
                    + " this message.");
        }
        List<String> headers = new ArrayList<>();
        for (int i = 0; i < head.headers.size(); i += 2) {
            String n = head.headers.get(i);
            // HAProxy's HTTP/1 layer writes its own connection header and none for a 204's length
            if (!n.equals(Reply.CONNECTION) && !(status == 204 && n.equals("content-length"))) {
                headers.add(n);
                headers.add(head.headers.get(i + 1));
            }
        }
        HttpVersion version = http11 ? HttpVersion.HTTP_1_1 : HttpVersion.HTTP_1_0;
        return Reply.of(status, version, HttpResponseStatus.valueOf(status, head.reason), headers,
                Arrays.copyOfRange(raw, head.length, raw.length), head.connectionClose || !knownLength);
    }

    /** The name the configuration used. */
    public String name() {
        return name;
    }

    /** True for an empty file: HAProxy answers nothing and closes. */
    public boolean isEmpty() {
        return reply.isEmpty();
    }

    /** The page, recorded under {@code status} (the code it is configured for). */
    public Reply reply(int status) {
        return reply.withStatus(status);
    }

    @Override
    public String toString() {
        return "ErrorFile[" + name + ", " + reply + "]";
    }
}
