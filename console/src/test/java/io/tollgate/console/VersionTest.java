package io.tollgate.console;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code -v} and {@code -vv}. */
class VersionTest {

    @Test
    void dashVPrintsOneVersionLine() {
        Cli.Result result = Cli.run("-v");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out().lines()).hasSize(1);
        assertThat(result.out()).matches("Tollgate version \\d+\\.\\d+\\.\\d+\\S* \\d{4}/\\d{2}/\\d{2} - .*\\R");
    }

    @Test
    void dashVvAddsRuntimeNettyAndTransports() {
        Cli.Result result = Cli.run("-vv");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out().lines().findFirst()).hasValueSatisfying(l -> assertThat(l).startsWith("Tollgate version "));
        assertThat(result.out())
                .contains("Java: ")
                .containsPattern("Netty: 4\\.\\d+\\.\\d+")
                .contains("Available transports: ")
                .contains("nio");
    }

    @Test
    void foregroundFlagsAreAccepted() {
        assertThat(Cli.run("-d", "-v").exitCode()).isZero();
        assertThat(Cli.run("-db", "-v").exitCode()).isZero();
    }
}
