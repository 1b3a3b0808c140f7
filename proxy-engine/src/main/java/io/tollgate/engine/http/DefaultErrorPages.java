package io.tollgate.engine.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * HAProxy 2.6's built-in error pages ({@code http_err_msgs} in {@code src/http.c}) and the list
 * of status codes they cover, which is also the list {@code errorfile}, {@code errorloc},
 * {@code errorfiles} and {@code default-errorfiles} accept. Each page is an HTML body saying
 * {@code <code> <reason>} and one sentence, with {@code content-length}, {@code cache-control:
 * no-cache} and {@code content-type: text/html}; only 400 and 408 close the connection.
 *
 * <p>The reason phrases are the pages' own, not {@link ReasonPhrases}': "Bad request" (lower-case
 * r), "Unauthorized" for 407, "Payload Too Large", "Bad Gateway". The 501 sentence starts with a
 * stray '.', as HAProxy's does. Every page here was compared byte for byte with what
 * HAProxy 2.6.12 sends (see {@code DefaultErrorPagesTest}).
 *
 * <p>A status outside the list gets the 500 page, as HAProxy's {@code http_get_status_idx} does.
 */
public final class DefaultErrorPages {
    private record Page(String reason, String sentence, boolean closes) {
    }

    private static final Map<Integer, Page> PAGES = new TreeMap<>(Map.ofEntries(
            Map.entry(200, new Page("OK", "Service ready.", false)),
            Map.entry(400, new Page("Bad request", "Your browser sent an invalid request.", true)),
            Map.entry(401, new Page("Unauthorized", "You need a valid user and password to access this content.", false)),
            Map.entry(403, new Page("Forbidden", "Request forbidden by administrative rules.", false)),
            Map.entry(404, new Page("Not Found", "The resource could not be found.", false)),
            Map.entry(405, new Page("Method Not Allowed",
                    "A request was made of a resource using a request method not supported by that resource", false)),
            Map.entry(407, new Page("Unauthorized", "You need a valid user and password to access this content.", false)),
            Map.entry(408, new Page("Request Time-out", "Your browser didn't send a complete request in time.", true)),
            Map.entry(410, new Page("Gone", "The resource is no longer available and will not be available again.", false)),
            Map.entry(413, new Page("Payload Too Large", "The request entity exceeds the maximum allowed.", false)),
            Map.entry(421, new Page("Misdirected Request", "Request sent to a non-authoritative server.", false)),
            Map.entry(422, new Page("Unprocessable Content", "The server cannot process the contained instructions.", false)),
            Map.entry(425, new Page("Too Early", "Your browser sent early data.", false)),
            Map.entry(429, new Page("Too Many Requests",
                    "You have sent too many requests in a given amount of time.", false)),
            Map.entry(500, new Page("Internal Server Error", "An internal server error occurred.", false)),
            Map.entry(501, new Page("Not Implemented",
                    ".The server does not support the functionality required to fulfill the request.", false)),
            Map.entry(502, new Page("Bad Gateway", "The server returned an invalid or incomplete response.", false)),
            Map.entry(503, new Page("Service Unavailable", "No server is available to handle this request.", false)),
            Map.entry(504, new Page("Gateway Time-out", "The server didn't respond in time.", false))));

    /** The codes with a built-in page, ascending. */
    public static final List<Integer> CODES = List.copyOf(PAGES.keySet());

    private static final Map<Integer, Reply> REPLIES = build();

    private DefaultErrorPages() {
    }

    private static Map<Integer, Reply> build() {
        Map<Integer, Reply> replies = new TreeMap<>();
        ReplyContext quiet = ReplyContext.of(warning -> {
        });
        PAGES.forEach((code, page) -> {
            try {
                replies.put(code, ErrorFile.message(raw(code, page), quiet, "built-in " + code));
            } catch (ReplyException e) {
                throw new IllegalStateException("built-in page " + code + ": " + e.getMessage(), e);
            }
        });
        return Map.copyOf(replies);
    }

    /** The page as HAProxy stores it; its HTTP/1 layer moves the connection header last on output. */
    private static byte[] raw(int code, Page page) {
        String body = "<html><body><h1>" + code + " " + page.reason + "</h1>\n" + page.sentence
                + "\n</body></html>\n";
        String head = "HTTP/1.1 " + code + " " + page.reason + "\r\n"
                + "Content-length: " + body.length() + "\r\n"
                + "Cache-Control: no-cache\r\n"
                + (page.closes ? "Connection: close\r\n" : "")
                + "Content-Type: text/html\r\n"
                + "\r\n";
        return (head + body).getBytes(StandardCharsets.US_ASCII);
    }

    /** True when HAProxy has a page (and a configurable slot) for {@code status}. */
    public static boolean isHandled(int status) {
        return PAGES.containsKey(status);
    }

    /** The slot a status uses: itself when handled, 500 otherwise. */
    static int slot(int status) {
        return isHandled(status) ? status : 500;
    }

    /**
     * The built-in page for {@code status}; a status without one gets the 500 page, still
     * recorded under {@code status} as HAProxy logs it.
     */
    public static Reply reply(int status) {
        return REPLIES.get(slot(status)).withStatus(status);
    }
}
