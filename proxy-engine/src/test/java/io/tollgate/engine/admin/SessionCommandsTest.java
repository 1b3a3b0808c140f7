package io.tollgate.engine.admin;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The number reading and writing of {@code show sess}, as HAProxy's C helpers do it. */
class SessionCommandsTest {
    @Test
    void agesKeepTheTwoLargestUnitsAsHumanTimeDoes() {
        assertThat(SessionCommands.humanTime(0)).isEqualTo("0s");
        assertThat(SessionCommands.humanTime(59)).isEqualTo("59s");
        assertThat(SessionCommands.humanTime(65)).isEqualTo("1m5s");
        assertThat(SessionCommands.humanTime(3600)).isEqualTo("1h");
        assertThat(SessionCommands.humanTime(3661)).isEqualTo("1h1m");
        assertThat(SessionCommands.humanTime(93_600 + 61)).isEqualTo("1d2h");
        assertThat(SessionCommands.humanTime(86_400 + 5)).isEqualTo("1d5s");
    }

    @Test
    void idsAreReadAsStrtoulWithBaseZero() {
        assertThat(SessionCommands.strtoul("0x55d0000000c0")).isEqualTo(0x55d0000000c0L);
        assertThat(SessionCommands.strtoul("0X1fz")).isEqualTo(0x1f);
        assertThat(SessionCommands.strtoul("010")).isEqualTo(8);
        assertThat(SessionCommands.strtoul("12ab")).isEqualTo(12);
        assertThat(SessionCommands.strtoul("zz")).isZero();
        assertThat(SessionCommands.strtoul("")).isZero();
    }
}
