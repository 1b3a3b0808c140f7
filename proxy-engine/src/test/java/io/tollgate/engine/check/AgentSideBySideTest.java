package io.tollgate.engine.check;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tollgate and Debian's HAProxy 2.6 checking the same agents at once: after each reply the test
 * sets, both must show the same status, weights, {@code slim} and agent columns, and in the end
 * both must have printed the same state-change messages. The agents tell the two checkers apart
 * by their {@code agent-send} line.
 */
class AgentSideBySideTest {
    private static final List<String> COLUMNS = List.of("status", "weight", "uweight", "slim", "agent_status",
            "agent_code", "last_agt", "agent_desc", "agent_rise", "agent_fall", "agent_health", "check_status",
            "check_health", "chkdown");
    private static final String HAPROXY = "haproxy\n";
    private static final String TOLLGATE = "tollgate\n";

    /** Replies to s1 (a health check and an agent), then to s2 (an agent alone). */
    private static final List<String> S1_REPLIES = List.of("50%\n", "drain\n", "ready 100%\n", "maint\n", "ready\n",
            "down #going away\n", "up\n", "fail\n", "up 30% maxconn:5\n", "stopped #bye\n", "maint\n", "ready\n",
            "drain\n", "up\n", "ready\n", "abc 50.5%\n", "up 100% maxconn:0 #fine\n", "up, 7 #why\n");
    private static final List<String> S2_REPLIES = List.of("drain\n", "down\n", "ready\n", "UP\n");

    @Test
    void sameRowsAndMessagesAsHaproxy() throws Exception {
        sideBySide("", S1_REPLIES, S2_REPLIES);
    }

    @Test
    void sameAgentCheckLinesWithLogHealthChecks() throws Exception {
        sideBySide("option log-health-checks", List.of("50%\n", "drain\n", "ready\n", "0%\n", "down #gone\n",
                "down #gone\n", "up\n", "fail\n", "up 100%\n", "maint\n", "ready\n", "abc\n"), List.of("down\n", "up\n"));
    }

    private void sideBySide(String option, List<String> s1Replies, List<String> s2Replies) throws Exception {
        int statsPort = AgentCheckTest.freePort();
        try (NamedHttpServer web1 = new NamedHttpServer("s1");
             NamedHttpServer web2 = new NamedHttpServer("s2");
             TestAgent agent1 = new TestAgent(true, "up\n");
             TestAgent agent2 = new TestAgent(true, "up\n");
             HaproxyProcess haproxy = HaproxyProcess.start(config(web1, web2, agent1, agent2, "haproxy", option)
                     + "listen st\n  bind 127.0.0.1:%d\n  stats enable\n  stats uri /\n".formatted(statsPort),
                     statsPort);
             CheckedEngine tollgate = CheckedEngine.start(config(web1, web2, agent1, agent2, "tollgate", option))) {
            List<String> differences = new ArrayList<>();
            compare("start", agent1, haproxy, tollgate, differences);
            for (String reply : s1Replies) {
                agent1.reply(reply);
                compare("s1 <- " + reply.strip(), agent1, haproxy, tollgate, differences);
            }
            for (String reply : s2Replies) {
                agent2.reply(reply);
                compare("s2 <- " + reply.strip(), agent2, haproxy, tollgate, differences);
            }
            assertThat(differences).isEmpty();

            List<String> ours = tollgate.events.stream().map(ev -> ev.stderr()).filter(Objects::nonNull)
                    .map(AgentSideBySideTest::normalised).toList();
            List<String> theirs = haproxy.messages().stream().filter(AgentSideBySideTest::isStateMessage)
                    .map(AgentSideBySideTest::normalised).toList();
            // the two servers' checks interleave as timing has it: compare each one's messages in order
            assertThat(byServer(ours)).isEqualTo(byServer(theirs));
        }
    }

    private static String config(NamedHttpServer web1, NamedHttpServer web2, TestAgent agent1, TestAgent agent2,
                                 String name, String option) {
        return """
                defaults
                  mode http
                  timeout connect 1s
                  timeout client 5s
                  timeout server 5s
                backend be
                  %s
                  server s1 127.0.0.1:%d weight 10 check inter 200 agent-check agent-port %d agent-inter 150 agent-send "%s\\n"
                  server s2 127.0.0.1:%d weight 10 agent-check agent-port %d agent-inter 150 agent-send "%s\\n"
                """.formatted(option, web1.port(), agent1.port(), name, web2.port(), agent2.port(), name);
    }

    /** Waits until both checkers got the current reply a few times (so applied it), then compares the rows. */
    private static void compare(String step, TestAgent agent, HaproxyProcess haproxy, CheckedEngine tollgate,
                                List<String> differences) throws Exception {
        // three runs: also lets a health check pass after leaving maintenance, which HAProxy shows as UP 1/3 till then
        agent.awaitServed(HAPROXY, 3);
        agent.awaitServed(TOLLGATE, 3);
        for (String sv : List.of("s1", "s2")) {
            Map<String, String> theirs = settled(() -> {
                try {
                    return haproxy.csv().get("be/" + sv);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            });
            Map<String, String> ours = settled(() -> tollgate.row("be", sv));
            Map<String, String> a = pick(theirs);
            Map<String, String> b = pick(ours);
            if (!a.equals(b)) {
                differences.add(step + " " + sv + ":\n  haproxy  " + a + "\n  tollgate " + b);
            }
        }
    }

    /** A row read while no check is under way (HAProxy empties {@code last_agt} during an agent run). */
    private static Map<String, String> settled(Supplier<Map<String, String>> read) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        Map<String, String> row = read.get();
        while ((row.get("agent_status").startsWith("* ") || row.get("check_status").startsWith("* "))
                && System.nanoTime() < end) {
            Thread.sleep(5);
            row = read.get();
        }
        return row;
    }

    private static Map<String, String> pick(Map<String, String> row) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String c : COLUMNS) {
            out.put(c, row.get(c));
        }
        return out;
    }

    private static Map<String, List<String>> byServer(List<String> messages) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String m : messages) {
            String key = m.contains("be/s1") ? "s1" : m.contains("be/s2") ? "s2" : "backend";
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
        }
        return out;
    }

    private static boolean isStateMessage(String m) {
        return m.startsWith("Server ") || m.startsWith("Backup Server ") || m.startsWith("backend ")
                || m.startsWith("Agent check ") || m.startsWith("Health check ");
    }

    private static String normalised(String m) {
        return m.replaceAll("check duration: \\d+ms", "check duration: Nms");
    }
}
