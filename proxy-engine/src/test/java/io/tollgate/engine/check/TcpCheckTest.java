package io.tollgate.engine.check;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code option tcp-check} scripts against real servers on 127.0.0.1, all backends of
 * {@link TcpCheckCases} in one engine: each server's first check shows the {@code status},
 * {@code check_status}, {@code check_code} and {@code last_chk} HAProxy 2.6.12 shows for the
 * same script and server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TcpCheckTest {
    private TcpCheckCases cases;
    private CheckedEngine engine;

    @BeforeAll
    void start() throws Exception {
        cases = new TcpCheckCases();
        engine = CheckedEngine.start(cases.config(TcpCheckCases.DEFAULTS));
    }

    @AfterAll
    void stop() throws Exception {
        engine.close();
        cases.close();
    }

    List<TcpCheckCases.Case> cases() {
        return cases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void firstCheckShowsWhatHaproxyShows(TcpCheckCases.Case c) throws Exception {
        CheckedEngine.Seen first = firstCheck(c.name());
        assertThat(TcpCheckCases.observed(first.row())).as(c.name()).isEqualTo(c.expected());
        assertThat(first.row().get("check_desc")).isEqualTo(first.result().status().description());
    }

    @Test
    void theScriptSaysWhatItWasWrittenToSay() throws Exception {
        firstCheck("two_sends_and_expects");
        assertThat(cases.banner.lines).contains("PING", "s of two_sends_and_expects");
    }

    @Test
    void stateChangesCarryTheScriptsInfo() throws Exception {
        CheckedEngine.Seen down = firstCheck("mismatch");
        assertThat(engine.messages()).contains("Server mismatch/s is DOWN, reason: Layer7 invalid response, info: "
                + "\"TCPCHK did not match content 'hellox' at step 1\", check duration: "
                + down.result().durationMillis() + "ms. 0 active and 0 backup servers left. 0 sessions active, "
                + "0 requeued, 0 remaining in queue.");
    }

    private CheckedEngine.Seen firstCheck(String backend) throws InterruptedException {
        CheckedEngine.await(Duration.ofSeconds(10), "a check of " + backend, () -> !engine.checksOf(backend, "s").isEmpty());
        return engine.checksOf(backend, "s").get(0);
    }
}
