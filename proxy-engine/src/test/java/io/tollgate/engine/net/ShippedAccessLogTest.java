package io.tollgate.engine.net;

import io.tollgate.engine.admin.AccessLevel;
import io.tollgate.engine.admin.Actor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.tollgate.engine.net.RunningEngine.freePort;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Access lines leave the engine as syslog datagrams: the {@code log} lines of a frontend (or of
 * {@code global} through {@code log global}) are resolved into targets at start, each target's
 * levels filter what it gets, and a target nobody listens on costs requests nothing but shows in
 * {@code show info}'s DroppedLogs.
 */
class ShippedAccessLogTest {
    private static final Actor ADMIN = new Actor("ops", "test", "test", AccessLevel.ADMIN);
    private static final String HEADER = "<%d>\\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d tollgate\\[" + ProcessHandle.current().pid()
            + "]: ";

    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
    }

    private DatagramSocket receiver() throws Exception {
        DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        s.setSoTimeout(200);
        closing.add(s);
        return s;
    }

    /** The next datagram, or null when none came within a few seconds. */
    private static String receive(DatagramSocket s, int tries) throws Exception {
        byte[] buf = new byte[65536];
        for (int i = 0; i < tries; i++) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                s.receive(p);
                return new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
            } catch (SocketTimeoutException e) {
                // try again
            }
        }
        return null;
    }

    private RunningEngine engine(String text) throws Exception {
        RunningEngine e = RunningEngine.start(text);
        closing.add(e);
        return e;
    }

    private static int get(RunningEngine engine, String frontend, String path) throws Exception {
        try (RawHttp c = new RawHttp(engine.port(frontend))) {
            return c.get(path).status();
        }
    }

    @Test
    void frontendsSendToTheirOwnTargetsOrTheGlobalOnesFilteredByLevel() throws Exception {
        Upstream s1 = new Upstream("s1");
        closing.add(s1);
        DatagramSocket global = receiver();
        DatagramSocket notice = receiver();
        DatagramSocket errors = receiver();
        RunningEngine engine = engine("""
                global
                    log 127.0.0.1:%d local0
                defaults
                    mode http
                    timeout connect 2s
                    timeout client 10s
                    timeout server 10s
                frontend fe
                    bind 127.0.0.1:%d
                    log global
                    option httplog
                    default_backend be
                frontend fe_notice
                    bind 127.0.0.1:%d
                    log 127.0.0.1:%d len 1024 format rfc5424 local1 notice
                    option httplog
                    default_backend be
                frontend fe_none
                    bind 127.0.0.1:%d
                    log global
                    no log
                    option httplog
                    default_backend be
                frontend fe_err
                    bind 127.0.0.1:%d
                    log 127.0.0.1:%d local1 err
                    option httplog
                    option log-separate-errors
                    default_backend empty
                backend be
                    server s1 127.0.0.1:%d
                backend empty
                """.formatted(global.getLocalPort(), freePort(), freePort(), notice.getLocalPort(), freePort(),
                freePort(), errors.getLocalPort(), s1.port()));

        // lines queued before fe's are shipped before it: once fe's arrives, theirs had their chance
        assertThat(get(engine, "fe_notice", "/n")).isEqualTo(200);
        assertThat(get(engine, "fe_none", "/x")).isEqualTo(200);
        assertThat(get(engine, "fe", "/some/path?q=1")).isEqualTo(200);
        String datagram = receive(global, 25);
        assertThat(datagram).matches(HEADER.formatted(134) + "127\\.0\\.0\\.1:\\d+ \\[[^]]+] fe be/s1 [-\\d/]+ 200 \\d+ "
                + "- - ---- [\\d/]+ 0/0 \"GET /some/path\\?q=1 HTTP/1\\.1\"\n?");
        assertThat(receive(global, 2)).isNull();
        assertThat(receive(notice, 1)).isNull();

        assertThat(get(engine, "fe_err", "/e")).isEqualTo(503);
        String error = receive(errors, 25);
        // local1 (17) * 8 + err (3)
        assertThat(error).matches(HEADER.formatted(139) + ".* fe_err empty/<NOSRV> .* 503 .*\"GET /e HTTP/1\\.1\"\n?");
    }

    @Test
    void aTargetNobodyListensOnDropsLinesWithoutFailingRequests() throws Exception {
        Upstream s1 = new Upstream("s1");
        closing.add(s1);
        int deadPort = freePort();
        RunningEngine engine = engine("""
                defaults
                    mode http
                    timeout connect 2s
                    timeout client 10s
                    timeout server 10s
                frontend fe
                    bind 127.0.0.1:%d
                    log 127.0.0.1:%d local0
                    option httplog
                    default_backend be
                backend be
                    server s1 127.0.0.1:%d
                """.formatted(freePort(), deadPort, s1.port()));
        assertThat(droppedLogs(engine)).isZero();
        long dropped = 0;
        for (int i = 0; i < 50 && dropped == 0; i++) {
            assertThat(get(engine, "fe", "/")).isEqualTo(200);
            Thread.sleep(20);
            dropped = droppedLogs(engine);
        }
        assertThat(dropped).isPositive();
    }

    private static long droppedLogs(RunningEngine engine) {
        String info = engine.engine().runtimeApi().execute("show info", ADMIN);
        Matcher m = Pattern.compile("(?m)^DroppedLogs: (\\d+)$").matcher(info);
        assertThat(m.find()).as(info).isTrue();
        return Long.parseLong(m.group(1));
    }
}
