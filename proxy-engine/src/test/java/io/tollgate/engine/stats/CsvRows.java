package io.tollgate.engine.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
            String[] values = split(lines[i]);
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.length && c < values.length; c++) {
                row.put(header[c], values[c]);
            }
            rows.put(values[0] + "/" + values[1], row);
        }
        return rows;
    }

    /** Splits a CSV line, honouring the quotes HAProxy puts around text holding a comma or a quote. */
    public static String[] split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(cell.toString());
        return out.toArray(new String[0]);
    }
}
