package io.tollgate.engine.stick;

import java.util.Map;
import java.util.function.Consumer;

/**
 * One {@code store} word: a comma-separated list of types, each with its arguments in
 * brackets ({@code gpc(3)}, {@code http_req_rate(10s)}, {@code gpc_rate(2,1m)}), added to the
 * table's stored data as {@code stktable_alloc_data_type()} does in HAProxy 2.6, then the
 * checks that forbid mixing an array with the old single names.
 */
final class StoreParser {
    private final String word;
    private final Map<DataType, StoredData> stored;
    private final Consumer<String> warnings;

    StoreParser(String word, Map<DataType, StoredData> stored, Consumer<String> warnings) {
        this.word = word;
        this.stored = stored;
        this.warnings = warnings;
    }

    void parse() throws StickTableException {
        int at = 0;
        while (at < word.length()) {
            at = option(at);
        }
        checkOverrides();
    }

    /** Parses the option starting at {@code start}; returns where the next one starts. */
    private int option(int start) throws StickTableException {
        int comma = word.indexOf(',', start);
        int open = word.indexOf('(', start);
        if (open < 0 || (comma >= 0 && comma < open)) {
            int end = comma < 0 ? word.length() : comma;
            add(word.substring(start, end), null, null);
            return comma < 0 ? end : end + 1;
        }
        String name = word.substring(start, open);
        int close = word.indexOf(')', open);
        if (close < 0) {
            throw SpecParser.error("missing closing parenthesis after store option '" + name + "'.");
        }
        // Inside the brackets HAProxy keeps the text before the first comma and after the last.
        String inside = word.substring(open + 1, close);
        int firstComma = inside.indexOf(',');
        String first = firstComma < 0 ? inside : inside.substring(0, firstComma);
        String second = firstComma < 0 ? null : inside.substring(inside.lastIndexOf(',') + 1);
        add(name, first, second);
        // Anything between ')' and the next comma is skipped, as HAProxy does.
        int next = word.indexOf(',', close);
        return next < 0 ? word.length() : next + 1;
    }

    /** {@code first} and {@code second} are null when absent, "" when empty: {@code conn_cnt()} is wrong. */
    private void add(String name, String first, String second) throws StickTableException {
        DataType type = DataType.byKeyword(name)
                .orElseThrow(() -> SpecParser.error("unknown store option '" + name + "'."));
        if (stored.containsKey(type)) {
            warnings.accept("stick-table: store option '" + name + "' already enabled, ignored.");
            return;
        }
        int count = 1;
        String argument = first;
        if (type.isArray()) {
            if (first == null) {
                throw SpecParser.error("missing argument to store option '" + name + "'.");
            }
            long parsed = SpecNumbers.leadingInteger(first);
            if (parsed < 1 || parsed > DataType.MAX_ARRAY_SIZE) {
                throw SpecParser.error("array size is out of allowed range (1-" + DataType.MAX_ARRAY_SIZE
                        + ") for store option '" + name + "'.");
            }
            count = (int) parsed;
            argument = second;
        }
        long period = 0;
        if (type.isRate()) {
            if (argument == null) {
                throw SpecParser.error("missing argument to store option '" + name + "'.");
            }
            try {
                period = SpecNumbers.time(argument, warnings);
            } catch (SpecNumbers.BadNumber e) {
                throw SpecParser.error("error when processing store option '" + name + "'.");
            }
        } else if (argument != null) {
            throw SpecParser.error("unexpected argument to store option '" + name + "'.");
        }
        stored.put(type, new StoredData(type, count, period));
    }

    private void checkOverrides() throws StickTableException {
        if (stored.containsKey(DataType.GPT) && stored.containsKey(DataType.GPT0)) {
            throw SpecParser.error("simultaneous usage of 'gpt' and 'gpt0' in a same table is not permitted as"
                    + " 'gpt' overrides 'gpt0'.");
        }
        if (stored.containsKey(DataType.GPC)
                && (stored.containsKey(DataType.GPC0) || stored.containsKey(DataType.GPC1))) {
            throw SpecParser.error("simultaneous usage of 'gpc' and 'gpc[0/1]' in a same table is not permitted as"
                    + " 'gpc' overrides 'gpc[0/1]'.");
        }
        if (stored.containsKey(DataType.GPC_RATE)
                && (stored.containsKey(DataType.GPC0_RATE) || stored.containsKey(DataType.GPC1_RATE))) {
            throw SpecParser.error("simultaneous usage of 'gpc_rate' and 'gpc[0/1]_rate' in a same table is not"
                    + " permitted as 'gpc_rate' overrides 'gpc[0/1]_rate'.");
        }
    }
}
