package io.tollgate.engine.rules;

import io.netty.handler.codec.http.HttpResponseStatus;

/** {@code http-response set-status <code> [reason <text>]}: the reason defaults to the code's usual one. */
final class SetStatus implements HttpAction {
    private final HttpResponseStatus status;

    SetStatus(int code, String reason) {
        this.status = reason == null ? HttpResponseStatus.valueOf(code) : new HttpResponseStatus(code, reason);
    }

    @Override
    public Verdict apply(HttpTransaction tx) {
        tx.response().setStatus(status);
        return Verdict.CONTINUE;
    }
}
