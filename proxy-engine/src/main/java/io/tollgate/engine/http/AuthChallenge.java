package io.tollgate.engine.http;

/**
 * The answer to {@code http-request auth [realm <realm>]} when credentials are missing or wrong:
 * the proxy's 401 page with {@code www-authenticate: Basic realm="<realm>"}, or, when the request
 * came through the proxy as a forward proxy ({@code option http-use-proxy-header} and a request
 * target that does not start with '/' or '*'), the 407 page with {@code proxy-authenticate}.
 * HAProxy removes any such header the page had and adds its own after the others
 * ({@code http_action_auth} in {@code src/http_act.c}); without a realm it uses the proxy's name.
 * Checked byte for byte against HAProxy 2.6.12.
 */
public final class AuthChallenge {
    private AuthChallenge() {
    }

    /**
     * @param backend  the pages looked at first (the proxy whose rule asks)
     * @param frontend the stream's frontend pages (the same object for a {@code listen})
     */
    public static Reply reply(ErrorPages backend, ErrorPages frontend, boolean forwardProxy, String realm) {
        int status = forwardProxy ? 407 : 401;
        String header = forwardProxy ? "proxy-authenticate" : "www-authenticate";
        return backend.reply(status, frontend).withHeader(header, "Basic realm=\"" + realm + "\"");
    }
}
