package io.tollgate.engine.stick;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns a sample into a key of a table's type, following HAProxy 2.6's sample casts
 * ({@code sample_casts[][]} in src/sample.c) and {@code smp_to_stkey()}. Null means the
 * sample cannot be a key of this table, and HAProxy then neither tracks nor stores it:
 * <ul>
 *   <li>ip: text must be IPv4 ({@code buf2ip}, trailing junk ignored); an IPv6 address only
 *       if IPv4-mapped ({@code ::ffff:a.b.c.d}); an integer is an address in host order.
 *   <li>ipv6: text must be IPv6 ({@code inet_pton}: "1.2.3.4" as text is refused); an IPv4
 *       address is mapped into {@code ::ffff:}.
 *   <li>integer: text is read as a signed number up to the first non-digit (so "abc" is 0, ""
 *       nothing); an IPv4 address is its 32-bit value; every value keeps its low 32 bits.
 *   <li>string: the text up to the first NUL, cut to the key length; numbers and addresses are
 *       printed first.
 *   <li>binary: the bytes cut to the key length; an integer is 8 bytes big-endian, an address
 *       its 4 or 16 bytes.
 * </ul>
 */
final class KeyConversion {
    private KeyConversion() {
    }

    static StickKey fromString(KeyType type, int length, String sample) {
        return switch (type) {
            case IP -> key(AddressText.ipv4(sample));
            case IPV6 -> key(AddressText.ipv6(sample));
            case INTEGER -> sample.isEmpty() ? null : integer(readInt64(sample));
            case STRING -> string(sample, length);
            case BINARY -> binary(sample.getBytes(StandardCharsets.UTF_8), length);
        };
    }

    static StickKey fromInteger(KeyType type, int length, long sample) {
        return switch (type) {
            case IP -> new StickKey(int32(sample));
            case IPV6 -> new StickKey(mapped(int32(sample)));
            case INTEGER -> integer(sample);
            case STRING -> string(Long.toString(sample), length);
            case BINARY -> binary(new byte[] {
                    (byte) (sample >>> 56), (byte) (sample >>> 48), (byte) (sample >>> 40), (byte) (sample >>> 32),
                    (byte) (sample >>> 24), (byte) (sample >>> 16), (byte) (sample >>> 8), (byte) sample}, length);
        };
    }

    static StickKey fromAddress(KeyType type, int length, InetAddress sample) {
        byte[] raw = sample.getAddress();
        boolean v4 = sample instanceof Inet4Address;
        return switch (type) {
            case IP -> v4 ? new StickKey(raw) : key(unmapped(raw));
            case IPV6 -> new StickKey(v4 ? mapped(raw) : raw);
            case INTEGER -> v4 ? new StickKey(raw) : null;
            case STRING -> string(AddressText.format(raw), length);
            case BINARY -> binary(raw, length);
        };
    }

    private static StickKey key(byte[] bytes) {
        return bytes == null ? null : new StickKey(bytes);
    }

    private static StickKey integer(long value) {
        return new StickKey(int32(value));
    }

    private static byte[] int32(long value) {
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    /** HAProxy compares strings up to their NUL, so a NUL ends the key too. */
    private static StickKey string(String sample, int length) {
        byte[] bytes = sample.getBytes(StandardCharsets.UTF_8);
        int end = Math.min(bytes.length, length);
        for (int i = 0; i < end; i++) {
            if (bytes[i] == 0) {
                end = i;
                break;
            }
        }
        return new StickKey(end == bytes.length ? bytes : Arrays.copyOf(bytes, end));
    }

    private static StickKey binary(byte[] bytes, int length) {
        int end = Math.min(bytes.length, length);
        while (end > 0 && bytes[end - 1] == 0) {
            end--;
        }
        return new StickKey(end == bytes.length ? bytes : Arrays.copyOf(bytes, end));
    }

    private static byte[] mapped(byte[] v4) {
        byte[] v6 = new byte[16];
        v6[10] = (byte) 0xFF;
        v6[11] = (byte) 0xFF;
        System.arraycopy(v4, 0, v6, 12, 4);
        return v6;
    }

    /** {@code v6tov4}: the IPv4 address inside {@code ::ffff:a.b.c.d}, or null. */
    private static byte[] unmapped(byte[] v6) {
        for (int i = 0; i < 10; i++) {
            if (v6[i] != 0) {
                return null;
            }
        }
        if (v6[10] != (byte) 0xFF || v6[11] != (byte) 0xFF) {
            return null;
        }
        return Arrays.copyOfRange(v6, 12, 16);
    }

    /** {@code read_int64}: a sign, then digits up to the first other character, saturating. */
    private static long readInt64(String text) {
        int i = 0;
        boolean negative = false;
        if (text.charAt(0) == '-' || text.charAt(0) == '+') {
            negative = text.charAt(0) == '-';
            i = 1;
        }
        long value = 0;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                break;
            }
            if (value > (Long.MAX_VALUE - (c - '0')) / 10) {
                return negative ? Long.MIN_VALUE : Long.MAX_VALUE;
            }
            value = value * 10 + (c - '0');
        }
        return negative ? -value : value;
    }
}
