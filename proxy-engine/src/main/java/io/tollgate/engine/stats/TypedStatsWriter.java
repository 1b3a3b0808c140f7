package io.tollgate.engine.stats;

/**
 * Renders a {@link StatsSnapshot} as {@code show stat typed} (HTTP {@code ;typed}): one line per
 * present value, {@code <obj>.<iid>.<sid>.<pos>.<name>.<pid>:<tag>:<type>:<value>}, for example
 * {@code F.2.0.4.scur.1:MGP:u32:0}. Absent fields are left out; texts are printed raw; module
 * fields are numbered on from 103 (no {@code -} column here). With descriptions (the
 * {@code desc} option) each line ends with {@code :"<description>"}, using Tollgate's wording.
 */
public final class TypedStatsWriter {
    private final boolean descriptions;

    public TypedStatsWriter() {
        this(false);
    }

    public TypedStatsWriter(boolean descriptions) {
        this.descriptions = descriptions;
    }

    public String write(StatsSnapshot snapshot) {
        StringBuilder out = new StringBuilder(4096);
        for (StatRow row : snapshot.rows()) {
            writeRow(row, out);
        }
        return out.toString();
    }

    /** The lines of one row, each ending in LF. */
    public void writeRow(StatRow row, StringBuilder out) {
        for (StatField f : row.presentFields()) {
            out.append(row.type().letter()).append('.')
                    .append(row.iid()).append('.')
                    .append(row.sid()).append('.')
                    .append(f.position()).append('.')
                    .append(f.csvName()).append('.')
                    .append(row.number(StatField.PID)).append(':')
                    .append(f.tag(row.type()).code()).append(':')
                    .append(f.type().word()).append(':')
                    .append(row.format(f));
            if (descriptions) {
                out.append(":\"").append(f.description()).append('"');
            }
            out.append('\n');
        }
    }
}
