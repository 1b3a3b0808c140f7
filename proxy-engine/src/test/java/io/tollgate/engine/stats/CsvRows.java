package io.tollgate.engine.stats;

import java.util.LinkedHashMap;
import java.util.Map;

/** The rows of a stats CSV, Tollgate's or HAProxy's, for tests. */
public final class CsvRows {
    private CsvRows() {
    }

    /** Rows keyed {@code px/sv}, each keyed by the column names of the {@code # } header line. */
    public static Map<String, Map<String, String>> parse(String text) {
        String[] lines = text.split("\n");
        String[] header = lines[0].substring(2).split(",", -1);
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] values = lines[i].split(",", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.length && c < values.length; c++) {
                row.put(header[c], values[c]);
            }
            rows.put(values[0] + "/" + values[1], row);
        }
        return rows;
    }
}
