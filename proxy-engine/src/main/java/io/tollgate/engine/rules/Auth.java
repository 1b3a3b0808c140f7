package io.tollgate.engine.rules;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;

/**
 * {@code auth [realm <realm>]}: the 401 page with a Basic challenge; the realm defaults to the
 * proxy's name, as in HAProxy.
 */
final class Auth implements HttpAction {
    private final String realm;

    Auth(String realm) {
        this.realm = realm;
    }

    @Override
    public Verdict apply(HttpTransaction tx) {
        FullHttpResponse r = tx.errorPage(401);
        r.headers().add(HttpHeaderNames.WWW_AUTHENTICATE, "Basic realm=\"" + realm + "\"");
        tx.reply(ReplyKind.INTERCEPT, r);
        return Verdict.DONE;
    }
}
