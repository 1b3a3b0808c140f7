package io.tollgate.engine.stats;

/**
 * Renders a {@link StatsSnapshot} as HAProxy's stats CSV ({@code show stat}, the stats page's
 * {@code ;csv}): the header {@code # pxname,svname,...,} then one line per row, every value
 * followed by a comma (so lines end in {@code ,}), and a literal {@code -} column between the
 * static fields and the module fields. Text is quoted only when it holds a comma, a double quote,
 * CR or LF, with inner quotes doubled ({@code csv_enc_append} in HAProxy's {@code tools.c}).
 *
 * <p>The CLI's trailing empty line (its end-of-output marker) is the socket's business, not this
 * writer's.
 */
public final class CsvStatsWriter {
    /** In column order; {@code values()} would copy the array for every row. */
    private static final StatField[] FIELDS = StatField.values();
    private static final String HEADER = buildHeader();

    /** The header line, with its trailing comma and LF, byte-identical to HAProxy 2.6.12's. */
    public static String header() {
        return HEADER;
    }

    /** The header and every row. */
    public String write(StatsSnapshot snapshot) {
        StringBuilder out = new StringBuilder(HEADER.length() * (snapshot.rows().size() + 1));
        out.append(HEADER);
        for (StatRow row : snapshot.rows()) {
            writeRow(row, out);
        }
        return out.toString();
    }

    /** One data line, LF included. */
    public void writeRow(StatRow row, StringBuilder out) {
        for (StatField f : FIELDS) {
            String v = row.format(f);
            out.append(f.type() == StatField.ValueType.STR ? quote(v) : v).append(',');
            if (f == StatField.LAST_STATIC) {
                out.append("-,");
            }
        }
        out.append('\n');
    }

    static String quote(String value) {
        boolean needed = false;
        for (int i = 0; i < value.length() && !needed; i++) {
            char c = value.charAt(i);
            needed = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        return needed ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    private static String buildHeader() {
        StringBuilder h = new StringBuilder("# ");
        for (StatField f : StatField.values()) {
            h.append(f.csvName()).append(',');
            if (f == StatField.LAST_STATIC) {
                h.append("-,");
            }
        }
        return h.append('\n').toString();
    }
}
