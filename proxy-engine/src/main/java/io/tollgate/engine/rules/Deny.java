package io.tollgate.engine.rules;

/**
 * {@code deny} and {@code tarpit}: answers with the proxy's page for the status (403 for deny,
 * 500 for tarpit unless {@code deny_status} says otherwise) or with the reply the rule spells out.
 */
final class Deny implements HttpAction {
    private final ReplyKind kind;
    private final ReplySpec reply;

    Deny(ReplyKind kind, ReplySpec reply) {
        this.kind = kind;
        this.reply = reply;
    }

    @Override
    public Verdict apply(HttpTransaction tx) {
        tx.reply(kind, reply.build(tx));
        return Verdict.DONE;
    }
}
