package io.tollgate.engine.check;

import io.tollgate.engine.config.ProtocolCheckDefinition;
import io.tollgate.engine.runtime.Server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code option mysql-check [user <name> [post-41|pre-41]]}. Without a user only the server's
 * greeting is read. With one, HAProxy sends at once, without waiting for the greeting, a client
 * authentication packet for that user with no password followed by {@code COM_QUIT}, and then
 * judges the greeting and the packet after it. An error packet is {@code L7STS} with the MySQL
 * error number as code and its message as info (for 4.1 servers the message starts with
 * {@code #} and the SQL state); a reply cut short is {@code L7RSP}; a passed check is
 * {@code L7OK}, code 0, no info.
 */
final class MySqlCheck implements CheckProtocol {
    /** HAProxy's rule list starts with an explicit connect rule. */
    private static final int FIRST_STEP = 2;

    private final List<ScriptStep> steps;

    MySqlCheck(ProtocolCheckDefinition.MySql definition) {
        if (definition.user() == null) {
            steps = List.of(MySqlPacketRule.GREETING);
        } else {
            steps = List.of(ScriptStep.Send.of(login(definition.user(), definition.post41())),
                    MySqlPacketRule.GREETING, MySqlPacketRule.AFTER_GREETING);
        }
    }

    @Override
    public Conversation open(Server server) {
        return new ScriptedConversation(steps, FIRST_STEP);
    }

    /**
     * The authentication packet (sequence 1) then {@code COM_QUIT} (sequence 0), as HAProxy
     * writes them: 4.1 capabilities {@code PROTOCOL_41|SECURE_CONNECTION}, utf8 and 23 zero
     * bytes; 4.0 capabilities {@code SECURE_CONNECTION} with a 3-byte maximum packet size.
     */
    static byte[] login(String user, boolean post41) {
        byte[] name = user.getBytes(StandardCharsets.UTF_8);
        int length = name.length + 7 + (post41 ? 27 : 0);
        ByteBuffer b = ByteBuffer.allocate(4 + length + 5);
        b.put((byte) length).put((byte) (length >> 8)).put((byte) (length >> 16)).put((byte) 1);
        if (post41) {
            b.put(new byte[] {0x00, (byte) 0x82, 0x00, 0x00}); // client capabilities
            b.put(new byte[] {0x00, (byte) 0x80, 0x00, 0x01}); // max packet
            b.put((byte) 0x21).put(new byte[23]); // character set, reserved
        } else {
            b.put(new byte[] {0x00, (byte) 0x80}); // client capabilities
            b.put(new byte[] {0x00, 0x00, 0x01}); // max packet
        }
        b.put(name).put((byte) 0); // user name
        b.put((byte) 0); // empty password
        b.put(new byte[] {0x01, 0x00, 0x00, 0x00, 0x01}); // COM_QUIT
        return b.array();
    }
}
