package io.tollgate.engine.rules;

import io.tollgate.engine.http.AuthChallenge;

/**
 * {@code auth [realm <realm>]}: the stream's 401 page with a Basic challenge; the realm defaults
 * to the proxy's name, as in HAProxy. The 407 of a forward proxy needs
 * {@code option http-use-proxy-header}, which Tollgate ignores.
 */
final class Auth implements HttpAction {
    private final String realm;

    Auth(String realm) {
        this.realm = realm;
    }

    @Override
    public Verdict apply(HttpTransaction tx) {
        tx.reply(ReplyKind.INTERCEPT, AuthChallenge.reply(tx.errorPages(), tx.frontendErrorPages(), false, realm));
        return Verdict.DONE;
    }
}
