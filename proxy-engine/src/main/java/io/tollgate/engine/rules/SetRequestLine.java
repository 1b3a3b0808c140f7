package io.tollgate.engine.rules;

import io.netty.handler.codec.http.HttpMethod;

/**
 * {@code set-path}, {@code set-pathq}, {@code set-query}, {@code set-uri} and
 * {@code set-method <fmt>}: rewrites one part of the request line.
 */
final class SetRequestLine implements HttpAction {
    private final RequestLinePart part;
    private final FormatString value;

    /** {@code part} null means the method. */
    SetRequestLine(RequestLinePart part, FormatString value) {
        this.part = part;
        this.value = value;
    }

    @Override
    public Verdict apply(HttpTransaction tx) {
        String v = value.render(tx);
        if (part == null) {
            if (v.isEmpty() || !v.chars().allMatch(c -> c > 32 && c < 127)) {
                tx.rewriteFailed();
                return Verdict.CONTINUE;
            }
            tx.request().setMethod(HttpMethod.valueOf(v));
        } else {
            String uri = part.write(tx.request().uri(), v);
            if (uri.isEmpty() || !uri.chars().allMatch(c -> c > 32 && c < 127)) {
                tx.rewriteFailed();
                return Verdict.CONTINUE;
            }
            tx.request().setUri(uri);
        }
        tx.requestLineChanged();
        return Verdict.CONTINUE;
    }
}
