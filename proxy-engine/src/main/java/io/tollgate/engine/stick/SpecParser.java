package io.tollgate.engine.stick;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads the words after {@code stick-table} the way {@code parse_stick_table()} does in
 * HAProxy 2.6 (src/stick_table.c), with its messages. One instance per line.
 */
final class SpecParser {
    /** Tollgate's own bound: HAProxy accepts any length and reserves it per entry. */
    static final int MAX_KEY_LENGTH = 65_536;
    private static final String KW = "stick-table";

    private final String name;
    private final List<String> words;
    private final Consumer<String> warnings;
    private int at;

    private KeyType keyType;
    private int keyLength;
    private long size;
    private long expireMs;
    private boolean noPurge;
    private String peers;
    private StickTableSpec.SrvKey srvKey = StickTableSpec.SrvKey.NAME;
    private String writeTo;
    private final Map<DataType, StoredData> stored = new EnumMap<>(DataType.class);

    SpecParser(String name, List<String> words, Consumer<String> warnings) {
        this.name = name;
        this.words = words;
        this.warnings = warnings;
    }

    StickTableSpec parse() throws StickTableException {
        if (name == null || name.isEmpty()) {
            throw error("ID not provided.");
        }
        while (at < words.size()) {
            String word = words.get(at++);
            switch (word) {
                case "size" -> size = size(valueAfter(word));
                case "peers" -> peers = valueAfter(word);
                case "expire" -> expireMs = expire(valueAfter(word));
                case "nopurge" -> noPurge = true;
                case "type" -> type();
                case "store" -> new StoreParser(word(at++), stored, warnings).parse();
                case "srvkey" -> srvKey = srvKey(word(at++));
                case "write-to" -> writeTo = valueAfter(word);
                default -> throw error("unknown argument '" + word + "'.");
            }
        }
        if (size == 0) {
            throw error("missing size.");
        }
        if (keyType == null) {
            throw error("missing type.");
        }
        return new StickTableSpec(name, keyType, keyLength, size, expireMs, noPurge, peers, srvKey, writeTo,
                List.copyOf(stored.values()));
    }

    /** {@code type <t> [len <n>]}: HAProxy names the word it stopped at when it fails. */
    private void type() throws StickTableException {
        String word = word(at);
        KeyType type = KeyType.byKeyword(word).orElseThrow(() -> error("unknown type '" + word + "'."));
        at++;
        int length = type.defaultLength();
        if (type.hasCustomLength() && "len".equals(word(at))) {
            at++;
            String lengthWord = word(at);
            long parsed = SpecNumbers.leadingInteger(lengthWord);
            if (parsed <= 0) {
                throw error("unknown type '" + lengthWord + "'.");
            }
            if (parsed > MAX_KEY_LENGTH) {
                throw error("key length " + parsed + " is larger than Tollgate's limit of " + MAX_KEY_LENGTH + " bytes.");
            }
            length = (int) parsed;
            at++;
        }
        keyType = type;
        keyLength = length;
    }

    private long size(String value) throws StickTableException {
        try {
            return SpecNumbers.size(value);
        } catch (SpecNumbers.BadNumber e) {
            throw error("unexpected character '" + e.character() + "' in argument of 'size'.");
        }
    }

    private long expire(String value) throws StickTableException {
        try {
            return SpecNumbers.time(value, warnings);
        } catch (SpecNumbers.BadNumber e) {
            throw switch (e.problem()) {
                case OVERFLOW -> error("timer overflow in argument <" + value
                        + "> to <expire>, maximum value is 2147483647 ms (~24.8 days).");
                case UNDERFLOW -> error("timer underflow in argument <" + value
                        + "> to <expire>, minimum non-null value is 1 ms.");
                case BAD_CHARACTER -> error("unexpected character '" + e.character() + "' in argument of 'expire'.");
            };
        }
    }

    private StickTableSpec.SrvKey srvKey(String word) throws StickTableException {
        return switch (word) {
            case "name" -> StickTableSpec.SrvKey.NAME;
            case "addr" -> StickTableSpec.SrvKey.ADDR;
            // HAProxy puts a space before this one colon.
            default -> throw new StickTableException(KW + " : unknown server key type '" + word + "'.");
        };
    }

    private String valueAfter(String keyword) throws StickTableException {
        String value = word(at);
        if (value.isEmpty()) {
            throw error("missing argument after '" + keyword + "'.");
        }
        at++;
        return value;
    }

    /** The word at {@code index}, or "" past the end, as HAProxy's argument array reads. */
    private String word(int index) {
        return index < words.size() ? words.get(index) : "";
    }

    static StickTableException error(String message) {
        return new StickTableException(KW + ": " + message);
    }
}
