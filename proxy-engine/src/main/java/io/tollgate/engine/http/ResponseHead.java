package io.tollgate.engine.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The head of a raw HTTP/1 response read by the rules of HAProxy 2.6's HTTP/1 parser
 * ({@code h1_headers_to_hdr_list} in {@code src/h1.c}), which is how HAProxy reads an errorfile:
 * blank lines before the status line are skipped; the version is upper-case letters, digits, '/'
 * and '.'; the code is digits; lines may end in CRLF or LF alone; a line starting with a space
 * or tab continues the previous header (its CR/LF become spaces); names are tokens (stored in
 * lower case, as HAProxy writes them); values are trimmed. {@code Content-Length} may repeat only
 * with the same value and is dropped when {@code Transfer-Encoding} is present.
 *
 * <p>A malformed head gives HAProxy's "unable to parse headers (error offset: N)" with N the
 * offset of the offending byte, or -2 when the head never ends. One deliberate difference:
 * HAProxy accepts an empty header name (a line starting with ':'); Tollgate refuses it, as it
 * would write a broken header.
 */
final class ResponseHead {
    /** HAProxy's message offset when the head is cut short. */
    private static final int INCOMPLETE = -2;

    final String version;
    final String code;
    final int status;
    final String reason;
    /** Lower-case name, value, name, value... in file order; no content-length if transfer-encoding. */
    final List<String> headers;
    /** Bytes of the head, empty line included: where the body starts. */
    final int length;
    /** The announced body length, or -1. */
    final long contentLength;
    final boolean transferEncoded;
    final boolean chunked;
    final boolean connectionClose;

    private ResponseHead(Cursor c, String version, String code, String reason) {
        this.version = version;
        this.code = code;
        this.status = statusOf(code);
        this.reason = reason;
        this.headers = List.copyOf(c.headers);
        this.length = c.p;
        this.contentLength = c.contentLength;
        this.transferEncoded = c.transferEncoded;
        this.chunked = c.chunked;
        this.connectionClose = c.connectionClose;
    }

    static ResponseHead parse(byte[] raw, int maxHeaders) throws ReplyException {
        Cursor c = new Cursor(raw, maxHeaders);
        while (!Chars.isToken(c.peek())) {
            if (!Chars.isCrLf(c.peek())) {
                throw c.invalid();
            }
            c.endOfLine();
        }
        int start = c.p;
        while (Chars.isVersion(c.peek())) {
            c.p++;
        }
        if (!Chars.isSpHt(c.peek())) {
            throw c.invalid();
        }
        String version = c.text(start, c.p);
        c.skipSpHt();
        if (Chars.isCrLf(c.peek())) {
            throw c.invalid();
        }
        start = c.p;
        while (Chars.isDigit(c.peek())) {
            c.p++;
        }
        if (!Chars.isLws(c.peek())) {
            throw c.invalid();
        }
        String code = c.text(start, c.p);
        String reason = "";
        c.skipSpHt();
        if (!Chars.isCrLf(c.peek())) {
            start = c.p;
            while (!Chars.isCrLf(c.peek())) {
                c.p++;
            }
            reason = c.text(start, c.p);
        }
        c.endOfLine();
        while (!Chars.isCrLf(c.peek())) {
            c.header();
        }
        c.endOfLine();
        if (c.headers.size() / 2 >= maxHeaders) {
            // HAProxy counts the end of headers as one more entry of its tune.http.maxhdr list
            throw c.invalid();
        }
        if (c.transferEncoded && c.contentLength >= 0) {
            c.removeHeader("content-length");
            c.contentLength = -1;
        }
        return new ResponseHead(c, version, code, reason);
    }

    private static int statusOf(String code) {
        long status = 0;
        for (int i = 0; i < code.length(); i++) {
            status = Math.min(status * 10 + (code.charAt(i) - '0'), Integer.MAX_VALUE);
        }
        return (int) status;
    }

    /** The parser's position and what it has collected so far. */
    private static final class Cursor {
        final byte[] raw;
        final int maxHeaders;
        final List<String> headers = new ArrayList<>();
        int p;
        long contentLength = -1;
        boolean transferEncoded;
        boolean chunked;
        boolean connectionClose;

        Cursor(byte[] raw, int maxHeaders) {
            this.raw = raw;
            this.maxHeaders = maxHeaders;
        }

        /** The byte at the cursor; running out of bytes means the head never ended. */
        byte peek() throws ReplyException {
            if (p >= raw.length) {
                throw error(INCOMPLETE);
            }
            return raw[p];
        }

        void skipSpHt() throws ReplyException {
            while (Chars.isSpHt(peek())) {
                p++;
            }
        }

