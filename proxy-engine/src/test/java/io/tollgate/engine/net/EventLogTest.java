package io.tollgate.engine.net;

import io.tollgate.engine.admin.AccessLevel;
import io.tollgate.engine.admin.Actor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.tollgate.engine.net.RunningEngine.freePort;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * State-change events leave the engine as syslog datagrams on the targets HAProxy 2.6 uses: a
 * server's events on its backend's own {@code log} lines (none when it has none), a frontend's
 * pause, resume and stop on the frontend's, configuration warnings on the global ones; each
 * target filters and caps levels and renders its format with {@code log-tag} and
 * {@code log-send-hostname}.
 */
class EventLogTest {
    private static final Actor ADMIN = new Actor("ops", "test", "test", AccessLevel.ADMIN);
    private static final long PID = ProcessHandle.current().pid();
    /** {@code local} and {@code rfc3164} headers: PRI, date, optional host, tag[pid]. */
    private static final Pattern BSD = Pattern.compile(
            "<(\\d+)>\\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d (?:(\\S+) )?(\\S+)\\[(\\d+)\\]: (.*)");

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

    /**
     * {@code <PRI>message} of a {@code local}/{@code rfc3164} line whose host (null: none) and tag
     * are the expected ones; check durations read {@code Nms}, as they vary.
     */
    static String body(String line, String host, String tag) {
        Matcher m = BSD.matcher(line);
        assertThat(m.matches()).as("a syslog line with a BSD header: %s", line).isTrue();
        assertThat(m.group(2)).as("hostname of %s", line).isEqualTo(host);
        assertThat(m.group(3)).as("tag of %s", line).isEqualTo(tag);
        assertThat(Long.parseLong(m.group(4))).as("pid of %s", line).isEqualTo(PID);
        return "<" + m.group(1) + ">" + normalised(m.group(5));
    }

    static String normalised(String message) {
        return message.replaceAll("check duration: \\d+ms", "check duration: Nms");
    }

    private static List<String> bodies(List<String> lines, String host, String tag) {
        return lines.stream().map(l -> body(l, host, tag)).toList();
    }

    private static String cli(RunningEngine engine, String command) {
        return engine.engine().runtimeApi().execute(command, ADMIN);
    }

    private static void awaitStatus(RunningEngine engine, String backend, String server, String status) {
        for (int i = 0; i < 200 && !engine.row(backend, server).get("status").startsWith(status); i++) {
            RunningEngine.sleep(50);
        }
        assertThat(engine.row(backend, server).get("status")).startsWith(status);
    }

    @Test
    void serverEventsGoToTheBackendsTargetsAndFrontendEventsToTheFrontends() throws Exception {
        RestartableHttpServer s1 = closed(new RestartableHttpServer());
        SyslogReceiver global = closed(new SyslogReceiver());
        SyslogReceiver be = closed(new SyslogReceiver());
        RunningEngine engine = closed(RunningEngine.start("""
                global
                    log 127.0.0.1:%d local0
                    hard-stop-after 10s
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
                    log 127.0.0.1:%d local2
                    server s1 127.0.0.1:%d check inter 100 fall 1 rise 1
                backend quiet
                    server q1 127.0.0.1:%d check inter 100 fall 1 rise 1
                """.formatted(global.port(), freePort(), be.port(), s1.port(), freePort())));

        // quiet has no log line: its server going DOWN is logged nowhere, not even globally
        awaitStatus(engine, "quiet", "q1", "DOWN");
        s1.stop();
        be.await(2);
        s1.start();
        List<String> beLines = be.await(3);
        assertThat(cli(engine, "disable frontend fe")).isEmpty();
        assertThat(cli(engine, "enable frontend fe")).isEmpty();
        cli(engine, "shutdown frontend fe");
        List<String> globalLines = global.await(4);

        assertThat(bodies(beLines, null, "tollgate")).containsExactly(
                "<145>Server be/s1 is DOWN, reason: Layer4 connection problem, info: \"Connection refused\", "
                        + "check duration: Nms. 0 active and 0 backup servers left. 0 sessions active, 0 requeued, "
                        + "0 remaining in queue.",
                "<144>backend be has no server available!",
                "<149>Server be/s1 is UP, reason: Layer4 check passed, check duration: Nms. 1 active and 0 backup "
                        + "servers online. 0 sessions requeued, 0 total in queue.");
        assertThat(bodies(globalLines, null, "tollgate")).containsExactly(
                "<132>parsing [" + globalLines.get(0).replaceAll(".*parsing \\[([^]]+)\\].*", "$1") + "] : "
                        + "'hard-stop-after' is not supported yet by Tollgate, ignored",
                "<132>Paused frontend fe.",
                "<132>Resumed frontend fe.",
                "<132>Proxy fe stopped (cumulated conns: FE: 0, BE: 0).");
        RunningEngine.sleep(200);
        assertThat(global.lines()).hasSize(4);
        assertThat(be.lines()).hasSize(3);
    }

