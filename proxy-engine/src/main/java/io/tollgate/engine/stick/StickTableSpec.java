package io.tollgate.engine.stick;

import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A parsed {@code stick-table} line: what a {@link StickTable} is built from.
 *
 * @param name      the table's name: its proxy's, or the {@code table} name in a peers section
 * @param keyType   how keys are read and printed
 * @param keyLength key bytes kept: 4 for ip and integer, 16 for ipv6, {@code len} (or the
 *                  type's default) for string and binary
 * @param size      the most entries the table holds (1 to 2^32-1)
 * @param expireMs  how long an entry lives after its last update, 0 for as long as there is room
 * @param noPurge   when full, refuse new entries instead of evicting the oldest
 * @param peers     the {@code peers} section to replicate with, or null
 * @param srvKey    what {@code server_key} records of a server
 * @param writeTo   the table that {@code write-to} mirrors updates into, or null
 * @param stored    the {@code store} options, in {@link DataType} order, each type at most once
 */
public record StickTableSpec(String name, KeyType keyType, int keyLength, long size, long expireMs, boolean noPurge,
                             String peers, SrvKey srvKey, String writeTo, List<StoredData> stored) {

    /** {@code srvkey}: whether server_key holds the server's name (default) or its address. */
    public enum SrvKey { NAME, ADDR }

    public StickTableSpec {
        stored = List.copyOf(stored);
        for (int i = 1; i < stored.size(); i++) {
            if (stored.get(i - 1).type().compareTo(stored.get(i).type()) >= 0) {
                throw new IllegalArgumentException("stored data must be in DataType order without repeats: " + stored);
            }
        }
        if (size < 1 || keyLength < 1) {
            throw new IllegalArgumentException("size and key length must be positive");
        }
    }

    /**
     * Parses the words after {@code stick-table}; warnings (a type stored twice, characters
     * after a time unit) are dropped. See {@link #parse(String, List, Consumer)}.
     */
    public static StickTableSpec parse(String tableName, List<String> words) throws StickTableException {
        return parse(tableName, words, warning -> { });
    }

    /**
     * Parses the words after {@code stick-table} as HAProxy 2.6 does: arguments in any order,
     * the last of a repeated one winning, {@code store} accumulating. Errors carry HAProxy's
     * message; what HAProxy only warns about goes to {@code warnings}, in its words.
     * {@code write-to} is accepted although HAProxy 2.6 does not know it.
     */
    public static StickTableSpec parse(String tableName, List<String> words, Consumer<String> warnings)
            throws StickTableException {
        return new SpecParser(tableName, words, warnings).parse();
    }

    /**
     * This spec also storing {@code types} (one element, no period) it does not store yet: what
     * HAProxy adds to a table that {@code stick} rules write servers into.
     */
    public StickTableSpec alsoStoring(DataType... types) {
        TreeMap<DataType, StoredData> all = new TreeMap<>();
        stored.forEach(d -> all.put(d.type(), d));
        for (DataType t : types) {
            all.putIfAbsent(t, new StoredData(t, 1, 0));
        }
        return all.size() == stored.size() ? this : new StickTableSpec(name, keyType, keyLength, size, expireMs,
                noPurge, peers, srvKey, writeTo, List.copyOf(all.values()));
    }

    public boolean stores(DataType type) {
        return data(type).isPresent();
    }

    /** The {@code store} option for {@code type}, if the table stores it. */
    public Optional<StoredData> data(DataType type) {
        for (StoredData data : stored) {
            if (data.type() == type) {
                return Optional.of(data);
            }
        }
        return Optional.empty();
    }
}
