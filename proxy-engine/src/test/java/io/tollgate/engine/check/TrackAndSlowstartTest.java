package io.tollgate.engine.check;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code track} follows another server's state with HAProxy's "via" wording; {@code slowstart} ramps the weight back. */
class TrackAndSlowstartTest {

    @Test
    void aTrackingServerFollowsTheTrackedOne() throws Exception {
        try (FlippingHttpServer web = new FlippingHttpServer();
             CheckedEngine e = CheckedEngine.start(CheckedEngine.HTTP_DEFAULTS + """
                     backend be
                       option httpchk
                       server s1 127.0.0.1:%1$d check inter 100 rise 1 fall 1
                       server t1 127.0.0.1:%1$d track s1
                     backend other
                       server t2 127.0.0.1:%1$d track be/t1
                     """.formatted(web.port()))) {
            CheckedEngine.await(Duration.ofSeconds(5), "s1 checked", () -> !e.checksOf("be", "s1").isEmpty());
            assertThat(e.row("be", "t1").get("status")).isEqualTo("UP");
            assertThat(e.row("be", "t1").get("tracked")).isEqualTo("be/s1");
            assertThat(e.row("other", "t2").get("tracked")).isEqualTo("be/t1");
            assertThat(e.row("be", "t1").get("check_status")).isEmpty();

            web.answer(503);
            CheckedEngine.await(Duration.ofSeconds(5), "t2 down",
                    () -> e.messages().contains("backend other has no server available!"));
            assertThat(e.row("be", "t1").get("status")).isEqualTo("DOWN");
            assertThat(e.row("other", "t2").get("status")).isEqualTo("DOWN");
            assertThat(e.messages()).containsSubsequence(
                    "Server be/t1 is DOWN via be/s1. 0 active and 0 backup servers left. 0 sessions active, 0 requeued, "
                            + "0 remaining in queue.",
                    "backend be has no server available!",
                    "Server other/t2 is DOWN via be/t1. 0 active and 0 backup servers left. 0 sessions active, "
                            + "0 requeued, 0 remaining in queue.",
                    "backend other has no server available!");

            web.answer(200);
            CheckedEngine.await(Duration.ofSeconds(5), "t2 up",
                    () -> e.messages().stream().anyMatch(m -> m.startsWith("Server other/t2 is UP")));
            assertThat(e.messages()).containsSubsequence(
                    "Server be/t1 is UP via be/s1. 2 active and 0 backup servers online. 0 sessions requeued, "
                            + "0 total in queue.",
                    "Server other/t2 is UP via be/t1. 1 active and 0 backup servers online. 0 sessions requeued, "
                            + "0 total in queue.");

            e.engine().proxies().stateChanges().setMaintenance(e.server("be", "s1"), true, "test");
            assertThat(e.row("be", "t1").get("status")).isEqualTo("MAINT (via be/s1)");
            assertThat(e.row("other", "t2").get("status")).isEqualTo("MAINT (via be/t1)");
            e.engine().proxies().stateChanges().setMaintenance(e.server("be", "s1"), false, "test");
            assertThat(e.row("be", "t1").get("status")).isEqualTo("UP");
        }
    }

    @Test
    void slowstartRampsTheWeightAfterComingBack() throws Exception {
        try (FlippingHttpServer web = new FlippingHttpServer();
             CheckedEngine e = CheckedEngine.start(CheckedEngine.HTTP_DEFAULTS + """
                     backend be
                       option httpchk
                       server s1 127.0.0.1:%d check inter 100 rise 1 fall 1 weight 100 slowstart 3s
                     """.formatted(web.port()))) {
            CheckedEngine.await(Duration.ofSeconds(5), "s1 checked", () -> !e.checksOf("be", "s1").isEmpty());
            // not at start: HAProxy only ramps servers that come back
            assertThat(e.row("be", "s1").get("weight")).isEqualTo("100");
            assertThat(e.row("be", "s1").get("throttle")).isEmpty();
            web.answer(503);
            CheckedEngine.await(Duration.ofSeconds(5), "down", () -> "DOWN".equals(e.row("be", "s1").get("status")));
            web.answer(200);
            CheckedEngine.await(Duration.ofSeconds(5), "up", () -> "UP".equals(e.row("be", "s1").get("status")));
            int weight = Integer.parseInt(e.row("be", "s1").get("weight"));
            assertThat(weight).isBetween(1, 80);
            assertThat(e.row("be", "s1").get("uweight")).isEqualTo("100");
            assertThat(Integer.parseInt(e.row("be", "s1").get("throttle"))).isBetween(0, 80);
            CheckedEngine.await(Duration.ofSeconds(10), "ramp done", () -> e.row("be", "s1").get("throttle").isEmpty());
            assertThat(e.row("be", "s1").get("weight")).isEqualTo("100");
        }
    }
}
