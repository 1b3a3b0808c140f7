package io.tollgate.engine.rules;

/** {@code return}: answers from Tollgate itself (200 with no body by default); counted as intercepted. */
final class Return implements HttpAction {
    private final ReplySpec reply;

    Return(ReplySpec reply) {
        this.reply = reply;
    }

    @Override
    public Verdict apply(HttpTransaction tx) {
        tx.reply(ReplyKind.INTERCEPT, reply.build(tx));
        return Verdict.DONE;
    }
}
