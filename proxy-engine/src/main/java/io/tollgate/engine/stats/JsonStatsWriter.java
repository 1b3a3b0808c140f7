package io.tollgate.engine.stats;

/**
 * Renders a {@link StatsSnapshot} as {@code show stat json} (HTTP {@code ;json}): an outer array
 * holding one array per row, each element an object for one present value,
 * {@code {"objType":"Frontend","proxyId":2,"id":0,"field":{"pos":4,"name":"scur"},"processNum":1,
 * "tags":{"origin":"Metric","nature":"Gauge","scope":"Process"},"value":{"type":"u32","value":0}}},
 * without whitespace, rows separated by commas, the whole ended by {@code ]} and LF. The fields
 * are those of typed output ({@link TypedStatsWriter}), numbered the same way, and numbers are
 * printed bare.
 *
 * <p>One deliberate difference: HAProxy 2.6 prints texts raw between quotes, so a {@code "},
 * {@code \} or control character in, say, a server cookie makes its output invalid JSON. Tollgate
 * escapes those three (control characters as {@code \}{@code u00XX}); any other text, non-ASCII
 * included, is printed as HAProxy prints it.
 *
 * <p>The CLI's trailing empty line (its end-of-output marker) is the socket's business, not this
 * writer's.
 */
public final class JsonStatsWriter {
    /** About the size of one row's array in HAProxy's output (13 rows, 187 kB). */
    private static final int ROW_SIZE = 15_000;

    /** The outer array with every row, ending in {@code ]} and LF; {@code []} LF when there are none. */
    public String write(StatsSnapshot snapshot) {
        StringBuilder out = new StringBuilder(3 + ROW_SIZE * snapshot.rows().size());
        out.append('[');
        for (StatRow row : snapshot.rows()) {
            if (out.length() > 1) {
                out.append(',');
            }
            writeRow(row, out);
        }
        return out.append("]\n").toString();
    }

    /** The inner array of one row, without separator or LF. */
    public void writeRow(StatRow row, StringBuilder out) {
        out.append('[');
        int start = out.length();
        for (StatField f : row.presentFields()) {
            if (out.length() > start) {
                out.append(',');
            }
            StatTag tag = f.tag(row.type());
            out.append("{\"objType\":\"").append(row.type().word())
                    .append("\",\"proxyId\":").append(row.iid())
                    .append(",\"id\":").append(row.sid())
                    .append(",\"field\":{\"pos\":").append(f.position())
                    .append(",\"name\":\"").append(f.csvName())
                    .append("\"},\"processNum\":").append(row.number(StatField.PID))
                    .append(",\"tags\":{\"origin\":\"").append(tag.origin().word())
                    .append("\",\"nature\":\"").append(tag.nature().word())
                    .append("\",\"scope\":\"").append(tag.scope().word())
                    .append("\"},\"value\":{\"type\":\"").append(f.type().word())
                    .append("\",\"value\":");
            if (f.type().isNumber()) {
                out.append(row.number(f));
            } else {
                appendString(row.text(f), out);
            }
            out.append("}}");
        }
        out.append(']');
    }

    /** A JSON string literal: quotes, backslashes and control characters escaped, the rest as is. */
    public static void appendString(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
