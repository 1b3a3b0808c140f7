package io.tollgate.console.stats;

import io.tollgate.engine.stats.StatField;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The legend colour of each server status (FORMATS §7.4), and the arrows of the Status cell. */
class ServerStyleTest {
    @Test
    void eachStatusHasItsLegendStyle() {
        assertThat(ServerStyle.style("UP", 1)).isEqualTo("up");
        assertThat(ServerStyle.style("UP 2/3", 1)).isEqualTo("going_down");
        assertThat(ServerStyle.style("NOLB 2/3", 1)).isEqualTo("going_down");
        assertThat(ServerStyle.style("NOLB", 1)).isEqualTo("nolb");
        assertThat(ServerStyle.style("DRAIN", 1)).isEqualTo("draining");
        assertThat(ServerStyle.style("DRAIN (agent)", 1)).isEqualTo("draining");
        assertThat(ServerStyle.style("UP", 0)).isEqualTo("draining");
        assertThat(ServerStyle.style("DOWN", 1)).isEqualTo("down");
        assertThat(ServerStyle.style("DOWN (agent)", 1)).isEqualTo("down");
        assertThat(ServerStyle.style("DOWN 1/2", 1)).isEqualTo("going_up");
        assertThat(ServerStyle.style("no check", 1)).isEqualTo("no_check");
    }

    @Test
    void maintenanceAndBackupsAreTold() {
        assertThat(ServerStyle.of(Pages.server(3, "app", 1, "a", "MAINT").build())).isEqualTo("maintain");
        assertThat(ServerStyle.of(Pages.server(3, "app", 1, "a", "MAINT (via app/b)").build())).isEqualTo("maintain");
        assertThat(ServerStyle.of(Pages.server(3, "app", 1, "a", "DOWN").build())).isEqualTo("active_down");
        assertThat(ServerStyle.of(Pages.server(3, "app", 1, "a", "DOWN").number(StatField.ACT, 0)
                .number(StatField.BCK, 1).build())).isEqualTo("backup_down");
        assertThat(ServerStyle.of(Pages.server(3, "app", 1, "a", "UP").number(StatField.ACT, 0)
                .number(StatField.BCK, 1).number(StatField.WEIGHT, 0).build())).isEqualTo("backup_draining");
    }

    @Test
    void arrowsPointWhereChecksAreTakingTheServer() {
        assertThat(ServerCells.arrow("DOWN 1/2")).isEqualTo(" \u2191");
        assertThat(ServerCells.arrow("UP 2/3")).isEqualTo(" \u2193");
        assertThat(ServerCells.arrow("NOLB 1/3")).isEqualTo(" \u2193");
        assertThat(ServerCells.arrow("DRAIN 1/3")).isEqualTo(" \u2193");
        assertThat(ServerCells.arrow("DOWN (agent)")).isEmpty();
        assertThat(ServerCells.arrow("MAINT (via a/b)")).isEmpty();
        assertThat(ServerCells.arrow("UP")).isEmpty();
    }
}
