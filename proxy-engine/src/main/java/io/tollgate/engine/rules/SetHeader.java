package io.tollgate.engine.rules;

import io.netty.handler.codec.http.HttpHeaders;

/**
 * {@code set-header <name> <fmt>} (every existing occurrence replaced) and
 * {@code add-header <name> <fmt>} (one more line). A value Netty would refuse (CR, LF, NUL) is
 * a failed rewrite: counted in wrew, the header left as it was.
 */
final class SetHeader implements HttpAction {
    private final String name;
    private final FormatString value;
    private final boolean add;
    private final boolean response;

    SetHeader(String name, FormatString value, boolean add, boolean response) {
        this.name = name;
        this.value = value;
        this.add = add;
        this.response = response;
    }

    @Override
    public Verdict apply(HttpTransaction tx) {
        String v = value.render(tx);
        if (!HeaderValues.valid(v)) {
            tx.rewriteFailed();
            return Verdict.CONTINUE;
        }
        HttpHeaders headers = response ? tx.response().headers() : tx.request().headers();
        if (add) {
            headers.add(name, v);
        } else {
            headers.set(name, v);
        }
        return Verdict.CONTINUE;
    }
}
