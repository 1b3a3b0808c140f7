package io.tollgate.engine.check;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The head of a health-check response: status, reason, headers, and where the body starts.
 * {@code status} is -1 when the head is not HTTP.
 */
record HttpCheckResponse(int status, String reason, List<Map.Entry<String, String>> headers, int bodyStart,
                         long contentLength) {
    private static final ByteBuf CRLF_CRLF = bytes("\r\n\r\n");
    private static final ByteBuf LF_LF = bytes("\n\n");

    private static ByteBuf bytes(String s) {
        return io.netty.buffer.Unpooled.unreleasableBuffer(
                io.netty.buffer.Unpooled.wrappedBuffer(s.getBytes(StandardCharsets.ISO_8859_1)));
    }

    /** Parses the head once it is complete in {@code in} (not consumed); null while incomplete. */
    static HttpCheckResponse parse(ByteBuf in) {
        int start = in.readerIndex();
        int end = ByteBufUtil.indexOf(CRLF_CRLF, in);
        int headEnd;
        int bodyStart;
        if (end >= 0) {
            headEnd = end;
            bodyStart = end + 4;
        } else {
            int lf = ByteBufUtil.indexOf(LF_LF, in);
            if (lf < 0) {
                return null;
            }
            headEnd = lf;
            bodyStart = lf + 2;
        }
        String head = in.toString(start, headEnd - start, StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\r?\n");
        String first = lines[0];
        if (!first.startsWith("HTTP/") || first.length() < 12 || first.charAt(8) != ' ') {
            return invalid();
        }
        int status;
        try {
            status = Integer.parseInt(first.substring(9, 12));
        } catch (NumberFormatException e) {
            return invalid();
        }
        if (first.length() > 12 && first.charAt(12) != ' ') {
            return invalid();
        }
        String reason = first.length() > 13 ? first.substring(13).trim() : "";
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        long length = -1;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                return invalid();
            }
            String name = lines[i].substring(0, colon).trim();
            String value = lines[i].substring(colon + 1).trim();
            headers.add(Map.entry(name, value));
            if (name.equalsIgnoreCase("content-length")) {
                try {
                    length = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    return invalid();
                }
            }
        }
        return new HttpCheckResponse(status, reason, List.copyOf(headers), bodyStart - start, length);
    }

    private static HttpCheckResponse invalid() {
        return new HttpCheckResponse(-1, "", List.of(), 0, -1);
    }

    /** Whether the whole body (by {@code Content-Length}) is in {@code in}; unknown lengths wait for the close. */
    boolean bodyComplete(ByteBuf in) {
        return contentLength >= 0 && in.readableBytes() - bodyStart >= contentLength;
    }

    String body(ByteBuf in) {
        int available = Math.max(0, in.readableBytes() - bodyStart);
        int len = contentLength >= 0 ? (int) Math.min(available, contentLength) : available;
        return in.toString(in.readerIndex() + bodyStart, len, StandardCharsets.ISO_8859_1);
    }

    /** The first value of a header, or null. */
    String header(String name) {
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return h.getValue();
            }
        }
        return null;
    }
}
