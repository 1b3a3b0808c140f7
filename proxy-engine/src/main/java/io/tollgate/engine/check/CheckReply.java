package io.tollgate.engine.check;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;

/**
 * Turns reply bytes into the texts HAProxy's protocol checks report: {@code last_chk} is a C
 * string of at most 127 bytes ({@code HCHK_DESC_LEN}), so a reply ends at its first NUL byte,
 * and the rules that take one line of it also stop at the first CR or LF.
 */
final class CheckReply {
    /** HAProxy keeps 127 bytes of check info and a terminating NUL. */
    static final int INFO_LIMIT = 127;

    private CheckReply() {
    }

    /**
     * The reply from {@code offset} on (relative to the reader index), as HAProxy's
     * {@code res.payload(offset,0)}, with leading spaces dropped when {@code trimSpaces}
     * ({@code ltrim(' ')}) and cut at the end of the first line when {@code firstLine}
     * ({@code cut_crlf}); "" when the reply is not that long.
     */
    static String text(ByteBuf in, int offset, boolean trimSpaces, boolean firstLine) {
        int from = in.readerIndex() + offset;
        int end = in.writerIndex();
        if (from >= end) {
            return "";
        }
        if (trimSpaces) {
            while (from < end && in.getByte(from) == ' ') {
                from++;
            }
        }
        int to = from;
        while (to < end && to - from < INFO_LIMIT) {
            byte b = in.getByte(to);
            if (b == 0 || firstLine && (b == '\r' || b == '\n')) {
                break;
            }
            to++;
        }
        return in.toString(from, to - from, StandardCharsets.UTF_8);
    }

    /**
     * The status code of a line-based reply ({@code res.payload(0,3)} read as an integer): the
     * leading digits of its first three bytes, 0 when there are none.
     */
    static int code(ByteBuf in) {
        int code = 0;
        int start = in.readerIndex();
        int end = Math.min(in.writerIndex(), start + 3);
        for (int i = start; i < end; i++) {
            byte b = in.getByte(i);
            if (b < '0' || b > '9') {
                break;
            }
            code = code * 10 + (b - '0');
        }
        return code;
    }
}
