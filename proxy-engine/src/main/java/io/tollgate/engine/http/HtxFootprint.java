package io.tollgate.engine.http;

/**
 * How many bytes a parsed message takes in one HAProxy 2.6 HTX buffer, which is what decides
 * whether HAProxy accepts an errorfile: the raw file may be up to {@code tune.bufsize} bytes, but
 * its HTX form must fit in the buffer minus the 48-byte HTX header. Each block costs 8 bytes of
 * index plus its payload; the start line's payload is a 20-byte {@code struct htx_sl} plus the
 * version, code and reason; a header's is its name and trimmed value; the end of headers is one
 * byte; the body is one data block. Checked against {@code haproxy -c} at the limit: with
 * {@code HTTP/1.1 503 X} and only a content-length, 16252 body bytes load and 16253 do not.
 */
final class HtxFootprint {
    private static final int BLOCK = 8;
    private static final int START_LINE = 20;

    private HtxFootprint() {
    }

    /** Start line, headers and end-of-headers. */
    static long head(ResponseHead head) {
        long size = BLOCK + START_LINE + head.version.length() + head.code.length() + head.reason.length();
        for (int i = 0; i < head.headers.size(); i += 2) {
            size += BLOCK + head.headers.get(i).length() + head.headers.get(i + 1).length();
        }
        return size + BLOCK + 1;
    }

    /** The whole message. */
    static long message(ResponseHead head, int bodyLength) {
        return head(head) + (bodyLength > 0 ? BLOCK + bodyLength : 0);
    }

    /**
     * True when fewer than {@code tune.maxrewrite} bytes stay free for a new block once the
     * message is in: HAProxy then warns that header rewriting may fail on this page.
     */
    static boolean overRewriteReserve(long used, ReplyLimits limits) {
        long free = limits.htxCapacity() - used;
        long freeForData = free < BLOCK ? 0 : free - BLOCK;
        return freeForData < limits.maxrewrite();
    }
}
