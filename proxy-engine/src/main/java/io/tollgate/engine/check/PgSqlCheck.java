package io.tollgate.engine.check;

import io.tollgate.engine.config.ProtocolCheckDefinition;
import io.tollgate.engine.runtime.CheckStatus;
import io.tollgate.engine.runtime.Server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code option pgsql-check user <name>}: sends a protocol 3.0 StartupMessage for the user and
 * passes ({@code L7OK}, {@code PostgreSQL server is ok}) when the server answers with an
 * Authentication message: accepted at once or asking for a password (cleartext, MD5, SASL, ...),
 * as HAProxy 2.6.12 does. An ErrorResponse is {@code L7RSP} with its severity field as info
 * ({@code FATAL}, HAProxy reads from byte 6); any other reply {@code L7STS}
 * {@code PostgreSQL unknown error}.
 */
final class PgSqlCheck implements CheckProtocol {
    /** HAProxy's rule list starts with an explicit connect rule. */
    private static final int FIRST_STEP = 2;

    private final List<ScriptStep> steps;

    PgSqlCheck(ProtocolCheckDefinition.PgSql definition) {
        this.steps = List.of(
                ScriptStep.Send.of(startup(definition.user())),
                ReplyRule.regex("^E").not().minRecv(5)
                        .onError(in -> CheckReply.text(in, 6, false, false)),
                // 'R', a length below 256, then the request: ok, Kerberos, cleartext, crypt, MD5,
                // SCM, GSS, SSPI or SASL
                ReplyRule.hexRegex("^52000000[A-Z0-9]{2}000000(00|02|03|04|05|06|07|09|0A)").minRecv(9)
                        .statuses(CheckStatus.L7_OK, CheckStatus.L7_STATUS)
                        .onError(in -> "PostgreSQL unknown error")
                        .onSuccess(in -> "PostgreSQL server is ok"));
    }

    @Override
    public Conversation open(Server server) {
        return new ScriptedConversation(steps, FIRST_STEP);
    }

    /** Length, protocol 3.0, then the parameter {@code user} and the list's terminating NUL. */
    static byte[] startup(String user) {
        byte[] name = user.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(15 + name.length);
        b.putInt(15 + name.length).putInt(0x0003_0000);
        b.put("user".getBytes(StandardCharsets.US_ASCII)).put((byte) 0).put(name).put((byte) 0).put((byte) 0);
        return b.array();
    }
}