        /** Consumes CRLF or a lone LF; a CR must be followed by LF. */
        void endOfLine() throws ReplyException {
            if (peek() == '\r') {
                p++;
            }
            if (peek() != '\n') {
                throw invalid();
            }
            p++;
        }

        void header() throws ReplyException {
            int nameStart = p;
            while (Chars.isToken(peek())) {
                p++;
            }
            if (peek() != ':' || p == nameStart) {
                throw invalid();
            }
            String name = text(nameStart, p).toLowerCase(Locale.ROOT);
            p++;
            skipSpHt();
            int valueStart = p;
            ByteArrayOutputStream value = new ByteArrayOutputStream();
            while (true) {
                int from = p;
                while (!Chars.isCrLf(peek())) {
                    p++;
                }
                value.write(raw, from, p - from);
                int eol = p;
                endOfLine();
                if (!Chars.isSpHt(peek())) {
                    break;
                }
                // obsolete line folding: HAProxy turns the CR/LF into spaces and goes on
                for (int i = eol; i < p; i++) {
                    value.write(' ');
                }
            }
            String trimmed = trim(value.toString(StandardCharsets.ISO_8859_1));
            if (headers.size() / 2 >= maxHeaders) {
                throw invalid();
            }
            add(name, trimmed, valueStart);
        }

        private void add(String name, String value, int valueStart) throws ReplyException {
            switch (name) {
                case "content-length" -> {
                    boolean first = contentLength < 0;
                    long length = contentLength(value, valueStart);
                    if (!first) {
                        return; // a repeated identical length: HAProxy keeps the first header only
                    }
                    contentLength = length;
                    value = Long.toString(length);
                }
                case "transfer-encoding" -> {
                    transferEncoded = true;
                    for (String coding : value.split(",")) {
                        chunked |= coding.strip().equalsIgnoreCase("chunked");
                    }
                }
                case "connection" -> {
                    List<String> kept = new ArrayList<>();
                    for (String option : value.split(",")) {
                        String o = option.strip();
                        if (o.equalsIgnoreCase("close")) {
                            connectionClose = true;
                        } else if (!o.equalsIgnoreCase("keep-alive") && !o.isEmpty()) {
                            kept.add(o);
                        }
                    }
                    if (kept.isEmpty()) {
                        return;
                    }
                    value = String.join(", ", kept);
                }
                default -> {
                }
            }
            headers.add(name);
            headers.add(value);
        }

        /** A list of equal digit strings ("2" or "2, 2"), equal to any earlier one too. */
        private long contentLength(String value, int valueStart) throws ReplyException {
            long length = -1;
            for (String word : value.split(",", -1)) {
                String w = word.strip();
                if (w.isEmpty() || !w.chars().allMatch(ch -> ch >= '0' && ch <= '9') || w.length() > 18) {
                    throw error(valueStart);
                }
                long l = Long.parseLong(w);
                if ((length >= 0 && l != length) || (contentLength >= 0 && l != contentLength)) {
                    throw error(valueStart);
                }
                length = l;
            }
            return length;
        }

        void removeHeader(String name) {
            for (int i = headers.size() - 2; i >= 0; i -= 2) {
                if (headers.get(i).equals(name)) {
                    headers.remove(i + 1);
                    headers.remove(i);
                }
            }
        }

        String text(int from, int to) {
            return new String(raw, from, to - from, StandardCharsets.ISO_8859_1);
        }

        ReplyException invalid() {
            return error(p);
        }

        static ReplyException error(int offset) {
            return new ReplyException("unable to parse headers (error offset: " + offset + ")");
        }

        private static String trim(String s) {
            int from = 0;
            int to = s.length();
            while (from < to && Chars.isLws((byte) s.charAt(from))) {
                from++;
            }
            while (to > from && Chars.isLws((byte) s.charAt(to - 1))) {
                to--;
            }
            return s.substring(from, to);
        }
    }

    /** HAProxy's character classes ({@code http_char_classes} in {@code src/http.c}). */
    private static final class Chars {
        private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

        static boolean isToken(byte b) {
            return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || isDigit(b) || TOKEN_SYMBOLS.indexOf(b) >= 0;
        }

        static boolean isVersion(byte b) {
            return (b >= 'A' && b <= 'Z') || isDigit(b) || b == '/' || b == '.';
        }

        static boolean isDigit(byte b) {
            return b >= '0' && b <= '9';
        }

        static boolean isSpHt(byte b) {
            return b == ' ' || b == '\t';
        }

        static boolean isCrLf(byte b) {
            return b == '\r' || b == '\n';
        }

        static boolean isLws(byte b) {
            return isSpHt(b) || isCrLf(b);
        }
    }
}
