package io.tollgate.engine.admin;

import io.tollgate.engine.api.ProcessInfo;
import io.tollgate.engine.stats.JsonStatsWriter;
import io.tollgate.engine.stats.StatTag;
import io.tollgate.engine.stats.StatsRegistry;

import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * {@code show info [typed|json]} and {@code show version}, user level, shaped as HAProxy 2.6.12
 * prints them: {@code Name: value} lines, {@code <pos>.<Name>.1:<tag>:<type>:<value>} lines, or
 * one JSON array. Unknown extra words are ignored, as HAProxy ignores them; {@code desc} and
 * {@code float} are accepted but change nothing (no field descriptions, integer rates).
 */
final class InfoCommands implements RuntimeApi.Family {
    private final StatsRegistry stats;
    private final Supplier<ProcessInfo> process;
    private final IntSupplier otherListeners;

    /** @param otherListeners listening sockets the process info does not count (the admin sockets) */
    InfoCommands(StatsRegistry stats, Supplier<ProcessInfo> process, IntSupplier otherListeners) {
        this.stats = stats;
        this.process = process;
        this.otherListeners = otherListeners;
    }

    @Override
    public RuntimeApi.Answer run(List<String> w, Actor actor) {
        if (w.size() < 2 || !w.get(0).equals("show")) {
            return null;
        }
        if (w.get(1).equals("version")) {
            return RuntimeApi.Answer.info(ProductVersion.CURRENT.version() + "\n");
        }
        if (!w.get(1).equals("info")) {
            return null;
        }
        List<InfoFields.Field> fields = InfoFields.of(ProductVersion.CURRENT, process.get(),
                otherListeners.getAsInt(), stats.snapshot());
        List<String> options = w.subList(2, w.size());
        String out;
        if (options.contains("json")) {
            out = json(fields);
        } else {
            StringBuilder b = new StringBuilder(2048);
            boolean typed = options.contains("typed");
            for (InfoFields.Field f : fields) {
                if (typed) {
                    b.append(f.pos()).append('.').append(f.name()).append(".1:").append(f.tag()).append(':')
                            .append(f.type()).append(':').append(f.value()).append('\n');
                } else {
                    b.append(f.name()).append(": ").append(f.value()).append('\n');
                }
            }
            out = b.toString();
        }
        return new RuntimeApi.Answer(out, true);
    }

    /** HAProxy's {@code show info json}: one array, no whitespace, ending in LF. */
    private static String json(List<InfoFields.Field> fields) {
        StringBuilder b = new StringBuilder(16_384).append('[');
        for (InfoFields.Field f : fields) {
            if (b.length() > 1) {
                b.append(',');
            }
            StatTag tag = StatTag.parse(f.tag());
            b.append("{\"field\":{\"pos\":").append(f.pos()).append(",\"name\":\"").append(f.name())
                    .append("\"},\"processNum\":1,\"tags\":{\"origin\":\"").append(tag.origin().word())
                    .append("\",\"nature\":\"").append(tag.nature().word())
                    .append("\",\"scope\":\"").append(tag.scope().word())
                    .append("\"},\"value\":{\"type\":\"").append(f.type()).append("\",\"value\":");
            if (f.type().equals("str")) {
                JsonStatsWriter.appendString(String.valueOf(f.value()), b);
            } else {
                b.append(f.value());
            }
            b.append("}}");
        }
        return b.append("]\n").toString();
    }
}
