package io.tollgate.engine.check;

import io.netty.buffer.ByteBufUtil;
import io.tollgate.engine.runtime.CheckStatus;
import io.tollgate.engine.runtime.Server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code option ssl-hello-chk}: sends HAProxy's SSLv3 ClientHello and passes ({@code L6OK}) when
 * the reply starts with a TLS handshake or alert record (0x16, 0x15): a server refusing SSLv3
 * still proves it speaks TLS. Anything else is {@code L6RSP}; no reply in time {@code L6TOUT}.
 */
final class SslHelloCheck implements CheckProtocol {
    /** HAProxy's rule list starts with the send: no connect rule to count. */
    private static final int FIRST_STEP = 1;

    static final SslHelloCheck INSTANCE = new SslHelloCheck();

    /** HAProxy's fixed "random" bytes, recognisable in captures: exactly 28 bytes. */
    private static final byte[] RANDOM = "HAPROXYSSLCHK\nHAPROXYSSLCHK\n".getBytes(StandardCharsets.US_ASCII);

    private static final List<ScriptStep> STEPS = List.of(
            new ScriptStep.Send(SslHelloCheck::clientHello),
            ReplyRule.hexRegex("^1[56]").minRecv(5).statuses(CheckStatus.L6_OK, CheckStatus.L6_RESPONSE));

    private SslHelloCheck() {
    }

    @Override
    public Conversation open(Server server) {
        return new ScriptedConversation(STEPS, FIRST_STEP);
    }

    @Override
    public CheckStatus timeoutStatus() {
        return CheckStatus.L6_TIMEOUT;
    }

    /**
     * An SSLv3 record holding a ClientHello: version 3.0, the current time, the fixed random, no
     * session, the 39 old cipher suites 0x0001-0x001B and 0x002F-0x003A, null compression.
     */
    static byte[] clientHello() {
        ByteBuffer b = ByteBuffer.allocate(126);
        b.put(ByteBufUtil.decodeHexDump("1603000079")); // handshake record, SSLv3, 0x79 bytes
        b.put(ByteBufUtil.decodeHexDump("01000075")); // ClientHello, 0x75 bytes
        b.put(ByteBufUtil.decodeHexDump("0300"));
        b.putInt((int) (System.currentTimeMillis() / 1000));
        b.put(RANDOM);
        b.put((byte) 0); // no session id
        b.putShort((short) 78);
        for (int suite = 0x01; suite <= 0x3A; suite = suite == 0x1B ? 0x2F : suite + 1) {
            b.putShort((short) suite);
        }
        b.put(ByteBufUtil.decodeHexDump("0100")); // one compression method: null
        return b.array();
    }
}
