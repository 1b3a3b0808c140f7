package io.tollgate.engine.http;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code errorloc <code> <url>}, {@code errorloc302 <code> <url>} and
 * {@code errorloc303 <code> <url>}: instead of the error page for {@code <code>}, HAProxy answers
 * a redirect to {@code <url>}, 302 Found for the first two and 303 See Other for the last. The
 * page is {@code cache-control: no-cache}, {@code content-length: 0}, {@code location: <url>},
 * in that order, and keeps the connection alive (checked against HAProxy 2.6.12). HAProxy builds
 * it as raw text and parses it like an errorfile ({@code http_parse_errorloc}), so this does too,
 * and the same limits apply to very long URLs.
 *
 * @param code     the status whose page this replaces (one of {@link DefaultErrorPages#CODES})
 * @param redirect 302 or 303
 * @param url      the {@code Location}, sent exactly as written
 * @param reply    the redirect, recorded under {@code code}
 */
public record ErrorLocation(int code, int redirect, String url, Reply reply) {

    /**
     * The keyword line, {@code words.get(0)} being the keyword; words after the URL are ignored,
     * as HAProxy ignores them.
     */
    public static ErrorLocation parse(List<String> words, ReplyContext context) throws ReplyException {
        String keyword = words.get(0);
        if (words.size() < 3 || words.get(1).isEmpty() || words.get(2).isEmpty()) {
            throw new ReplyException(keyword + " : expects <status_code> and <url> as arguments.");
        }
        int code = StatusWord.parse(words.get(1));
        if (!DefaultErrorPages.isHandled(code)) {
            throw new ReplyException(keyword + " : status code '" + code + "' not handled.");
        }
        int redirect = keyword.equals("errorloc303") ? 303 : 302;
        String url = words.get(2);
        String raw = (redirect == 302 ? "HTTP/1.1 302 Found\r\n" : "HTTP/1.1 303 See Other\r\n")
                + "Cache-Control: no-cache\r\n"
                + "Content-length: 0\r\n"
                + "Location: " + url + "\r\n\r\n";
        try {
            Reply reply = ErrorFile.message(raw.getBytes(StandardCharsets.ISO_8859_1), context, keyword + " " + url);
            return new ErrorLocation(code, redirect, url, reply.withStatus(code));
        } catch (ReplyException e) {
            throw new ReplyException(keyword + " : invalid error message: " + e.getMessage());
        }
    }
}