    @Test
    void adminChangesAreFilteredAndCappedByEachTargetWithTheTagsAndHostname() throws Exception {
        RestartableHttpServer s1 = closed(new RestartableHttpServer());
        SyslogReceiver global = closed(new SyslogReceiver());
        SyslogReceiver all = closed(new SyslogReceiver());
        SyslogReceiver alerts = closed(new SyslogReceiver());
        SyslogReceiver capped = closed(new SyslogReceiver());
        RunningEngine engine = closed(RunningEngine.start("""
                global
                    log-tag evtag
                    log-send-hostname evhost
                    log 127.0.0.1:%d local0
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
                    log-tag betag
                    log 127.0.0.1:%d local3
                    log 127.0.0.1:%d format local local4 alert
                    log 127.0.0.1:%d format short local5 debug warning
                    log global
                    server s1 127.0.0.1:%d
                """.formatted(global.port(), freePort(), all.port(), alerts.port(), capped.port(), s1.port())));

        assertThat(cli(engine, "disable server be/s1")).isEmpty();
        assertThat(cli(engine, "enable server be/s1")).isEmpty();
        all.await(3);
        global.await(3);
        assertThat(cli(engine, "disable frontend fe")).isEmpty();
        List<String> globalLines = global.await(4);

        String down = "Server be/s1 is going DOWN for maintenance. 0 active and 0 backup servers left. "
                + "0 sessions active, 0 requeued, 0 remaining in queue.";
        String empty = "backend be has no server available!";
        String back = "Server be/s1 is UP/READY (leaving forced maintenance).";
        // no format given and log-send-hostname: rfc3164 with the hostname; local1 * 8 + level
        assertThat(bodies(all.await(3), "evhost", "betag"))
                .containsExactly("<153>" + down, "<152>" + empty, "<157>" + back);
        // max level alert: the notice is not sent; format local: no hostname
        assertThat(bodies(alerts.await(2), null, "betag")).containsExactly("<161>" + down, "<160>" + empty);
        // min level warning: alert and emerg are sent as warning; short: the level alone
        assertThat(capped.await(3)).containsExactly("<4>" + down, "<4>" + empty, "<5>" + back);
        // log global in the backend: the global target with the backend's tag; the frontend's with the global tag
        assertThat(bodies(globalLines.subList(0, 3), "evhost", "betag"))
                .containsExactly("<129>" + down, "<128>" + empty, "<133>" + back);
        assertThat(body(globalLines.get(3), "evhost", "evtag")).isEqualTo("<132>Paused frontend fe.");
        RunningEngine.sleep(200);
        assertThat(alerts.lines()).hasSize(2);
    }

    @Test
    void healthCheckLinesAreLoggedWithOptionLogHealthChecks() throws Exception {
        RestartableHttpServer s1 = closed(new RestartableHttpServer());
        SyslogReceiver be = closed(new SyslogReceiver());
        RunningEngine engine = closed(RunningEngine.start("""
                defaults
                    mode http
                    timeout connect 1s
                    timeout client 5s
                    timeout server 5s
                frontend fe
                    bind 127.0.0.1:%d
                    default_backend be
                backend be
                    option log-health-checks
                    log 127.0.0.1:%d local0
                    server s1 127.0.0.1:%d check inter 100 fall 2 rise 2
                """.formatted(freePort(), be.port(), s1.port())));
        // the first result is logged too: the status moved from none to L4OK
        be.await(1);
        s1.stop();
        be.await(5);
        s1.start();
        List<String> lines = be.await(8);
        String refused = "reason: Layer4 connection problem, info: \"Connection refused\", check duration: Nms";
        assertThat(bodies(lines, null, "tollgate")).containsExactly(
                "<133>Health check for server be/s1 succeeded, reason: Layer4 check passed, check duration: Nms, "
                        + "status: 2/2 UP.",
                "<133>Health check for server be/s1 failed, " + refused + ", status: 1/2 UP.",
                "<133>Health check for server be/s1 failed, " + refused + ", status: 0/2 DOWN.",
                "<129>Server be/s1 is DOWN. 0 active and 0 backup servers left. 0 sessions active, 0 requeued, "
                        + "0 remaining in queue.",
                "<128>backend be has no server available!",
                "<133>Health check for server be/s1 succeeded, reason: Layer4 check passed, check duration: Nms, "
                        + "status: 1/2 DOWN.",
                "<133>Health check for server be/s1 succeeded, reason: Layer4 check passed, check duration: Nms, "
                        + "status: 2/2 UP.",
                "<133>Server be/s1 is UP. 1 active and 0 backup servers online. 0 sessions requeued, 0 total in queue.");
    }

    @Test
    void whatIsRaisedJustBeforeStoppingIsDeliveredAndStoppingLogsNothing() throws Exception {
        RestartableHttpServer s1 = closed(new RestartableHttpServer());
        SyslogReceiver global = closed(new SyslogReceiver());
        RunningEngine engine = RunningEngine.start("""
                global
                    log 127.0.0.1:%d local0
                defaults
                    mode http
                    log global
                    timeout connect 1s
                    timeout client 5s
                    timeout server 5s
                frontend fe
                    bind 127.0.0.1:%d
                    default_backend be
                backend be
                    server s1 127.0.0.1:%d
                """.formatted(global.port(), freePort(), s1.port()));
        try {
            assertThat(cli(engine, "disable server be/s1")).isEmpty();
        } finally {
            // as HAProxy on SIGTERM: no message of its own, and the queued ones still go out
            engine.close();
        }
        assertThat(bodies(global.await(2), null, "tollgate")).containsExactly(
                "<129>Server be/s1 is going DOWN for maintenance. 0 active and 0 backup servers left. "
                        + "0 sessions active, 0 requeued, 0 remaining in queue.",
                "<128>backend be has no server available!");
        RunningEngine.sleep(200);
        assertThat(global.lines()).hasSize(2);
    }
}
