package io.tollgate.engine.check;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Agent checks against a real agent on 127.0.0.1 whose reply the test changes, with traffic
 * through a frontend to JDK HTTP servers: each word's effect on the stats row, the state-change
 * messages and where balanced requests go, as HAProxy 2.6.12 showed them for the same replies.
 */
class AgentCheckTest {
    private static final String DEFAULTS = """
            defaults
              mode http
              timeout connect 1s
              timeout client 5s
              timeout server 5s
            """;

    @Test
    void weightDrainMaintDownAndUpFromTheAgent() throws Exception {
        try (NamedHttpServer web1 = new NamedHttpServer("s1");
             NamedHttpServer web2 = new NamedHttpServer("s2");
             TestAgent agent = new TestAgent(false, "up\n");
             CheckedEngine e = CheckedEngine.start(DEFAULTS + """
                     frontend fe
                       bind 127.0.0.1:%d
                       default_backend be
                     backend be
                       server s1 127.0.0.1:%d weight 10 agent-check agent-port %d agent-inter 100
                       server s2 127.0.0.1:%d weight 10
                     """.formatted(freePort(), web1.port(), agent.port(), web2.port()))) {
            int fe = e.engine().boundAddresses("fe").get(0).getPort();
            CheckedEngine.Seen first = e.nextAgentRun("be", "s1");
            assertThat(first.row()).containsEntry("status", "no check").containsEntry("agent_status", "L7OK")
                    .containsEntry("agent_code", "0").containsEntry("last_agt", "via agent : up")
                    .containsEntry("agent_desc", "Layer7 check passed").containsEntry("agent_rise", "1")
                    .containsEntry("agent_fall", "1").containsEntry("agent_health", "1");

            agent.reply("50%\n");
            assertThat(e.nextAgentRun("be", "s1").row()).containsEntry("weight", "5").containsEntry("uweight", "5")
                    .containsEntry("agent_status", "CHECKED").containsEntry("agent_code", "")
                    .containsEntry("agent_desc", "No status change").containsEntry("last_agt", "");
            Map<String, Integer> share = spread(fe, 30);
            assertThat(share.get("s1")).isBetween(8, 12);

            agent.reply("drain\n");
            assertThat(e.nextAgentRun("be", "s1").status()).isEqualTo("DRAIN (agent)");
            assertThat(spread(fe, 10)).containsOnlyKeys("s2");

            agent.reply("ready 100%\n");
            assertThat(e.nextAgentRun("be", "s1").row()).containsEntry("status", "no check")
                    .containsEntry("weight", "10");
            assertThat(spread(fe, 10)).containsOnlyKeys("s1", "s2");

            agent.reply("maint\n");
            // the agent keeps running in maintenance, and its columns stay
            assertThat(e.nextAgentRun("be", "s1").row()).containsEntry("status", "MAINT")
                    .containsEntry("agent_status", "CHECKED").containsEntry("agent_health", "1");
            assertThat(spread(fe, 10)).containsOnlyKeys("s2");

            agent.reply("ready\n");
            assertThat(e.nextAgentRun("be", "s1").status()).isEqualTo("no check");

            agent.reply("down #going away\n");
            CheckedEngine.Seen down = e.nextAgentRun("be", "s1");
            assertThat(down.row()).containsEntry("status", "DOWN (agent)").containsEntry("agent_status", "L7STS")
                    .containsEntry("agent_code", "0").containsEntry("last_agt", "via agent : down (going away)")
                    .containsEntry("agent_desc", "Layer7 wrong status").containsEntry("agent_health", "0");
            assertThat(spread(fe, 10)).containsOnlyKeys("s2");

            agent.reply("up\n");
            assertThat(e.nextAgentRun("be", "s1").status()).isEqualTo("no check");
            assertThat(spread(fe, 10)).containsOnlyKeys("s1", "s2");
            CheckedEngine.Seen up = e.agentsOf("be", "s1").stream()
                    .filter(s -> s.status().equals("no check") && s.row().get("agent_status").equals("L7OK"))
                    .reduce((a, b) -> b).orElseThrow();

            assertThat(e.messages()).containsExactly(
                    "Server be/s1 enters drain state. 1 active and 0 backup servers online. 0 sessions requeued, "
                            + "0 total in queue.",
                    "Server be/s1 is UP (leaving forced drain).",
                    "Server be/s1 is going DOWN for maintenance. 1 active and 0 backup servers left. 0 sessions "
                            + "active, 0 requeued, 0 remaining in queue.",
                    "Server be/s1 is UP/READY (leaving forced maintenance).",
                    "Server be/s1 is DOWN, reason: Layer7 wrong status, code: 0, info: \"via agent : down (going away)\", "
                            + "check duration: " + duration(e, down) + "ms. 1 active and 0 backup servers left. "
                            + "0 sessions active, 0 requeued, 0 remaining in queue.",
                    "Server be/s1 is UP, reason: Layer7 check passed, code: 0, info: \"via agent : up\", check duration: "
                            + duration(e, up) + "ms. 2 active and 0 backup servers online. 0 sessions requeued, "
                            + "0 total in queue.");
        }
    }

