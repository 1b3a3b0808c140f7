package io.tollgate.engine.net;

import io.tollgate.engine.admin.AccessLevel;
import io.tollgate.engine.admin.Actor;
import io.tollgate.engine.check.HaproxyProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.tollgate.engine.net.RunningEngine.freePort;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event log of one scenario, sent by Debian's HAProxy 2.6 and by Tollgate to their syslog
 * targets: the same messages with the same PRI on the same targets, dates, pid and tag aside.
 * A health check lost and found again ({@code option log-health-checks}), a server put in and
 * out of maintenance and drain from the CLI, a frontend paused, resumed and shut down; a backend
 * without {@code log} lines sends nothing. Headers too: the global and the backend's
 * {@code log-tag}, {@code log-send-hostname} turning the target without a format into rfc3164
 * and leaving {@code format local} alone. Fails when haproxy is not installed.
 */
class EventLogSideBySideTest {
    private static final Actor ADMIN = new Actor("ops", "test", "test", AccessLevel.ADMIN);
    /** {@code local} or {@code rfc3164}: the hostname, if any, and the tag are kept. */
    private static final Pattern BSD = Pattern.compile("<(\\d+)>\\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d (.*?)\\[\\d+\\]: (.*)");

    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
    }

    private <T extends AutoCloseable> T closed(T resource) {
        closing.add(resource);
        return resource;
    }

    private static String config(int global, int backend, int socket, int fe, int stats, int s1, int q1) {
        return """
                global
                    log-tag sbs
                    log-send-hostname sbs-host
                    log 127.0.0.1:%d local0
                    stats socket ipv4@127.0.0.1:%d level admin
                defaults
                    mode http
                    timeout connect 1s
                    timeout client 5s
                    timeout server 5s
                frontend fe
                    bind 127.0.0.1:%d
                    log global
                    default_backend be
                backend be
                    option log-health-checks
                    log-tag sbs-be
                    log 127.0.0.1:%d format local local3 info
                    log global
                    server s1 127.0.0.1:%d check inter 100 fall 2 rise 2
                backend quiet
                    server q1 127.0.0.1:%d check inter 100 fall 1 rise 1
                listen st
                    bind 127.0.0.1:%d
                    stats enable
                    stats uri /
                """.formatted(global, socket, fe, backend, s1, q1, stats);
    }

    /** What both programs go through; {@code cli} runs a runtime API command. */
    private static void scenario(RestartableHttpServer s1, SyslogReceiver be, Consumer<String> cli) throws IOException {
        be.await(line -> line.contains("succeeded"), "for the first check");
        s1.stop();
        be.await(line -> line.contains("has no server available"), "for the empty backend");
        s1.start();
        be.await(line -> line.contains("is UP."), "for the server back UP");
        cli.accept("disable server be/s1");
        cli.accept("enable server be/s1");
        be.await(line -> line.contains("leaving forced maintenance"), "for the end of maintenance");
        // checks start again from no status after maintenance, so the first one is logged
        for (int i = 0; i < 200 && !be.lines().get(be.lines().size() - 1).contains("succeeded"); i++) {
            RunningEngine.sleep(50);
        }
        cli.accept("set server be/s1 state drain");
        cli.accept("set server be/s1 state ready");
        be.await(line -> line.contains("leaving forced drain"), "for the end of drain");
        cli.accept("disable frontend fe");
        cli.accept("enable frontend fe");
        cli.accept("shutdown frontend fe");
    }

    /** {@code <PRI>[host ]tag: message}, the check durations as {@code Nms}. */
    private static List<String> messages(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            Matcher m = BSD.matcher(line);
            assertThat(m.matches()).as("a local or rfc3164 syslog line: %s", line).isTrue();
            out.add("<" + m.group(1) + ">" + m.group(2) + ": " + EventLogTest.normalised(m.group(3)));
        }
        return out;
    }

    private static String socketCommand(int port, String command) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write((command + "\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new AssertionError("haproxy's CLI on port " + port + " for '" + command + "'", e);
        }
    }

    private static List<String> settled(SyslogReceiver r) {
        // the frontend's stop is the last thing logged; then a moment for anything unexpected
        r.await(line -> line.contains("Proxy fe stopped"), "for the frontend's stop");
        RunningEngine.sleep(300);
        return r.lines();
    }

    @Test
    void theSameEventsReachTheSameTargetsWithTheSamePriorities() throws Exception {
        RestartableHttpServer s1 = closed(new RestartableHttpServer());
        int q1 = freePort();

        SyslogReceiver hGlobal = closed(new SyslogReceiver());
        SyslogReceiver hBackend = closed(new SyslogReceiver());
        int hSocket = freePort();
        int hStats = freePort();
        HaproxyProcess haproxy = closed(HaproxyProcess.start(
                config(hGlobal.port(), hBackend.port(), hSocket, freePort(), hStats, s1.port(), q1), hStats));
        scenario(s1, hBackend, command -> socketCommand(hSocket, command));
        List<String> haproxyGlobal = messages(settled(hGlobal));
        List<String> haproxyBackend = messages(hBackend.lines());
        haproxy.close();

        s1.start();
        SyslogReceiver tGlobal = closed(new SyslogReceiver());
        SyslogReceiver tBackend = closed(new SyslogReceiver());
        RunningEngine engine = closed(RunningEngine.start(
                config(tGlobal.port(), tBackend.port(), freePort(), freePort(), freePort(), s1.port(), q1)));
        scenario(s1, tBackend, command -> engine.engine().runtimeApi().execute(command, ADMIN));
        List<String> tollgateGlobal = messages(settled(tGlobal));
        List<String> tollgateBackend = messages(tBackend.lines());

        assertThat(tollgateBackend).as("the backend's own target").containsExactlyElementsOf(haproxyBackend);
        assertThat(tollgateGlobal).as("the global target").containsExactlyElementsOf(haproxyGlobal);
        assertThat(haproxyBackend).isNotEmpty();
        assertThat(haproxyGlobal).contains("<132>sbs-host sbs: Paused frontend fe.",
                "<132>sbs-host sbs: Proxy fe stopped (cumulated conns: FE: 0, BE: 0).");
    }
}
