package io.tollgate.engine.check;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.tollgate.engine.config.ProtocolCheckDefinition;
import io.tollgate.engine.runtime.CheckStatus;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The protocol checks' bytes and verdicts without a network: what they send is what HAProxy
 * 2.6.12 was captured sending, and each odd reply gets the status, code and info HAProxy showed
 * for it (replies cut short, closed early, split across reads, too long).
 */
class ProtocolCheckRepliesTest {

    @Test
    void sendsHaproxysBytes() {
        assertThat(hex(MySqlCheck.login("haproxy", true))).isEqualTo("29000001008200000080000121"
                + "0000000000000000000000000000000000000000000000" + "686170726f787900000100000001");
        assertThat(hex(MySqlCheck.login("haproxy", false))).isEqualTo("0e0000010080000001686170726f787900000100000001");
        assertThat(hex(PgSqlCheck.startup("haproxy"))).isEqualTo("00000016000300007573657200686170726f78790000");
        String hello = hex(SslHelloCheck.clientHello());
        assertThat(hello.substring(0, 22)).isEqualTo("1603000079010000750300");
        // 4 bytes of time, then the rest
        assertThat(hello.substring(30)).isEqualTo("484150524f585953534c43484b0a484150524f585953534c43484b0a00004e"
                + "000100020003000400050006000700080009000a000b000c000d000e000f0010001100120013001400150016001700180019"
                + "001a001b002f0030003100320033003400350036003700380039003a0100");
        Fake redis = run(RedisCheck.INSTANCE.open(null));
        assertThat(redis.sent).isEqualTo("*1\r\n$4\r\nPING\r\n");
    }

    @Test
    void redisReplies() {
        assertThat(closedAfter(RedisCheck.INSTANCE, "\u0001\u0002abc\tdef\r\nmore")).isEqualTo("L7STS/0 \u0001\u0002abc\tdef");
        assertThat(closedAfter(RedisCheck.INSTANCE, "A".repeat(200) + "\r\n")).isEqualTo("L7STS/0 " + "A".repeat(127));
        assertThat(waiting(RedisCheck.INSTANCE, "xx+PONG\r\n")).isEqualTo("L7OK/0 Redis server is ok");
        assertThat(closedAfter(RedisCheck.INSTANCE, "+PO")).isEqualTo("L7STS/0 +PO");
        assertThat(waiting(RedisCheck.INSTANCE, "-NOAUTH Authentication required.\r\n")).isEqualTo("waiting");
        assertThat(closedAfter(RedisCheck.INSTANCE, "")).isEqualTo("L7STS/0 TCPCHK got an empty response at step 2");
        // split across reads
        Fake f = run(RedisCheck.INSTANCE.open(null));
        f.receive("+PO");
        assertThat(f.verdict).isNull();
        f.receive("NG\r\n");
        assertThat(f.verdict).isEqualTo("L7OK/0 Redis server is ok");
    }

    @Test
    void mysqlReplies() {
        MySqlCheck greeting = new MySqlCheck(new ProtocolCheckDefinition.MySql(null, true));
        MySqlCheck login = new MySqlCheck(new ProtocolCheckDefinition.MySql("haproxy", true));
        String denied = packet(0, "\u00ff\u006a\u0004Host '127.0.0.1' is not allowed to connect to this MariaDB server");
        assertThat(closedAfter(greeting, denied)).isEqualTo("L7STS/1130 Host '127.0.0.1' is not allowed to connect to "
                + "this MariaDB server");
        assertThat(closedAfter(login, denied)).startsWith("L7STS/1130 Host");
        assertThat(closedAfter(login, "abc")).isEqualTo("L7RSP");
        assertThat(closedAfter(greeting, "\n\u0000\u0000\u0000\n5")).isEqualTo("L7RSP");
        assertThat(waiting(greeting, "\n\u0000\u0000\u0000\n5")).isEqualTo("waiting");
        assertThat(closedAfter(greeting, "")).isEqualTo("L7RSP TCPCHK got an empty response at step 2");
        assertThat(closedAfter(login, "")).isEqualTo("L7RSP TCPCHK got an empty response at step 3");
        String hello = packet(0, "\n5.5.5-10.11.19-MariaDB\u0000xxxx");
        assertThat(waiting(greeting, hello)).isEqualTo("L7OK/0");
        assertThat(waiting(login, hello)).isEqualTo("waiting");
        assertThat(waiting(login, hello + packet(2, "\u0000\u0000\u0000\u0002\u0000\u0000\u0000"))).isEqualTo("L7OK/0");
        assertThat(waiting(login, hello + packet(2, "\u00ff\u0015\u0004#28000Access denied")))
                .isEqualTo("L7STS/1045 #28000Access denied");
    }

