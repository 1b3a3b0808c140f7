package io.tollgate.engine.http;

/**
 * The HAProxy tunables that bound the replies HAProxy builds itself: {@code tune.bufsize} (one
 * buffer holds a whole error page), {@code tune.maxrewrite} (room HAProxy wants left free in that
 * buffer) and {@code tune.http.maxhdr} (headers per message). Tollgate has no such buffer, but a
 * page HAProxy would refuse is refused here too, so a configuration means the same in both.
 */
public record ReplyLimits(int bufsize, int maxrewrite, int maxHeaders) {
    /** HAProxy 2.6's defaults. */
    public static final ReplyLimits DEFAULT = new ReplyLimits(16384, 1024, 101);

    /** {@code sizeof(struct htx)} on 64-bit HAProxy 2.6: the header every HTX buffer starts with. */
    private static final int HTX_HEADER = 48;

    public ReplyLimits {
        if (bufsize <= HTX_HEADER || maxrewrite < 0 || maxHeaders < 1) {
            throw new IllegalArgumentException("bufsize=" + bufsize + ", maxrewrite=" + maxrewrite
                    + ", maxHeaders=" + maxHeaders);
        }
    }

    /** Bytes an HTX message may occupy (blocks and their payloads) in one buffer. */
    int htxCapacity() {
        return bufsize - HTX_HEADER;
    }
}
