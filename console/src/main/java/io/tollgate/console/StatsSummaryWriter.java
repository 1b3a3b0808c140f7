package io.tollgate.console;

import io.tollgate.engine.stats.StatField;
import io.tollgate.engine.stats.StatRow;
import io.tollgate.engine.stats.StatsSnapshot;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Renders a stats snapshot as a short table for a terminal: one line per row with the columns a
 * person watches first ({@code pxname svname status scur stot req_tot hrsp_2xx}); an absent value
 * prints as {@code -}. The full set is the CSV ({@code CsvStatsWriter}).
 */
final class StatsSummaryWriter {

    static final List<StatField> COLUMNS = List.of(StatField.STATUS, StatField.SCUR, StatField.STOT,
            StatField.REQ_TOT, StatField.HRSP_2XX);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.systemDefault());
    private static final String LINE = "%-16s %-16s %-8s %6s %8s %8s %8s%n";

    private StatsSummaryWriter() {
    }

    static String write(StatsSnapshot snapshot) {
        StringBuilder text = new StringBuilder();
        text.append("-- counters at ").append(TIME.format(Instant.ofEpochMilli(snapshot.takenAtMillis())))
                .append(" --").append(System.lineSeparator());
        text.append(String.format(LINE, "pxname", "svname", "status", "scur", "stot", "req_tot", "hrsp_2xx"));
        for (StatRow row : snapshot.rows()) {
            text.append(String.format(LINE, row.proxyName(), row.svname(),
                    value(row, StatField.STATUS), value(row, StatField.SCUR), value(row, StatField.STOT),
                    value(row, StatField.REQ_TOT), value(row, StatField.HRSP_2XX)));
        }
        return text.toString();
    }

    private static String value(StatRow row, StatField field) {
        return row.has(field) ? row.format(field) : "-";
    }
}
