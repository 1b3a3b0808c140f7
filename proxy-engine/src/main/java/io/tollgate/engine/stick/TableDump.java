package io.tollgate.engine.stick;

import java.util.List;
import java.util.function.Predicate;

/**
 * Renders {@code show table} as HAProxy 2.6 does ({@code table_dump_head_to_buffer} and
 * {@code table_dump_entry_to_buffer} in src/stick_table.c), checked against a running 2.6.12:
 * <pre>
 * # table: tip, type: ip, size:1024, used:1
 * 0x1: key=127.0.0.1 use=1 exp=599495 server_id=0 gpc0=0 conn_rate(10000)=1 server_key=-
 * </pre>
 * {@code use} counts the sessions tracking the entry, {@code exp} the milliseconds it has left
 * (0 in a table without expire), data follow in {@link DataType} order, arrays element by element
 * ({@code gpc0=.. gpc1=.. gpc0_rate(1000)=..}), rates with their period. Where HAProxy prints
 * the entry's address this prints its id. Strings are escaped as {@code dump_text} does,
 * binary keys are hexadecimal over the whole key length. The blank line that ends a command's
 * answer on the CLI is the CLI's business, not part of this text.
 */
final class TableDump {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final StickTable table;
    private final long now;

    TableDump(StickTable table, long now) {
        this.table = table;
        this.now = now;
    }

    static String header(StickTable table) {
        StickTableSpec spec = table.spec();
        return "# table: " + spec.name() + ", type: " + spec.keyType().keyword() + ", size:" + spec.size()
                + ", used:" + table.used() + "\n";
    }

    String render(List<Entry> entries, Predicate<Entry> filter) {
        StringBuilder out = new StringBuilder(header(table));
        for (Entry entry : entries) {
            if (filter.test(entry)) {
                line(out, entry);
            }
        }
        return out.toString();
    }

    private void line(StringBuilder out, Entry entry) {
        out.append("0x").append(Long.toHexString(entry.id())).append(": key=");
        key(out, entry.key());
        out.append(" use=").append(entry.refs()).append(" exp=").append(Math.max(0, entry.expiresAt() - now));
        for (StoredData data : table.spec().stored()) {
            DataType type = data.type();
            if (!type.isArray()) {
                out.append(' ').append(type.keyword());
                period(out, data);
                out.append('=');
                value(out, entry, type, 0);
                continue;
            }
            // gpc_rate prints as gpc0_rate, gpc1_rate...: the index goes before the first '_'.
            int cut = type.keyword().indexOf('_');
            String prefix = cut < 0 ? type.keyword() : type.keyword().substring(0, cut);
            String suffix = cut < 0 ? "" : type.keyword().substring(cut);
            for (int i = 0; i < data.count(); i++) {
                out.append(' ').append(prefix).append(i).append(suffix);
                period(out, data);
                out.append('=');
                value(out, entry, type, i);
            }
        }
        out.append('\n');
    }

    private static void period(StringBuilder out, StoredData data) {
        if (data.type().isRate()) {
            out.append('(').append(data.periodMs()).append(')');
        }
    }

    private static void value(StringBuilder out, Entry entry, DataType type, int index) {
        switch (type.nature()) {
            case RATE -> out.append(entry.rate(type, index));
            case TEXT -> {
                String key = entry.serverKey();
                out.append(key == null ? "-" : key);
            }
            default -> out.append(entry.get(type, index));
        }
    }

    private void key(StringBuilder out, StickKey key) {
        switch (table.spec().keyType()) {
            case IP, IPV6 -> out.append(AddressText.format(key.bytes()));
            case INTEGER -> out.append(((long) key.byteAt(0) << 24 | key.byteAt(1) << 16 | key.byteAt(2) << 8
                    | key.byteAt(3)) & 0xFFFF_FFFFL);
            case STRING -> text(out, key);
            case BINARY -> {
                for (int i = 0; i < table.spec().keyLength(); i++) {
                    int b = key.byteAt(i);
                    out.append(HEX[b >> 4]).append(HEX[b & 0xF]);
                }
            }
        }
    }

    /** {@code dump_text}: printable ASCII as is, except backslash, space and '='; escapes for the rest. */
    private static void text(StringBuilder out, StickKey key) {
        for (int i = 0; i < key.length(); i++) {
            int c = key.byteAt(i);
            switch (c) {
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case 0x1B -> out.append("\\e");
                case '\\', ' ', '=' -> out.append('\\').append((char) c);
                default -> {
                    if (c > 0x20 && c < 0x7F) {
                        out.append((char) c);
                    } else {
                        out.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    }
                }
            }
        }
    }
}