    @Test
    void maxconnFromTheAgentHoldsRequestsInTheQueue() throws Exception {
        try (NamedHttpServer web = new NamedHttpServer("h");
             TestAgent agent = new TestAgent(false, "maxconn:3\n");
             CheckedEngine e = CheckedEngine.start(DEFAULTS + """
                     frontend fe
                       bind 127.0.0.1:%d
                       default_backend one
                     backend one
                       timeout queue 10s
                       server h 127.0.0.1:%d agent-check agent-port %d agent-inter 100
                     """.formatted(freePort(), web.port(), agent.port()))) {
            int fe = e.engine().boundAddresses("fe").get(0).getPort();
            assertThat(e.nextAgentRun("one", "h").row()).containsEntry("slim", "3");
            ExecutorService pool = Executors.newFixedThreadPool(5);
            try {
                List<Future<String>> answers = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    answers.add(pool.submit(() -> NamedHttpServer.get(fe, "/hold")));
                }
                // with every server full, requests wait in the backend's queue
                CheckedEngine.await(java.time.Duration.ofSeconds(5), "3 served and 2 queued",
                        () -> e.row("one", "h").get("scur").equals("3") && e.row("one", "BACKEND").get("qcur").equals("2"));
                web.release();
                for (Future<String> a : answers) {
                    assertThat(a.get(10, TimeUnit.SECONDS)).isEqualTo("h");
                }
                assertThat(e.row("one", "h")).containsEntry("smax", "3");
            } finally {
                pool.shutdownNow();
            }
            agent.reply("maxconn:0\n");
            assertThat(e.nextAgentRun("one", "h").row()).containsEntry("slim", "");
        }
    }

    @Test
    void anUnreachableOrSilentAgentLeavesTheServerUp() throws Exception {
        int closed = freePort();
        try (NamedHttpServer web = new NamedHttpServer("s1");
             TestAgent agent = new TestAgent(false, "down");
             CheckedEngine e = CheckedEngine.start(DEFAULTS + """
                     backend be
                       server s1 127.0.0.1:%d check inter 100 agent-check agent-port %d agent-inter 100
                       server s2 127.0.0.1:%d agent-check agent-port %d agent-inter 100
                     """.formatted(web.port(), closed, web.port(), agent.port()))) {
            CheckedEngine.Seen refused = e.nextAgentRun("be", "s1");
            assertThat(refused.row()).containsEntry("status", "UP").containsEntry("agent_status", "L4CON")
                    .containsEntry("agent_code", "").containsEntry("last_agt", "Connection refused")
                    .containsEntry("agent_desc", "Layer4 connection problem").containsEntry("agent_health", "1");

            // a line without its end is ignored, keeping the previous status
            CheckedEngine.Seen incomplete = e.nextAgentRun("be", "s2");
            assertThat(incomplete.row()).containsEntry("status", "no check").containsEntry("agent_status", "INI")
                    .containsEntry("last_agt", AgentEffects.INCOMPLETE);
            agent.reply("up\n");
            e.nextAgentRun("be", "s2");
            agent.reply("down");
            assertThat(e.nextAgentRun("be", "s2").row()).containsEntry("status", "no check")
                    .containsEntry("agent_status", "L7OK").containsEntry("last_agt", AgentEffects.INCOMPLETE);
            agent.reply("");
            assertThat(e.nextAgentRun("be", "s2").row()).containsEntry("status", "no check")
                    .containsEntry("agent_status", "L7RSP").containsEntry("last_agt", AgentProtocol.EMPTY_RESPONSE);
            assertThat(e.messages()).isEmpty();
        }
    }

    @Test
    void theServerIsUpOnlyWhenHealthCheckAndAgentAgree() throws Exception {
        try (FlippingHttpServer web = new FlippingHttpServer();
             TestAgent agent = new TestAgent(false, "up\n");
             CheckedEngine e = CheckedEngine.start(DEFAULTS + """
                     backend be
                       option httpchk GET /
                       server s1 127.0.0.1:%d check inter 100 agent-check agent-port %d agent-inter 100
                     """.formatted(web.port(), agent.port()))) {
            e.nextAgentRun("be", "s1");
            agent.reply("down\n");
            assertThat(e.nextAgentRun("be", "s1").status()).isEqualTo("DOWN (agent)");
            // passing health checks do not lift what the agent said
            int checks = e.checksOf("be", "s1").size();
            CheckedEngine.await(java.time.Duration.ofSeconds(5), "health checks",
                    () -> e.checksOf("be", "s1").size() >= checks + 3);
            assertThat(e.row("be", "s1")).containsEntry("status", "DOWN (agent)")
                    .containsEntry("check_status", "L7OK").containsEntry("check_health", "4");

            agent.reply("up\n");
            assertThat(e.nextAgentRun("be", "s1").status()).isEqualTo("UP");

            // nor does an agent saying up lift a failed health check
            web.answer(503);
            CheckedEngine.await(java.time.Duration.ofSeconds(5), "down by health check",
                    () -> e.row("be", "s1").get("status").equals("DOWN"));
            e.nextAgentRun("be", "s1");
            assertThat(e.row("be", "s1")).containsEntry("status", "DOWN").containsEntry("agent_status", "L7OK");
            web.answer(200);
            CheckedEngine.await(java.time.Duration.ofSeconds(5), "up again",
                    () -> e.row("be", "s1").get("status").equals("UP"));
        }
    }

    @Test
    void logHealthChecksReportsAgentRuns() throws Exception {
        try (TestAgent agent = new TestAgent(false, "up\n");
             CheckedEngine e = CheckedEngine.start(DEFAULTS + """
                     backend be
                       option log-health-checks
                       server s1 127.0.0.1:%d agent-check agent-port %d agent-inter 100
                     """.formatted(agent.port(), agent.port()))) {
            assertThat(e.engine().proxies().backend("be").config().hasOption("log-health-checks")).isTrue();
            CheckedEngine.Seen up = e.nextAgentRun("be", "s1");
            agent.reply("0%\n");
            e.nextAgentRun("be", "s1");
            agent.reply("down\n");
            CheckedEngine.Seen down = e.nextAgentRun("be", "s1");
            agent.reply("up\n");
            CheckedEngine.Seen back = e.nextAgentRun("be", "s1");
            assertThat(e.messages()).containsExactly(
                    "Agent check for server be/s1 succeeded, reason: Layer7 check passed, code: 0, info: \"via agent : "
                            + "up\", check duration: " + e.agentsOf("be", "s1").get(0).result().durationMillis()
                            + "ms, status: 1/1 UP.",
                    "Agent check for server be/s1 failed, reason: Layer7 wrong status, code: 0, info: \"via agent : "
                            + "down\", check duration: " + duration(e, down) + "ms, status: 0/1 DOWN.",
                    "Server be/s1 is DOWN. 0 active and 0 backup servers left. 0 sessions active, 0 requeued, "
                            + "0 remaining in queue.",
                    // weight 0 already took it out of the count: no "has no server available"
                    // weight 0: HAProxy says DRAIN in this line
                    "Agent check for server be/s1 succeeded, reason: Layer7 check passed, code: 0, info: \"via agent : "
                            + "up\", check duration: " + duration(e, back) + "ms, status: 1/1 DRAIN.",
                    "Server be/s1 is UP. 0 active and 0 backup servers online. 0 sessions requeued, 0 total in queue.");
            assertThat(up.row()).containsEntry("agent_status", "L7OK");
        }
    }

    /** The duration of the first run that gave the same result as {@code seen} (the one that changed the state). */
    private static long duration(CheckedEngine e, CheckedEngine.Seen seen) {
        List<CheckedEngine.Seen> all = e.agentsOf(seen.server().split("/")[0], seen.server().split("/")[1]);
        int i = all.indexOf(seen);
        while (i > 0 && all.get(i - 1).result().info().equals(seen.result().info())
                && all.get(i - 1).result().status() == seen.result().status()) {
            i--;
        }
        return all.get(i).result().durationMillis();
    }

    /** A port nobody listens on (now). */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Where {@code n} balanced requests went: server name to count. */
    private static Map<String, Integer> spread(int port, int n) throws Exception {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < n; i++) {
            seen.merge(NamedHttpServer.get(port, "/"), 1, Integer::sum);
        }
        return seen;
    }
}
