package io.tollgate.engine.check;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's HAProxy 2.6 and Tollgate check the same servers with the same backends, side by
 * side, and must show the same thing: for each server the sequence of statuses, the check
 * columns once settled and the state-change lines (syslog and stderr, check durations masked).
 *
 * <p>The servers: two HTTP servers whose health URL the test flips 200 → 404 → 200, one that
 * always answers 200, a closed port ({@code L4CON}), a port that drops SYNs ({@code L4TOUT}),
 * one that accepts and stays silent ({@code L7TOUT}). Backends cover {@code option httpchk} with
 * {@code rise 2 fall 3} and {@code rise 1 fall 1}, a plain TCP check,
 * {@code option log-health-checks}, {@code http-check disable-on-404} (NOLB), {@code weight 0},
 * {@code disabled}, backup servers (also coming back while the active ones are down) and tracking
 * servers, one tracking a tracker, one a server in maintenance.
 *
 * <p>Not compared: durations, {@code lastchg} and {@code downtime} (the two start apart and are
 * sampled apart), {@code addr} (HAProxy hides it from the HTTP CSV without
 * {@code stats show-legends}, a matter of the stats page) and {@code need_conn_est}.
 *
 * <p>Robust on a slow machine: every step waits (bounded) until both sides have shown what it
 * needs before the test moves on, and the short states ({@code UP 2/3} ...) last
 * {@code fastinter}, many times HAProxy's polling period.
 */
class HaproxySideBySideTest {
    private static final Duration STEP = Duration.ofSeconds(15);
    /** Servers on the first flapping HTTP server that go DOWN and come back UP. */
    private static final List<String> FLAPPING = List.of("flap/s", "logged/a", "tracking/t", "logtrack/t", "tracklog/t",
            "chain/t", "logged1/f");
    /** Servers on the second flapping HTTP server: backups only. */
    private static final List<String> BACKUPS = List.of("backups/b", "logged/b2");
    private static final List<String> SERVERS = List.of("flap/s", "refused/c", "blackhole/b", "silent/q", "logged/a",
            "logged/bk", "logged/b2", "tracking/t", "tracking/bk", "logtrack/t", "tracklog/t", "chain/t", "logged1/f",
            "nolb/s", "backups/a", "backups/b", "drained/w", "drained/x", "maint/m", "maint/t", "maint/u");
    /** The columns that must match once checks have settled. */
    private static final List<String> COLUMNS = List.of("status", "check_status", "check_code", "check_desc",
            "last_chk", "chkfail", "chkdown", "check_rise", "check_fall", "check_health", "tracked", "act", "bck",
            "weight");

