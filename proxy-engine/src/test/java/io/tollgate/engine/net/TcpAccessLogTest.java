package io.tollgate.engine.net;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static io.tollgate.engine.net.RunningEngine.freePort;
import static org.assertj.core.api.Assertions.assertThat;

/** TCP access-log lines over real loopback traffic: tcplog, the legacy connect line, timeouts and refusals, dontlognull. */
class TcpAccessLogTest {
    private static final String DATE = "\\d\\d/\\w{3}/\\d{4}:\\d\\d:\\d\\d:\\d\\d\\.\\d{3}";

    private final List<AutoCloseable> closing = new ArrayList<>();
    private final CapturedLog log = new CapturedLog();
    private int port;

    @AfterEach
    void stop() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
    }

    private int echo() throws InterruptedException {
        TcpTestServer s = new TcpTestServer(TcpTestServer.Mode.ECHO);
        closing.add(s);
        return s.port();
    }

    private void start(String frontendLines, String server) throws Exception {
        port = freePort();
        closing.add(RunningEngine.start("""
                defaults
                    mode tcp
                    timeout connect 2s
                    timeout client 10s
                    timeout server 10s
                frontend fe
                    bind 127.0.0.1:%d
                    log 127.0.0.1:514 local0
                %s
                    default_backend be
                backend be
                    retries 0
                    server t1 %s
                """.formatted(port, frontendLines, server), log));
    }

    /** Sends {@code text}, reads its echo, closes. */
    private void exchange(String text) throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            assertThat(new String(in.readNBytes(text.length()), StandardCharsets.US_ASCII)).isEqualTo(text);
        }
    }

    private static boolean isClosedByPeer(Socket s) {
        try {
            return s.getInputStream().read() == -1;
        } catch (java.io.IOException reset) {
            return true;
        }
    }

    @Test
    void tcplogLineHasHaproxysFields() throws Exception {
        start("    option tcplog", "127.0.0.1:" + echo());
        exchange("hello");
        assertThat(log.message(0)).matches("127\\.0\\.0\\.1:\\d+ \\[" + DATE + "] fe be/t1 \\d+/\\d+/\\d+ 5 -- 1/1/0/0/0 0/0");
    }

    @Test
    void withoutFormatTheConnectionIsLoggedAtAccept() throws Exception {
        start("", "127.0.0.1:" + echo());
        exchange("x");
        assertThat(log.message(0)).matches("Connect from 127\\.0\\.0\\.1:\\d+ to 127\\.0\\.0\\.1:" + port + " \\(fe/TCP\\)");
    }

    @Test
    void anIdleClientIsCD() throws Exception {
        start("    option tcplog\n    timeout client 200", "127.0.0.1:" + echo());
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.getOutputStream().write('a');
            assertThat(s.getInputStream().read()).isEqualTo('a');
            assertThat(s.getInputStream().read()).isEqualTo(-1);
        }
        assertThat(log.message(0)).matches(".* fe be/t1 \\d+/\\d+/\\d+ 1 cD 1/1/0/0/0 0/0");
    }

    @Test
    void aRefusedServerIsSCAndCountsNoConnectTime() throws Exception {
        start("    option tcplog", "127.0.0.1:" + freePort());
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.getOutputStream().write('a');
            assertThat(isClosedByPeer(s)).isTrue();
        }
        assertThat(log.message(0)).matches(".* fe be/t1 \\d+/-1/\\d+ 0 SC 1/1/0/0/0 0/0");
    }

    @Test
    void dontlognullDropsSessionsThatSentNothing() throws Exception {
        start("    option tcplog\n    option dontlognull", "127.0.0.1:" + echo());
        new Socket(InetAddress.getLoopbackAddress(), port).close();
        exchange("after");
        assertThat(log.message(0)).contains(" 5 -- ");
        assertThat(log.all()).hasSize(1);
    }

    @Test
    void anHttpLogOptionInATcpFrontendLogsTcplog() throws Exception {
        start("    option httplog", "127.0.0.1:" + echo());
        exchange("hi");
        assertThat(log.message(0)).matches("127\\.0\\.0\\.1:\\d+ \\[" + DATE + "] fe be/t1 \\d+/\\d+/\\d+ 2 -- 1/1/0/0/0 0/0");
    }
}
