package io.tollgate.engine.stick;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A table key as HAProxy stores it: the bytes of the address (network order), of the integer
 * (big-endian, 32 bits) or of the truncated string. Binary keys are kept without their
 * trailing zero bytes, which makes "ab" and "ab\0" one key as HAProxy's zero padding does,
 * without holding the padding. Keys order as unsigned bytes, the order {@code show table}
 * prints.
 */
public final class StickKey implements Comparable<StickKey> {
    private final byte[] bytes;
    private final int hash;

    StickKey(byte[] bytes) {
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
    }

    /** A copy of the key's bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    int length() {
        return bytes.length;
    }

    /** The byte at {@code index}; 0 past the end, as a zero-padded binary key reads. */
    int byteAt(int index) {
        return index < bytes.length ? bytes[index] & 0xFF : 0;
    }

    @Override
    public int compareTo(StickKey other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StickKey other && hash == other.hash && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }
}
