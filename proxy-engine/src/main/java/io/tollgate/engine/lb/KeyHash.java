package io.tollgate.engine.lb;

/**
 * The key hash of the hash-based algorithms: the function and modifier of
 * {@code hash-type <method> [<function> [<modifier>]]}, {@code sdbm} without modifier by default,
 * as HAProxy's {@code gen_hash()} in {@code src/backend.c}.
 *
 * <p>Functions: {@code sdbm} ({@code h = c + (h << 6) + (h << 16) - h}), {@code djb2}
 * ({@code h = h * 33 + c} from 5381) and {@code crc32} (IEEE, as zlib). {@code wt6} is refused.
 * The modifier {@code avalanche} passes the result through HAProxy's {@code full_hash()}
 * (Bob Jenkins' 32-bit integer mix), which spreads keys that differ only in their last bits.
 *
 * <p>Strings are hashed over their UTF-8 bytes without building them (a request target is ASCII,
 * so one byte per character), so a pick allocates nothing.
 */
final class KeyHash {
    private static final int SDBM = 0;
    private static final int DJB2 = 1;
    private static final int CRC32 = 2;
    private static final int[] CRC_TABLE = new int[256];

    static {
        for (int n = 0; n < 256; n++) {
            int c = n;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
            }
            CRC_TABLE[n] = c;
        }
    }

    private final int function;
    private final boolean avalanche;

    private KeyHash(int function, boolean avalanche) {
        this.function = function;
        this.avalanche = avalanche;
    }

    /** The function and modifier of a {@code hash-type} value ("consistent sdbm avalanche"); null means the default. */
    static KeyHash of(String hashType) {
        String[] words = hashType == null ? new String[0] : hashType.trim().split("\\s+");
        int function = SDBM;
        boolean avalanche = false;
        for (int i = 1; i < words.length; i++) {
            switch (words[i]) {
                case "sdbm" -> function = SDBM;
                case "djb2" -> function = DJB2;
                case "crc32" -> function = CRC32;
                case "avalanche" -> avalanche = true;
                default -> throw new IllegalArgumentException("hash-type: unsupported hash function or modifier '"
                        + words[i] + "' (supported: sdbm, djb2, crc32, avalanche)");
            }
        }
        return new KeyHash(function, avalanche);
    }

    /** The hash of {@code s.subSequence(from, to)}'s UTF-8 bytes, modifier applied. */
    int hash(CharSequence s, int from, int to) {
        int h = function == DJB2 ? 5381 : function == CRC32 ? ~0 : 0;
        for (int i = from; i < to; i++) {
            int c = s.charAt(i);
            if (c < 0x80) {
                h = step(h, c);
                continue;
            }
            int cp = Character.codePointAt(s, i);
            if (cp > 0xFFFF) {
                i++;
            }
            if (cp < 0x800) {
                h = step(step(h, 0xC0 | cp >> 6), 0x80 | cp & 0x3F);
            } else if (cp < 0x10000) {
                h = step(step(step(h, 0xE0 | cp >> 12), 0x80 | cp >> 6 & 0x3F), 0x80 | cp & 0x3F);
            } else {
                h = step(step(step(step(h, 0xF0 | cp >> 18), 0x80 | cp >> 12 & 0x3F), 0x80 | cp >> 6 & 0x3F),
                        0x80 | cp & 0x3F);
            }
        }
        return modify(function == CRC32 ? ~h : h);
    }

    /** Applies the modifier to a hash computed without the function (the source address hash). */
    int modify(int h) {
        return avalanche ? avalanche(h) : h;
    }

    private int step(int h, int b) {
        return switch (function) {
            case DJB2 -> (h << 5) + h + b;
            case CRC32 -> (h >>> 8) ^ CRC_TABLE[(h ^ b) & 0xFF];
            default -> b + (h << 6) + (h << 16) - h;
        };
    }

    /** HAProxy's {@code full_hash()}: Bob Jenkins' 32-bit integer hash. */
    static int avalanche(int a) {
        a = (a + 0x7ed55d16) + (a << 12);
        a = (a ^ 0xc761c23c) ^ (a >>> 19);
        a = (a + 0x165667b1) + (a << 5);
        a = (a + 0xd3a2646c) ^ (a << 9);
        a = (a + 0xfd7046c5) + (a << 3);
        a = (a ^ 0xb55a4f09) ^ (a >>> 16);
        return a;
    }
}
