package io.tollgate.engine.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicReferenceArray;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The (user, password) pairs that verified recently, so that a browser re-sending the same
 * {@code Authorization} header on every request costs one HMAC instead of a crypt(3) run (1 to
 * 2 ms of event-loop CPU for a default {@code $6$} hash).
 *
 * <p>Each pair is remembered as its HMAC-SHA256 tag under a key drawn at random when the cache is
 * made: no password is kept, tags cannot be precomputed elsewhere, and two pairs share a tag only
 * by a 2^-256 accident. Only successes are ever stored, so a wrong password always goes to the hash.
 *
 * <p>The cache is a fixed array of slots, the slot chosen by the tag: it never holds more than its
 * size, needs no lock, and evicts by overwriting, so when two busy users share a slot each may pay
 * an occasional re-hash. Entries do not expire; a {@link Userlist} and its cache are replaced
 * together when the configuration is reloaded.
 */
final class VerifiedCache {
    static final int DEFAULT_SLOTS = 2048;
    private static final String MAC = "HmacSHA256";

    /**
     * Keyed once, then only cloned, so no check pays for a provider lookup and key setup. Cloning
     * reads it and nothing ever updates it, so threads may clone it at once.
     */
    private final Mac keyed;
    private final AtomicReferenceArray<byte[]> slots;
    private final int mask;

    VerifiedCache() {
        this(DEFAULT_SLOTS);
    }

    /** @param slots how many pairs it can hold, a power of two */
    VerifiedCache(int slots) {
        if (slots < 1 || Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("cache slots must be a power of two, got " + slots);
        }
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        try {
            this.keyed = Mac.getInstance(MAC);
            keyed.init(new SecretKeySpec(secret, MAC));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has " + MAC, e);
        }
        this.slots = new AtomicReferenceArray<>(slots);
        this.mask = slots - 1;
    }

    boolean contains(String user, byte[] password) {
        byte[] tag = tag(user, password);
        byte[] held = slots.get(slot(tag));
        return held != null && MessageDigest.isEqual(tag, held);
    }

    void remember(String user, byte[] password) {
        byte[] tag = tag(user, password);
        slots.set(slot(tag), tag);
    }

    /** How many slots are filled; for tests. */
    int size() {
        int n = 0;
        for (int i = 0; i < slots.length(); i++) {
            if (slots.get(i) != null) {
                n++;
            }
        }
        return n;
    }

    private int slot(byte[] tag) {
        return ((tag[0] & 0xff) << 24 | (tag[1] & 0xff) << 16 | (tag[2] & 0xff) << 8 | (tag[3] & 0xff)) & mask;
    }

    /** The user's length goes first so that ("ab", "c") and ("a", "bc") cannot share a tag. */
    private byte[] tag(String user, byte[] password) {
        byte[] name = user.getBytes(StandardCharsets.UTF_8);
        try {
            Mac mac = (Mac) keyed.clone();
            mac.update(new byte[] {(byte) (name.length >>> 24), (byte) (name.length >>> 16),
                (byte) (name.length >>> 8), (byte) name.length});
            mac.update(name);
            mac.update(password);
            return mac.doFinal();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's " + MAC + " can be cloned", e);
        }
    }
}
