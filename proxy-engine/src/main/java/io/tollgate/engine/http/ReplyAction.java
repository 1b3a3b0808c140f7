package io.tollgate.engine.http;

/**
 * The rules whose reply {@link ReturnReply} parses, with the status each uses when none is given
 * ({@code parse_http_return} and {@code parse_http_deny} in HAProxy's {@code src/http_act.c}).
 * Deny and tarpit also take the older {@code deny_status <code>}.
 */
public enum ReplyAction {
    HTTP_REQUEST_RETURN("http-request return", 200, false),
    HTTP_REQUEST_DENY("http-request deny", 403, true),
    HTTP_REQUEST_TARPIT("http-request tarpit", 500, true),
    HTTP_RESPONSE_RETURN("http-response return", 200, false),
    HTTP_RESPONSE_DENY("http-response deny", 502, true);

    private final String label;
    private final int defaultStatus;
    private final boolean denies;

    ReplyAction(String label, int defaultStatus, boolean denies) {
        this.label = label;
        this.defaultStatus = defaultStatus;
        this.denies = denies;
    }

    /** The rule as HAProxy names it in messages, e.g. {@code http-request deny}. */
    public String label() {
        return label;
    }

    public int defaultStatus() {
        return defaultStatus;
    }

    /** True for deny and tarpit: no arguments means the proxy's error page, and deny_status is accepted. */
    public boolean denies() {
        return denies;
    }
}
