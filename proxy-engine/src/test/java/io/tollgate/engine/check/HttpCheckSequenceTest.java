package io.tollgate.engine.check;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real HTTP server whose health URL flips between 200 and 404 gives HAProxy 2.6.12's sequence
 * of statuses for {@code rise 2 fall 3}, check by check, with its LastChk strings and
 * state-change messages.
 */
class HttpCheckSequenceTest {

    @Test
    void flippingHealthUrlGivesHaproxysSequence() throws Exception {
        try (FlippingHttpServer web = new FlippingHttpServer();
             CheckedEngine e = CheckedEngine.start(CheckedEngine.HTTP_DEFAULTS + """
                     backend app
                       option httpchk GET /health
                       server web 127.0.0.1:%d check inter 200 rise 2 fall 3
                     """.formatted(web.port()))) {
            // at start HAProxy sits at health = rise: the first pass takes it to the top
            CheckedEngine.await(Duration.ofSeconds(5), "first check", () -> e.checksOf("app", "web").size() >= 1);
            assertThat(e.checksOf("app", "web").get(0).status()).isEqualTo("UP");
            web.answer(404);
            int from = e.checksOf("app", "web").size();
            CheckedEngine.await(Duration.ofSeconds(5), "three failed checks",
                    () -> e.checksOf("app", "web").stream().skip(from).filter(s -> s.result().code() == 404).count() >= 3);
            web.answer(200);
            // wait for the recorded check, not the live status: the stats show UP a moment before it is recorded
            CheckedEngine.await(Duration.ofSeconds(5), "back up", () -> {
                List<CheckedEngine.Seen> all = e.checksOf("app", "web");
                return all.get(all.size() - 1).status().equals("UP")
                        && all.stream().anyMatch(s -> s.status().equals("DOWN"));
            });
            CheckedEngine.await(Duration.ofSeconds(5), "the UP message",
                    () -> e.messages().stream().anyMatch(m -> m.startsWith("Server app/web is UP")));

            List<CheckedEngine.Seen> seen = e.checksOf("app", "web");
            List<String> statuses = seen.stream().map(CheckedEngine.Seen::status).toList();
            // collapse the repeats of steady states: what an operator refreshing the page sees
            List<String> transitions = new java.util.ArrayList<>();
            for (String s : statuses) {
                if (transitions.isEmpty() || !transitions.get(transitions.size() - 1).equals(s)) {
                    transitions.add(s);
                }
            }
            assertThat(transitions).containsExactly("UP", "UP 2/3", "UP 1/3", "DOWN", "DOWN 1/2", "UP");

            CheckedEngine.Seen down = seen.stream().filter(s -> s.status().equals("DOWN")).findFirst().orElseThrow();
            assertThat(down.row().get("check_status")).isEqualTo("L7STS");
            assertThat(down.row().get("check_code")).isEqualTo("404");
            assertThat(down.row().get("check_desc")).isEqualTo("Layer7 wrong status");
            assertThat(down.row().get("last_chk")).isEqualTo("Not Found");
            assertThat(down.lastChk()).matches("L7STS/404 in \\d+ms");
            CheckedEngine.Seen up = seen.get(seen.size() - 1);
            assertThat(up.lastChk()).matches("L7OK/200 in \\d+ms");
            assertThat(up.row().get("last_chk")).isEmpty();
            assertThat(up.row().get("chkfail")).isEqualTo("3");
            assertThat(up.row().get("chkdown")).isEqualTo("1");
            assertThat(web.lastRequestLine).isEqualTo("GET /health HTTP/1.0");

            assertThat(e.messages()).containsSubsequence(
                    "Server app/web is DOWN, reason: Layer7 wrong status, code: 404, info: \"Not Found\", check duration: "
                            + down.result().durationMillis() + "ms. 0 active and 0 backup servers left. 0 sessions active, "
                            + "0 requeued, 0 remaining in queue.",
                    "backend app has no server available!",
                    "Server app/web is UP, reason: Layer7 check passed, code: 200, check duration: "
                            + up.result().durationMillis() + "ms. 1 active and 0 backup servers online. 0 sessions "
                            + "requeued, 0 total in queue.");
        }
    }
}
