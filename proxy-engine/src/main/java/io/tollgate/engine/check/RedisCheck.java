package io.tollgate.engine.check;

import io.tollgate.engine.runtime.CheckStatus;
import io.tollgate.engine.runtime.Server;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code option redis-check}: sends {@code PING} as a RESP array and expects {@code +PONG}
 * anywhere in the reply ({@code L7OK}, info {@code Redis server is ok}). Any other reply waits
 * for more until the server closes ({@code L7STS}, code 0, the reply's first line as info) or
 * the check times out ({@code L7TOUT}): a Redis asking for {@code AUTH} times out, as in HAProxy.
 */
final class RedisCheck implements CheckProtocol {
    /** HAProxy's rule list starts with the send: no connect rule to count. */
    private static final int FIRST_STEP = 1;

    static final RedisCheck INSTANCE = new RedisCheck();

    private static final List<ScriptStep> STEPS = List.of(
            ScriptStep.Send.of("*1\r\n$4\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII)),
            ReplyRule.contains("+PONG\r\n")
                    .statuses(CheckStatus.L7_OK, CheckStatus.L7_STATUS)
                    .onError(in -> CheckReply.text(in, 0, false, true))
                    .onSuccess(in -> "Redis server is ok"));

    private RedisCheck() {
    }

    @Override
    public Conversation open(Server server) {
        return new ScriptedConversation(STEPS, FIRST_STEP);
    }
}
