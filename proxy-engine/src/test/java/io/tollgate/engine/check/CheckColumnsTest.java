package io.tollgate.engine.check;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check columns before the first check and while a check runs, as HAProxy 2.6.12 shows
 * them (polled from its CSV): at start {@code UP 1/3} with {@code INI}; while a run is under way
 * the previous status with {@code * }, its code reset to 0 and its text cleared.
 */
class CheckColumnsTest {

    @Test
    void beforeTheFirstCheckAndWhileOneRuns() throws Exception {
        try (FlippingHttpServer web = new FlippingHttpServer()) {
            web.answer(404);
            try (CheckedEngine e = CheckedEngine.start("""
                     defaults
                       mode http
                       timeout connect 2s
                       timeout check 2s
                     backend b
                       option httpchk GET /
                       server first 127.0.0.1:%1$d check inter 20s rise 2 fall 3
                       server second 127.0.0.1:%1$d check inter 20s rise 2 fall 3
                     """.formatted(web.port()))) {
            // two servers over 20 s: the second is first checked 10 s after start
            Map<String, String> waiting = e.row("b", "second");
            assertThat(waiting).containsEntry("status", "UP 1/3").containsEntry("check_status", "INI")
                    .containsEntry("check_desc", "Initializing").containsEntry("check_code", "")
                    .containsEntry("check_duration", "").containsEntry("last_chk", "")
                    .containsEntry("chkfail", "0").containsEntry("chkdown", "0");

            CheckedEngine.await(Duration.ofSeconds(10), "first check", () -> !e.checksOf("b", "first").isEmpty());
            Map<String, String> done = e.checksOf("b", "first").get(0).row();
            assertThat(done).containsEntry("check_status", "L7STS").containsEntry("check_code", "404")
                    .containsEntry("last_chk", "Not Found");
            // the next run is 20 s away: mark one under way as the check does when it starts
            e.server("b", "first").check().setRunning(true);
            Map<String, String> running = e.row("b", "first");
            assertThat(running).containsEntry("check_status", "* L7STS").containsEntry("check_code", "0")
                    .containsEntry("last_chk", "").containsEntry("check_desc", "Layer7 wrong status")
                    .containsEntry("check_duration", done.get("check_duration"));
            }
        }
    }
}
