package io.tollgate.engine.stick;

import java.util.Optional;

/**
 * The {@code type} of a stick table, which fixes how a sample becomes a key
 * ({@link KeyConversion}) and how {@code show table} prints it. The sizes are HAProxy 2.6's
 * ({@code stktable_types[]} in {@code src/stick_table.c}).
 */
public enum KeyType {
    /** IPv4 addresses only: an IPv6 sample is refused unless it is IPv4-mapped. */
    IP("ip", 4, false),
    /** IPv6 addresses; IPv4 addresses are stored mapped ({@code ::ffff:a.b.c.d}). */
    IPV6("ipv6", 16, false),
    /** Unsigned 32-bit integers: larger or negative samples keep their low 32 bits. */
    INTEGER("integer", 4, false),
    /**
     * Strings truncated to {@code len} bytes. Without {@code len} HAProxy reserves 32 bytes
     * including the terminating NUL, so 31 bytes are kept (checked against HAProxy 2.6.12).
     */
    STRING("string", 31, true),
    /** Byte strings truncated or zero-padded to {@code len} bytes (32 by default). */
    BINARY("binary", 32, true);

    private final String keyword;
    private final int defaultLength;
    private final boolean customLength;

    KeyType(String keyword, int defaultLength, boolean customLength) {
        this.keyword = keyword;
        this.defaultLength = defaultLength;
        this.customLength = customLength;
    }

    /** The word after {@code type}, and in {@code show table}'s header. */
    public String keyword() {
        return keyword;
    }

    /** How many key bytes a table of this type keeps when no {@code len} is given. */
    public int defaultLength() {
        return defaultLength;
    }

    /** Whether {@code len <n>} may follow the type. */
    public boolean hasCustomLength() {
        return customLength;
    }

    public static Optional<KeyType> byKeyword(String word) {
        for (KeyType type : values()) {
            if (type.keyword.equals(word)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
