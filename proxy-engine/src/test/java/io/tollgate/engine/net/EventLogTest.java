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
}
