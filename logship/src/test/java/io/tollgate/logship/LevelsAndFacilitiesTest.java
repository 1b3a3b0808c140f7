package io.tollgate.logship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LevelsAndFacilitiesTest {

    @Test
    void facilitiesHaveHaproxysNamesAndCodes() {
        assertThat(Facility.values()).hasSize(24);
        assertThat(Facility.named("kern").code()).isZero();
        assertThat(Facility.named("auth2").code()).isEqualTo(10);
        assertThat(Facility.named("cron2").code()).isEqualTo(15);
        assertThat(Facility.named("local0").code()).isEqualTo(16);
        assertThat(Facility.named("local7").code()).isEqualTo(23);
        assertThat(Facility.LOCAL0.priority(Severity.INFO)).isEqualTo(134);
        assertThat(Facility.LOCAL1.priority(Severity.ALERT)).isEqualTo(137);
        assertThat(Facility.ofCode(17)).isSameAs(Facility.LOCAL1);
        assertThatThrownBy(() -> Facility.named("lcoal0"))
                .hasMessageContaining("'lcoal0'").hasMessageContaining("local0");
    }

    @Test
    void levelsHaveHaproxysNamesAndCodes() {
        assertThat(Severity.named("emerg").code()).isZero();
        assertThat(Severity.named("err").code()).isEqualTo(3);
        assertThat(Severity.named("warning").code()).isEqualTo(4);
        assertThat(Severity.named("debug").code()).isEqualTo(7);
        assertThat(Severity.ALERT.isAtLeast(Severity.WARNING)).isTrue();
        assertThat(Severity.INFO.isAtLeast(Severity.WARNING)).isFalse();
        assertThatThrownBy(() -> Severity.named("warn")).hasMessageContaining("'warn'").hasMessageContaining("warning");
    }
}
