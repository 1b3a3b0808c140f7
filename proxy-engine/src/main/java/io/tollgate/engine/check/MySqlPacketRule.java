package io.tollgate.engine.check;

import io.netty.buffer.ByteBuf;
import io.tollgate.engine.runtime.CheckStatus;

/**
 * HAProxy's two MySQL reply rules: the server's first packet (the greeting), or the packet
 * after it (the answer to the login). Each waits for its whole packet (3-byte length, sequence
 * id, payload); a packet starting with 0xFF is an error packet: {@code L7STS}, the error number
 * as code, the rest from byte 7 on (HAProxy reads up to the end of what was received) as info.
 */
final class MySqlPacketRule implements ScriptStep.Expect {
    static final MySqlPacketRule GREETING = new MySqlPacketRule(false);
    static final MySqlPacketRule AFTER_GREETING = new MySqlPacketRule(true);

    private static final ScriptStep.Verdict CUT_SHORT = new ScriptStep.Verdict(CheckStatus.L7_RESPONSE, 0, "");
    private static final ScriptStep.Verdict PASSED = new ScriptStep.Verdict(CheckStatus.L7_OK, 0, "");

    private final boolean afterGreeting;

    private MySqlPacketRule(boolean afterGreeting) {
        this.afterGreeting = afterGreeting;
    }

    @Override
    public ScriptStep.Outcome judge(ByteBuf in, boolean lastRead) {
        int offset = afterGreeting ? 4 + length(in, 0) : 0;
        int received = in.readableBytes();
        if (received < offset + 4 || received < offset + 4 + length(in, offset)) {
            return lastRead ? CUT_SHORT : ScriptStep.Flow.WAIT;
        }
        if (unsigned(in, offset + 4) == 0xFF) {
            int error = unsigned(in, offset + 5) | unsigned(in, offset + 6) << 8;
            return new ScriptStep.Verdict(CheckStatus.L7_STATUS, error, CheckReply.text(in, offset + 7, false, false));
        }
        return ScriptStep.Flow.NEXT;
    }

    @Override
    public ScriptStep.Verdict passed(ByteBuf in) {
        return PASSED;
    }

    @Override
    public CheckStatus errorStatus() {
        return CheckStatus.L7_RESPONSE;
    }

    /** The little-endian 3-byte length of the packet at {@code offset}. */
    private static int length(ByteBuf in, int offset) {
        return unsigned(in, offset) | unsigned(in, offset + 1) << 8 | unsigned(in, offset + 2) << 16;
    }

    /** The byte at {@code offset} from the reader index, 0 past the end (a packet cut short). */
    private static int unsigned(ByteBuf in, int offset) {
        int at = in.readerIndex() + offset;
        return at < in.writerIndex() ? in.getUnsignedByte(at) : 0;
    }
}
