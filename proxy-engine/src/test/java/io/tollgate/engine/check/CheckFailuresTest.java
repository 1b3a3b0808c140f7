package io.tollgate.engine.check;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three ways a check fails without an answer, as HAProxy 2.6 reports them (compared side by
 * side in {@link HaproxySideBySideTest}): a refused connect ({@code L4CON}, "Connection
 * refused"), a connect that never completes ({@code L4TOUT} after {@code timeout connect}, or
 * {@code inter} when shorter), a server that accepts and stays silent ({@code L7TOUT} after
 * {@code timeout check}).
 */
class CheckFailuresTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void refusedConnectIsL4conWithTheSystemsText() throws Exception {
        try (CheckedEngine e = CheckedEngine.start("""
                defaults
                  timeout connect 2s
                  timeout check 2s
                backend b
                  server s 127.0.0.1:%d check inter 5s
                """.formatted(LocalPorts.unused()))) {
            CheckedEngine.await(WAIT, "first check", () -> !e.checksOf("b", "s").isEmpty());
            CheckedEngine.Seen first = e.checksOf("b", "s").get(0);
            assertThat(first.row()).containsEntry("status", "DOWN").containsEntry("check_status", "L4CON")
                    .containsEntry("check_desc", "Layer4 connection problem")
                    .containsEntry("last_chk", "Connection refused").containsEntry("check_code", "")
                    .containsEntry("chkfail", "1").containsEntry("chkdown", "1");
            assertThat(e.messages()).contains("Server b/s is DOWN, reason: Layer4 connection problem, info: "
                    + "\"Connection refused\", check duration: " + first.result().durationMillis()
                    + "ms. 0 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.");
        }
    }

    /** {@code timeout connect} bounds the connect when shorter than {@code inter}, {@code inter} when not. */
    @Test
    void connectThatNeverCompletesIsL4toutAfterTheConnectTimeout() throws Exception {
        try (BlackholePort blackhole = new BlackholePort();
             CheckedEngine e = CheckedEngine.start("""
                     defaults
                       timeout check 5s
                     backend short_connect
                       timeout connect 500ms
                       server s 127.0.0.1:%1$d check inter 3s
                     backend short_inter
                       timeout connect 5s
                       server s 127.0.0.1:%1$d check inter 800
                     """.formatted(blackhole.port()))) {
            CheckedEngine.await(WAIT, "first checks", () -> !e.checksOf("short_connect", "s").isEmpty()
                    && !e.checksOf("short_inter", "s").isEmpty());
            CheckedEngine.Seen connect = e.checksOf("short_connect", "s").get(0);
            assertThat(connect.row()).containsEntry("check_status", "L4TOUT")
                    .containsEntry("check_desc", "Layer4 timeout")
                    .containsEntry("last_chk", "").containsEntry("status", "DOWN");
            assertThat(connect.result().durationMillis()).isBetween(490L, 2500L);
            CheckedEngine.Seen inter = e.checksOf("short_inter", "s").get(0);
            assertThat(inter.row()).containsEntry("check_status", "L4TOUT");
            assertThat(inter.result().durationMillis()).isBetween(790L, 3000L);
        }
    }

    @Test
    void silentServerIsL7toutAfterTheCheckTimeout() throws Exception {
        try (SilentServer silent = new SilentServer();
             CheckedEngine e = CheckedEngine.start("""
                     defaults
                       mode http
                       timeout connect 2s
                       timeout check 400ms
                     backend b
                       option httpchk GET /
                       server s 127.0.0.1:%d check inter 3s
                     """.formatted(silent.port()))) {
            CheckedEngine.await(WAIT, "first check", () -> !e.checksOf("b", "s").isEmpty());
            CheckedEngine.Seen first = e.checksOf("b", "s").get(0);
            Map<String, String> row = first.row();
            assertThat(row).containsEntry("check_status", "L7TOUT").containsEntry("check_desc", "Layer7 timeout")
                    .containsEntry("check_code", "").containsEntry("last_chk", "").containsEntry("status", "DOWN");
            assertThat(first.result().durationMillis()).isBetween(390L, 2000L);
            assertThat(silent.acceptNanos()).isNotEmpty(); // it did connect: the timeout is the reply's
        }
    }
}
