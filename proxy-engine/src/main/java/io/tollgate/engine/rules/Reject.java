package io.tollgate.engine.rules;

/** {@code reject} and {@code silent-drop}: the client connection is closed without an answer. */
final class Reject implements HttpAction {
    static final Reject INSTANCE = new Reject();

    @Override
    public Verdict apply(HttpTransaction tx) {
        tx.reply(ReplyKind.REJECT, null);
        return Verdict.DONE;
    }
}
