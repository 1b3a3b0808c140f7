package io.tollgate.console.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Numbers and durations as HAProxy's page prints them. */
class CellTextTest {
    private static final String G = String.valueOf(CellText.GROUP);

    @Test
    void numbersAreGroupedByThousands() {
        assertThat(CellText.number(0)).isEqualTo("0");
        assertThat(CellText.number(999)).isEqualTo("999");
        assertThat(CellText.number(8000)).isEqualTo("8" + G + "000");
        assertThat(CellText.number(13_594)).isEqualTo("13" + G + "594");
        assertThat(CellText.number(234_742)).isEqualTo("234" + G + "742");
        assertThat(CellText.number(1_234_567)).isEqualTo("1" + G + "234" + G + "567");
        assertThat(CellText.number(-1500)).isEqualTo("-1" + G + "500");
    }

    @Test
    void durationsShowAtMostTwoUnits() {
        assertThat(CellText.duration(0)).isEqualTo("0s");
        assertThat(CellText.duration(5)).isEqualTo("5s");
        assertThat(CellText.duration(60)).isEqualTo("1m");
        assertThat(CellText.duration(194)).isEqualTo("3m14s");
        assertThat(CellText.duration(3600)).isEqualTo("1h");
        assertThat(CellText.duration(3720)).isEqualTo("1h2m");
        assertThat(CellText.duration(3725)).isEqualTo("1h2m");
        assertThat(CellText.duration(3605)).isEqualTo("1h5s");
        assertThat(CellText.duration(86_400)).isEqualTo("1d");
        assertThat(CellText.duration(2 * 86_400 + 3 * 3600 + 59)).isEqualTo("2d3h");
        assertThat(CellText.duration(2 * 86_400 + 5 * 60)).isEqualTo("2d5m");
    }

    @Test
    void aNegativeDurationIsNever() {
        assertThat(CellText.duration(-1)).isEqualTo("?");
    }

    @Test
    void uptimeHasHaproxysFixedShape() {
        assertThat(ProcessLine.uptime(2)).isEqualTo("0d 0h00m02s");
        assertThat(ProcessLine.uptime(86_400 + 3 * 3600 + 4 * 60 + 5)).isEqualTo("1d 3h04m05s");
    }
}
