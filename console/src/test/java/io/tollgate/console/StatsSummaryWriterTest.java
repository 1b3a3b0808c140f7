package io.tollgate.console;

import io.tollgate.engine.stats.RowType;
import io.tollgate.engine.stats.StatField;
import io.tollgate.engine.stats.StatRow;
import io.tollgate.engine.stats.StatsSnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StatsSummaryWriterTest {

    @Test
    void oneLinePerRowWithDashForAbsentValues() {
        StatRow frontend = StatRow.builder(RowType.FRONTEND, "http-in", "FRONTEND", 2, 0)
                .text(StatField.STATUS, "OPEN").number(StatField.SCUR, 1).number(StatField.STOT, 7)
                .number(StatField.REQ_TOT, 9).number(StatField.HRSP_2XX, 8).build();
        StatRow server = StatRow.builder(RowType.SERVER, "ms1", "ms1.srv1", 3, 1)
                .text(StatField.STATUS, "UP").number(StatField.SCUR, 0).number(StatField.STOT, 4).build();

        String text = StatsSummaryWriter.write(new StatsSnapshot(0, List.of(frontend, server)));

        List<String> lines = text.lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1).split("\\s+")).containsExactly("pxname", "svname", "status", "scur", "stot",
                "req_tot", "hrsp_2xx");
        assertThat(lines.get(2).split("\\s+")).containsExactly("http-in", "FRONTEND", "OPEN", "1", "7", "9", "8");
        assertThat(lines.get(3).split("\\s+")).containsExactly("ms1", "ms1.srv1", "UP", "0", "4", "-", "-");
    }
}