    @Test
    void pgsqlReplies() {
        PgSqlCheck pg = new PgSqlCheck(new ProtocolCheckDefinition.PgSql("haproxy"));
        assertThat(waiting(pg, "R\u0000\u0000\u0000\u0008\u0000\u0000\u0000\u0000")).isEqualTo("L7OK/0 PostgreSQL server is ok");
        assertThat(waiting(pg, "R\u0000\u0000\u0000\u0017\u0000\u0000\u0000\nSCRAM-SHA-256\u0000\u0000"))
                .isEqualTo("L7OK/0 PostgreSQL server is ok");
        assertThat(waiting(pg, "R\u0000\u0000\u0000\u0008\u0000\u0000\u0000\u0001")).isEqualTo("L7STS/0 PostgreSQL unknown error");
        assertThat(closedAfter(pg, "Z\u0000\u0000\u0000\u0008\u0000\u0000\u0000")).isEqualTo("L7STS/0 PostgreSQL unknown error");
        assertThat(waiting(pg, "E\u0000\u0000\u0000\u009bSFATAL\u0000VFATAL\u0000C28000\u0000")).isEqualTo("L7RSP FATAL");
        assertThat(waiting(pg, "E\u0000\u0000\u0000\u0005")).isEqualTo("L7RSP");
        assertThat(waiting(pg, "Eab")).isEqualTo("waiting");
        assertThat(closedAfter(pg, "Eab")).isEqualTo("L7RSP");
        assertThat(closedAfter(pg, "")).isEqualTo("L7RSP TCPCHK got an empty response at step 3");
    }

    @Test
    void sslHelloReplies() {
        assertThat(waiting(SslHelloCheck.INSTANCE, "\u0015\u0003\u0003\u0000\u0002\u0002\u0028")).isEqualTo("L6OK");
        assertThat(waiting(SslHelloCheck.INSTANCE, "\u0016\u0003")).isEqualTo("waiting");
        assertThat(closedAfter(SslHelloCheck.INSTANCE, "\u0016")).isEqualTo("L6OK");
        assertThat(waiting(SslHelloCheck.INSTANCE, "\u0017\u0003\u0003\u0000\u0002")).isEqualTo("L6RSP");
        assertThat(closedAfter(SslHelloCheck.INSTANCE, "")).isEqualTo("L6RSP TCPCHK got an empty response at step 2");
        assertThat(SslHelloCheck.INSTANCE.timeoutStatus()).isEqualTo(CheckStatus.L6_TIMEOUT);
    }

    @Test
    void smtpStopsWhenTheServerHangsUpAfterTheHello() {
        SmtpCheck smtp = new SmtpCheck(new ProtocolCheckDefinition.Smtp("HELO localhost"));
        Fake f = run(smtp.open(null));
        f.receive("220 ok\r\n");
        assertThat(f.sent).isEqualTo("HELO localhost\r\n");
        f.close();
        assertThat(f.verdict).isEqualTo("L7STS/0 TCPCHK got an empty response at step 5");
    }

    private static String packet(int sequence, String payload) {
        int n = payload.length();
        return new String(new char[] {(char) (n & 0xff), (char) (n >> 8 & 0xff), (char) (n >> 16), (char) sequence})
                + payload;
    }

    /** The verdict after {@code reply} arrived, the connection staying open; "waiting" if none. */
    private static String waiting(CheckProtocol protocol, String reply) {
        Fake f = run(protocol.open(null));
        f.receive(reply);
        return f.verdict == null ? "waiting" : f.verdict;
    }

    /** The verdict after {@code reply} arrived and the server closed. */
    private static String closedAfter(CheckProtocol protocol, String reply) {
        Fake f = run(protocol.open(null));
        if (!reply.isEmpty()) {
            f.receive(reply);
        }
        f.close();
        return f.verdict;
    }

    private static Fake run(Conversation conversation) {
        Fake f = new Fake(conversation);
        conversation.connected(f);
        return f;
    }

    private static String hex(byte[] bytes) {
        return ByteBufUtil.hexDump(bytes);
    }

    /** A channel recording what a conversation sends and its verdict, fed by the test. */
    private static final class Fake implements CheckChannel {
        private final Conversation conversation;
        private final ByteBuf in = Unpooled.buffer();
        private final List<String> sends = new ArrayList<>();
        String sent = "";
        String verdict;

        Fake(Conversation conversation) {
            this.conversation = conversation;
        }

        void receive(String bytes) {
            in.writeBytes(bytes.getBytes(StandardCharsets.ISO_8859_1));
            conversation.received(this, in);
            in.discardReadBytes();
        }

        void close() {
            if (verdict == null) {
                conversation.closed(this, in);
            }
        }

        @Override
        public ByteBufAllocator alloc() {
            return UnpooledByteBufAllocator.DEFAULT;
        }

        @Override
        public java.net.InetSocketAddress checkAddress() {
            return new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 1);
        }

        @Override
        public void reconnect(CheckEndpoint endpoint) {
            throw new AssertionError("the protocol checks keep one connection");
        }

        @Override
        public void send(ByteBuf data) {
            sent = data.toString(StandardCharsets.ISO_8859_1);
            sends.add(sent);
            data.release();
        }

        @Override
        public void finish(CheckStatus status, int code, String info) {
            if (verdict == null) {
                verdict = status.code() + (code >= 0 && status.carriesCode() ? "/" + code : "")
                        + (info.isEmpty() ? "" : " " + info);
            }
        }

        @Override
        public boolean isFinished() {
            return verdict != null;
        }
    }
}