    @Test
    void haproxyAndTollgateShowTheSameChecks() throws Exception {
        try (FlippingHttpServer web = new FlippingHttpServer();
             FlippingHttpServer web2 = new FlippingHttpServer();
             FlippingHttpServer steady = new FlippingHttpServer();
             SilentServer silent = new SilentServer();
             BlackholePort blackhole = new BlackholePort()) {
            String backends = backends(web.port(), web2.port(), steady.port(), LocalPorts.unused(), blackhole.port(),
                    silent.port());
            int statsPort = LocalPorts.unused();
            StatusTrail haproxyTrail = new StatusTrail();
            StatusTrail tollgateTrail = new StatusTrail();
            try (HaproxyProcess haproxy = HaproxyProcess.start(haproxyConfig(statsPort, backends), statsPort);
                 CheckedEngine tollgate = CheckedEngine.start(DEFAULTS + backends);
                 HaproxyPoller poller = new HaproxyPoller(haproxy, haproxyTrail)) {
                tollgate.afterEachCheck(server -> tollgateTrail.record(tollgate.csv()));
                List<StatusTrail> both = List.of(haproxyTrail, tollgateTrail);

                await("first checks", both, t -> t.endsWith("refused/c", List.of("DOWN"))
                        && t.endsWith("blackhole/b", List.of("DOWN")) && t.endsWith("silent/q", List.of("DOWN"))
                        && all(t, List.of("logged/bk", "tracking/bk", "backups/a", "nolb/s", "drained/w", "maint/u"),
                        "UP")
                        && t.endsWith("drained/x", List.of("DOWN"))
                        && all(t, FLAPPING, "UP") && all(t, BACKUPS, "UP"));
                // one step at a time, so that each message counts the servers of its backend the same way
                web2.answer(404);
                await("backups down", both, t -> all(t, BACKUPS, "DOWN"));
                web.answer(404);
                await("servers down", both, t -> all(t, FLAPPING, "DOWN") && t.endsWith("nolb/s", List.of("NOLB")));
                web2.answer(200); // backups come back while the active servers are down: "Running on backup."
                await("backups up again", both, t -> all(t, BACKUPS, "UP"));
                web.answer(200);
                await("servers up again", both, t -> all(t, FLAPPING, "UP") && t.endsWith("nolb/s", List.of("UP")));
                // HAProxy's lines come through a pipe: wait for the last ones before comparing
                List<String> last = new ArrayList<>(FLAPPING);
                last.add("nolb/s");
                CheckedEngine.await(STEP, "haproxy's last lines", () -> last.stream().allMatch(s ->
                        haproxy.output().stream().anyMatch(l -> l.startsWith("<") && l.contains(s + " is UP"))));
                poller.close();

                List<String> differences = new ArrayList<>();
                for (String s : SERVERS) {
                    compare(differences, s + " statuses", haproxyTrail.statuses(s), tollgateTrail.statuses(s));
                    for (String column : COLUMNS) {
                        compare(differences, s + " " + column, haproxyTrail.settled(s).get(column),
                                tollgateTrail.settled(s).get(column));
                    }
                }
                Map<String, List<String>> theirs = StateLines.ofHaproxy(haproxy.output()).groups();
                Map<String, List<String>> ours = StateLines.ofTollgate(tollgate.events).groups();
                for (String group : new TreeSet<>(union(theirs.keySet(), ours.keySet()))) {
                    compare(differences, group, theirs.get(group), ours.get(group));
                }
                assertThat(differences).as("HAProxy vs Tollgate").isEmpty();
                // and the comparison was not of two empty records
                assertThat(haproxyTrail.statuses("flap/s"))
                        .containsExactly("UP", "UP 2/3", "UP 1/3", "DOWN", "DOWN 1/2", "UP");
                assertThat(haproxyTrail.statuses("maint/t")).containsExactly("MAINT (via maint/m)");
                assertThat(theirs.get("chain/t (syslog)")).first().asString()
                        .startsWith("<1>Server chain/t is DOWN via tracking/t. 0 active and 0 backup servers left.");
                assertThat(theirs.get("backups/b (syslog)")).first().asString()
                        .startsWith("<1>Backup Server backups/b is DOWN, reason: Layer7 wrong status, code: 404");
                assertThat(theirs.get("logged/b2 (syslog)")).contains("<5>Backup Server logged/b2 is UP. 0 active "
                        + "and 2 backup servers online. Running on backup. 0 sessions requeued, 0 total in queue.");
            }
        }
    }

    private static final String DEFAULTS = """
            defaults
              mode http
              timeout connect 3s
              timeout client 5s
              timeout server 5s
              timeout check 3s
            """;

