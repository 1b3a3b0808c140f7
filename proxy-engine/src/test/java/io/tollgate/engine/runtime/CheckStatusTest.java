package io.tollgate.engine.runtime;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The codes and descriptions operators and tools read, as HAProxy 2.6 prints them (FORMATS §4.1). */
class CheckStatusTest {

    @Test
    void codesAndDescriptionsAreHaproxys() {
        assertThat(Arrays.stream(CheckStatus.values()).map(CheckStatus::code)).containsExactly("UNK", "INI",
                "CHECKED", "HANA", "SOCKERR", "L4OK", "L4TOUT", "L4CON", "L6OK", "L6TOUT", "L6RSP", "L7TOUT", "L7RSP",
                "L7OK", "L7OKC", "L7STS", "PROCERR", "PROCTOUT", "PROCOK");
        assertThat(Arrays.stream(CheckStatus.values()).map(CheckStatus::description)).containsExactlyInAnyOrder(
                "Unknown", "Initializing", "Socket error", "Layer4 check passed", "Layer4 timeout",
                "Layer4 connection problem", "Layer6 check passed", "Layer6 timeout", "Layer6 invalid response",
                "Layer7 check passed", "Layer7 check conditionally passed", "Layer7 timeout",
                "Layer7 invalid response", "Layer7 wrong status", "Health analyze", "External check error",
                "External check timeout", "External check passed", "No status change");
    }

    @Test
    void onlyLayer7AndExternalResultsCarryACode() {
        assertThat(Arrays.stream(CheckStatus.values()).filter(CheckStatus::carriesCode).map(CheckStatus::code))
                .containsExactly("L7OK", "L7OKC", "L7STS", "PROCERR", "PROCTOUT", "PROCOK");
        assertThat(CheckStatus.L4_CONNECTION.result()).isEqualTo(CheckStatus.Result.FAILED);
        assertThat(CheckStatus.L7_OK_CONDITIONAL.result()).isEqualTo(CheckStatus.Result.CONDITIONAL);
    }
}
