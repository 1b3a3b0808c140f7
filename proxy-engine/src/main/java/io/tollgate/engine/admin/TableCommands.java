package io.tollgate.engine.admin;

import io.tollgate.engine.runtime.Proxies;
import io.tollgate.engine.stick.DataType;
import io.tollgate.engine.stick.Entry;
import io.tollgate.engine.stick.KeyType;
import io.tollgate.engine.stick.StickKey;
import io.tollgate.engine.stick.StickTable;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The stick table commands with HAProxy 2.6.12's answers ({@code cli_parse_table_req} and its
 * helpers in src/stick_table.c, checked against {@code haproxy -db}):
 * <ul>
 *   <li>{@code show table} lists every table's header, {@code show table <t>} the header then one
 *       line per entry (see {@link StickTable#dump}), with up to four filters
 *       {@code data.<type> <op> <value>} that must all hold, or {@code key <k>} for one entry
 *       (nothing at all when it is absent). At user level only the header is shown and a key
 *       is refused, as HAProxy does.
 *   <li>{@code clear table <t> [filters | key <k>]} removes the matching unreferenced entries
 *       (operator).
 *   <li>{@code set table <t> key <k> [data.<type> <value>]*} creates or updates an entry
 *       (operator); 32-bit types keep their low 32 bits as HAProxy's do, a rate reads the value
 *       from now on.
 * </ul>
 * Two of HAProxy's accidents are not reproduced, because the runtime API promises that a
 * refused or incomplete command changes nothing: {@code set table <t>} without a key empties
 * the table there (here it gets the usage answer), {@code clear table <t>} at user level
 * empties it there (here: "Permission denied"), and a {@code set table} whose data words are
 * wrong still creates the entry there (here nothing is created).
 */
final class TableCommands implements RuntimeApi.Family {
    static final String SHOW_USAGE =
            "Optional argument only supports \"data.<store_data_type>\" <operator> <value> and key <key>\n";
    static final String CLEAR_USAGE =
            "Required arguments: <table> \"data.<store_data_type>\" <operator> <value> or <table> key <key>\n";
    static final String SET_USAGE = "Required arguments: <table> key <key> [data.<store_data_type> <value>]*\n";
    /** HAProxy's {@code STKTABLE_FILTER_LEN}. */
    private static final int MAX_FILTERS = 4;
    private static final List<String> OPERATORS = List.of("eq", "ne", "le", "ge", "lt", "gt");

    private enum Action {
        SHOW("Showing keys from"), CLEAR("Removing keys from"), SET("Inserting keys into");

        final String binaryRefusal;

        Action(String verb) {
            this.binaryRefusal = verb + " tables of type other than ip, ipv6, string and integer is not supported\n";
        }
    }

    private final Proxies proxies;

    TableCommands(Proxies proxies) {
        this.proxies = proxies;
    }

    @Override
    public RuntimeApi.Answer run(List<String> w, Actor actor) {
        if (w.size() < 2 || !w.get(1).equals("table")) {
            return null;
        }
        Action action = switch (w.get(0)) {
            case "show" -> Action.SHOW;
            case "clear" -> Action.CLEAR;
            case "set" -> Action.SET;
            default -> null;
        };
        if (action == null) {
            return null;
        }
        String name = arg(w, 2);
        if (name.isEmpty()) {
            return switch (action) {
                case SHOW -> new RuntimeApi.Answer(proxies.tables().summary(), true);
                case CLEAR -> RuntimeApi.Answer.error(CLEAR_USAGE);
                case SET -> RuntimeApi.Answer.error(SET_USAGE);
            };
        }
        StickTable table = proxies.table(name);
        if (table == null) {
            return RuntimeApi.Answer.error("No such table\n");
        }
        String mode = arg(w, 3);
        if (mode.equals("key")) {
            return byKey(table, w, action, actor);
        }
        if (action == Action.SET) {
            return RuntimeApi.Answer.error(SET_USAGE);
        }
        if (!mode.isEmpty() && !mode.startsWith("data.")) {
            return RuntimeApi.Answer.error(action == Action.SHOW ? SHOW_USAGE : CLEAR_USAGE);
        }
        Predicate<Entry> filter = entry -> true;
        if (!mode.isEmpty()) {
            List<Predicate<Entry>> filters = new ArrayList<>();
            String error = filters(table, w, filters);
            if (error != null) {
                return RuntimeApi.Answer.error(error);
            }
            filter = entry -> filters.stream().allMatch(f -> f.test(entry));
        }
        boolean operator = actor.level().allows(AccessLevel.OPERATOR);
        if (action == Action.SHOW) {
            return new RuntimeApi.Answer(operator ? table.dump(filter) : table.header(), true);
        }
        if (!operator) {
            return RuntimeApi.Answer.denied();
        }
        table.clear(filter);
        return RuntimeApi.Answer.ok();
    }

    private RuntimeApi.Answer byKey(StickTable table, List<String> w, Action action, Actor actor) {
        String text = arg(w, 4);
        if (text.isEmpty()) {
            return RuntimeApi.Answer.error("Key value expected\n");
        }
        if (table.spec().keyType() == KeyType.BINARY) {
            return RuntimeApi.Answer.error(action.binaryRefusal);
        }
        StickKey key = table.commandKey(text);
        if (key == null) {
            return RuntimeApi.Answer.error("Invalid key\n");
        }
        if (!actor.level().allows(AccessLevel.OPERATOR)) {
            return RuntimeApi.Answer.denied();
        }
        return switch (action) {
            case SHOW -> {
                Entry entry = table.lookup(key);
                yield new RuntimeApi.Answer(entry == null ? "" : table.dump(e -> e == entry), true);
            }
            case CLEAR -> {
                table.remove(key);
                yield RuntimeApi.Answer.ok();
            }
            case SET -> set(table, key, w);
        };
    }

    /** Checks every {@code data.<type> <value>} pair before touching the table, then applies them in order. */
    private static RuntimeApi.Answer set(StickTable table, StickKey key, List<String> w) {
        List<DataType> types = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        for (int at = 5; at < w.size(); at += 2) {
            String word = w.get(at);
            if (!word.startsWith("data.")) {
                return RuntimeApi.Answer.error("\"data.<type>\" followed by a value expected\n");
            }
            DataType type = DataType.byKeyword(word.substring(5)).orElse(null);
            if (type == null) {
                return RuntimeApi.Answer.error("Unknown data type\n");
            }
            if (!table.stores(type)) {
                return RuntimeApi.Answer.error("Data type not stored in this table\n");
            }
            Long value = integer(arg(w, at + 1));
            if (value == null) {
                return RuntimeApi.Answer.error("Require a valid integer value to store\n");
            }
            types.add(type);
            values.add(value);
        }
        Entry entry = table.acquire(key);
        if (entry == null) {
            return RuntimeApi.Answer.ok(); // full of referenced entries: HAProxy says nothing either
        }
        try {
            for (int i = 0; i < types.size(); i++) {
                store(entry, types.get(i), values.get(i));
            }
            entry.touch();
        } finally {
            entry.release();
        }
        return RuntimeApi.Answer.ok();
    }

    /** Stores as HAProxy's types hold it: server_id a signed int, byte counts 64 bits, the rest 32 bits unsigned. */
    private static void store(Entry entry, DataType type, long value) {
        switch (type.nature()) {
            case SIGNED -> entry.set(type, 0, (int) value);
            case RATE -> entry.setRate(type, 0, value & 0xFFFF_FFFFL);
            case UNSIGNED -> entry.set(type, 0, type == DataType.BYTES_IN_CNT || type == DataType.BYTES_OUT_CNT
                    ? value : value & 0xFFFF_FFFFL);
            case TEXT -> {
                // server_key holds a name, not a number: HAProxy ignores the value too
            }
        }
    }

    /** {@code table_prepare_data_request}: up to four {@code data.<type> <op> <value>} triplets, nothing after. */
    private static String filters(StickTable table, List<String> w, List<Predicate<Entry>> out) {
        int i = 0;
        for (; i < MAX_FILTERS; i++) {
            int at = 3 + 3 * i;
            if (i > 0 && arg(w, at).isEmpty()) {
                break;
            }
            String word = arg(w, at);
            DataType type = word.startsWith("data.") ? DataType.byKeyword(word.substring(5)).orElse(null) : null;
            String entry = "Filter entry #" + (i + 1) + ": ";
            if (type == null) {
                return entry + "Unknown data type\n";
            }
            if (!table.stores(type)) {
                return entry + "Data type not stored in this table\n";
            }
            String op = arg(w, at + 1);
            if (!OPERATORS.contains(op)) {
                return entry + "Require and operator among \"eq\", \"ne\", \"le\", \"ge\", \"lt\", \"gt\"\n";
            }
            Long value = integer(arg(w, at + 2));
            if (value == null) {
                return entry + "Require a valid integer value to compare against\n";
            }
            long v = value;
            out.add(e -> compare(op, read(e, type), v));
        }
        int after = 3 + 3 * i;
        if (!arg(w, after).isEmpty()) {
            return "Detected extra data in filter, " + (after + 1) + "th word of input, after '" + w.get(after - 1)
                    + "'\n";
        }
        return null;
    }

    private static long read(Entry entry, DataType type) {
        return switch (type.nature()) {
            case RATE -> entry.rate(type);
            case TEXT -> 0; // HAProxy compares a zero for types that are not numbers
            default -> entry.get(type);
        };
    }

    private static boolean compare(String op, long data, long value) {
        return switch (op) {
            case "eq" -> data == value;
            case "ne" -> data != value;
            case "le" -> data <= value;
            case "ge" -> data >= value;
            case "lt" -> data < value;
            default -> data > value;
        };
    }

    /** {@code strl2llrc}: the whole word is a signed decimal number, or null. */
    private static Long integer(String word) {
        if (word.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(word);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String arg(List<String> w, int i) {
        return i < w.size() ? w.get(i) : "";
    }
}