    /**
     * The backends both run. The flapping servers stay in each state at least {@code fastinter};
     * each backend's other servers are steady, so the counts in its messages are fixed. Timeouts
     * are long (the test's HTTP servers may answer late on a loaded machine) except where a
     * timeout is what is checked.
     */
    private static String backends(int web, int web2, int steady, int closed, int blackhole, int silent) {
        return """
                backend flap
                  option httpchk GET /health
                  server s 127.0.0.1:%1$d check inter 400 fastinter 700 downinter 700 rise 2 fall 3
                backend refused
                  server c 127.0.0.1:%4$d check inter 300 rise 2 fall 3
                backend blackhole
                  timeout connect 400ms
                  server b 127.0.0.1:%5$d check inter 1000 rise 2 fall 3
                backend silent
                  timeout connect 400ms
                  timeout check 300ms
                  option httpchk GET /
                  server q 127.0.0.1:%6$d check inter 1000 rise 2 fall 3
                backend logged
                  option log-health-checks
                  option httpchk GET /
                  server a 127.0.0.1:%1$d check inter 400 fastinter 700 downinter 700 rise 2 fall 3
                  server bk 127.0.0.1:%3$d check inter 500 rise 2 fall 3 backup
                  server b2 127.0.0.1:%2$d check inter 400 fastinter 700 downinter 700 rise 2 fall 3 backup
                backend tracking
                  option httpchk GET /
                  server t 127.0.0.1:%1$d track flap/s
                  server bk 127.0.0.1:%3$d check inter 500 backup
                backend logtrack
                  option log-health-checks
                  server t 127.0.0.1:%1$d track flap/s
                backend tracklog
                  server t 127.0.0.1:%1$d track logged/a
                backend chain
                  server t 127.0.0.1:%1$d track tracking/t
                backend logged1
                  option log-health-checks
                  option httpchk GET /
                  server f 127.0.0.1:%1$d check inter 400 fastinter 700 downinter 700 rise 1 fall 1
                backend nolb
                  option httpchk GET /
                  http-check disable-on-404
                  server s 127.0.0.1:%1$d check inter 400 fastinter 700 downinter 700 rise 2 fall 3
                backend backups
                  option httpchk GET /
                  server a 127.0.0.1:%3$d check inter 500
                  server b 127.0.0.1:%2$d check inter 400 fastinter 700 downinter 700 rise 2 fall 3 backup
                backend drained
                  option log-health-checks
                  option httpchk GET /
                  server w 127.0.0.1:%3$d check inter 500 weight 0
                  server x 127.0.0.1:%4$d check inter 500 weight 0
                backend maint
                  option httpchk GET /
                  server m 127.0.0.1:%3$d check inter 500 disabled
                  server t 127.0.0.1:%3$d track maint/m
                  server u 127.0.0.1:%3$d check inter 500
                """.formatted(web, web2, steady, closed, blackhole, silent);
    }

    private static String haproxyConfig(int statsPort, String backends) {
        return """
                global
                  log stderr format short local0
                %s
                  log global
                listen st
                  bind 127.0.0.1:%d
                  stats enable
                  stats uri /
                %s""".formatted(DEFAULTS.strip(), statsPort, backends);
    }

    /** Whether each of {@code servers} shows {@code status} last. */
    private static boolean all(StatusTrail trail, List<String> servers, String status) {
        return servers.stream().allMatch(s -> trail.endsWith(s, List.of(status)));
    }

    private interface TrailCondition {
        boolean holds(StatusTrail trail);
    }

    private static void await(String what, List<StatusTrail> trails, TrailCondition condition)
            throws InterruptedException {
        BooleanSupplier all = () -> trails.stream().allMatch(condition::holds);
        try {
            CheckedEngine.await(STEP, what, all);
        } catch (AssertionError e) {
            StringBuilder b = new StringBuilder(e.getMessage());
            for (String s : SERVERS) {
                b.append("\n  ").append(s).append(": haproxy ").append(trails.get(0).statuses(s))
                        .append(", tollgate ").append(trails.get(1).statuses(s));
            }
            throw new AssertionError(b.toString(), e);
        }
    }

    private static void compare(List<String> differences, String what, Object haproxy, Object tollgate) {
        if (!Objects.equals(haproxy, tollgate)) {
            differences.add(what + ":\n    haproxy:  " + haproxy + "\n    tollgate: " + tollgate);
        }
    }

    private static TreeSet<String> union(Set<String> a, Set<String> b) {
        TreeSet<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
