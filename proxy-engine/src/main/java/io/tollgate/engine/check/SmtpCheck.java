package io.tollgate.engine.check;

import io.netty.buffer.ByteBuf;
import io.tollgate.engine.config.ProtocolCheckDefinition;
import io.tollgate.engine.runtime.CheckStatus;
import io.tollgate.engine.runtime.Server;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code option smtpchk [EHLO|HELO <domain>]}, as HAProxy 2.6.12 runs it: the greeting must be a
 * one-line reply with a code ({@code L7RSP} and the line otherwise) and a 2xx one ({@code L7STS}
 * with that code); then the hello (a multi-line 250 reply to EHLO passes), then {@code QUIT}
 * whose 2xx reply ends the check: {@code L7OK} with its code (221) and text. A non-2xx answer to
 * the hello is only judged once the server closes; until then the check waits ({@code L7TOUT}).
 */
final class SmtpCheck implements CheckProtocol {
    /** HAProxy's rule list starts with an explicit connect rule. */
    private static final int FIRST_STEP = 2;

    private final List<ScriptStep> steps;

    SmtpCheck(ProtocolCheckDefinition.Smtp definition) {
        steps = List.of(
                ReplyRule.regex("^[0-9]{3}[ \r]").minRecv(4).onError(in -> CheckReply.text(in, 0, false, true)),
                reply("^2[0-9]{2}[ \r]").minRecv(4),
                ScriptStep.Send.of((definition.hello() + "\r\n").getBytes(StandardCharsets.UTF_8)),
                reply("^(2[0-9]{2}-[^\r]*\r\n)*2[0-9]{2}[ \r]").onSuccess(SmtpCheck::text),
                ScriptStep.Send.of("QUIT\r\n".getBytes(StandardCharsets.US_ASCII)),
                reply("^2[0-9]{2}[- \r]").minRecv(4).onSuccess(SmtpCheck::text));
    }

    @Override
    public Conversation open(Server server) {
        return new ScriptedConversation(steps, FIRST_STEP);
    }

    /** A rule on a reply's code: {@code L7STS} with the code and the reply's text when it fails. */
    private static ReplyRule reply(String regex) {
        return ReplyRule.regex(regex).statuses(CheckStatus.L7_OK, CheckStatus.L7_STATUS)
                .onError(SmtpCheck::text).statusCode(CheckReply::code);
    }

    /** The text after the code: {@code 250 mail.example Hello} gives {@code mail.example Hello}. */
    private static String text(ByteBuf in) {
        return CheckReply.text(in, 4, true, true);
    }
}
