package io.tollgate.engine.stick;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * A stick table with HAProxy 2.6's semantics: keys of one {@link KeyType}, each with the data
 * the {@code store} options ask for, at most {@code size} of them, each expiring
 * {@code expire} after its last update.
 *
 * <h2>Threads</h2>
 * Used from every event loop at once and never blocks: the keys are in a
 * {@link ConcurrentHashMap}, the data in atomics, the count of entries is reserved with a
 * compare-and-set before an entry is created, so the table never holds more than
 * {@code size}. An entry leaves the table only by one compare-and-set of its reference count
 * from 0 to "dead", so exactly one thread removes it and nobody can acquire it afterwards; a
 * thread that meets a dead entry creates a new one.
 *
 * <h2>When full</h2>
 * Creating an entry in a full table first evicts a batch of the oldest unreferenced entries
 * ({@code size/256 + 1}, as {@code stktable_trash_oldest} does), "oldest" meaning the soonest
 * to expire, which is the least recently updated. With {@code nopurge}, or when every entry
 * looked at is referenced, the new entry is refused and {@link #acquire} returns null: HAProxy
 * then does not track. The search is bounded (twice the batch, at least 128 places) so that a
 * table full of tracked entries costs a short walk; HAProxy bounds it to twice the batch.
 *
 * <h2>Expiry</h2>
 * Lazy: an expired unreferenced entry is treated as absent when it is looked up, is removed
 * when its last reference goes, and {@link #purge} removes the rest; the engine calls it
 * periodically, as HAProxy's expiry task runs. A referenced entry never expires. An entry
 * updated at the very moment it expires or is evicted may still be removed: its next use
 * creates it afresh (HAProxy, under its lock, would keep it).
 *
 * <h2>Time</h2>
 * Every age and rate reads the injected clock, milliseconds from any origin that only moves
 * forward ({@link #MONOTONIC_CLOCK} in production).
 */
public final class StickTable {
    /** Milliseconds from {@link System#nanoTime()}: steady, unlike the wall clock. */
    public static final LongSupplier MONOTONIC_CLOCK = () -> System.nanoTime() / 1_000_000L;
    private static final int MIN_SEARCH = 128;

    private final StickTableSpec spec;
    private final DataLayout layout;
    private final LongSupplier clock;
    private final ConcurrentHashMap<StickKey, Entry> entries = new ConcurrentHashMap<>();
    private final ExpiryQueue queue = new ExpiryQueue();
    private final AtomicLong used = new AtomicLong();
    private final AtomicLong ids = new AtomicLong();
    private final int evictBatch;
    private final int searchLimit;

    public StickTable(StickTableSpec spec, LongSupplier clockMs) {
        this.spec = spec;
        this.layout = new DataLayout(spec);
        this.clock = clockMs;
        this.evictBatch = (int) (spec.size() >> 8) + 1;
        this.searchLimit = Math.max(2 * evictBatch, MIN_SEARCH);
    }

    public StickTableSpec spec() {
        return spec;
    }

    public String name() {
        return spec.name();
    }

    /** Entries in the table, the expired ones not purged yet included (HAProxy's {@code used}). */
    public long used() {
        return used.get();
    }

    /**
     * Whether entries hold {@code type}, the legacy gpt0/gpc0/gpc1 names included when they
     * fall back on array elements. A fetch on a type not stored yields no sample.
     */
    public boolean stores(DataType type) {
        return layout.stores(type);
    }

    /** The key for a text sample, or null when it cannot be one (see {@link KeyConversion}). */
    public StickKey keyOf(String sample) {
        return KeyConversion.fromString(spec.keyType(), spec.keyLength(), sample);
    }

    /**
     * The key a runtime API command names ({@code show|clear|set table <t> key <k>}), read as
     * HAProxy 2.6's CLI reads it, which is not how samples convert: an ip key that is no dotted
     * quad is 0.0.0.0 (HAProxy would try DNS first), an ipv6 key must parse, an integer key is
     * {@code strtoul} up to the first non-digit within 32 bits, a string is taken as is. Null
     * means "Invalid key"; binary tables cannot be addressed this way (the caller says so).
     */
    public StickKey commandKey(String text) {
        return switch (spec.keyType()) {
            case IP -> {
                byte[] v4 = AddressText.strictIpv4(text);
                yield new StickKey(v4 == null ? new byte[4] : v4);
            }
            case IPV6 -> {
                byte[] v6 = AddressText.ipv6(text);
                yield v6 == null ? null : new StickKey(v6);
            }
            case INTEGER -> {
                long value = unsignedPrefix(text);
                yield value < 0 ? null : keyOf(value);
            }
            case STRING -> keyOf(text);
            case BINARY -> null;
        };
    }

    /** {@code strtoul} as HAProxy checks it: digits after optional blanks and sign, at most 32 bits; -1 when refused. */
    private static long unsignedPrefix(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            negative = text.charAt(i++) == '-';
        }
        int start = i;
        long value = 0;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            value = value * 10 + (text.charAt(i++) - '0');
            if (value > 0xFFFF_FFFFL) {
                return -1;
            }
        }
        if (i == start || (negative && value != 0)) {
            return -1; // a negative number wraps to more than 32 bits in strtoul
        }
        return value;
    }

    /** The key for an integer sample, or null. */
    public StickKey keyOf(long sample) {
        return KeyConversion.fromInteger(spec.keyType(), spec.keyLength(), sample);
    }

    /** The key for an address sample ({@code src}, {@code dst}), or null: an IPv6 address in an ip table. */
    public StickKey keyOf(InetAddress sample) {
        return KeyConversion.fromAddress(spec.keyType(), spec.keyLength(), sample);
    }

    /**
     * The live entry for {@code key}, or null. No reference is taken: read it, or
     * {@link Entry#acquire} it before updating it.
     */
    public Entry lookup(StickKey key) {
        if (key == null) {
            return null;
        }
        Entry entry = entries.get(key);
        if (entry == null || !entry.isLive() || (isExpired(entry, now()) && kill(entry))) {
            return null;
        }
        return entry;
    }

    /**
     * The entry for {@code key}, created if missing, with one reference taken for the caller,
     * who must {@link Entry#release} it. Null when {@code key} is null, or the table is full
     * and nothing can be evicted. The entry's expiry is pushed as by an update.
     */
    public Entry acquire(StickKey key) {
        if (key == null) {
            return null;
        }
        long now = now();
        while (true) {
            Entry entry = entries.get(key);
            if (entry != null) {
                if (isExpired(entry, now) && kill(entry)) {
                    continue;
                }
                if (entry.acquire()) {
                    entry.touch();
                    return entry;
                }
                // Removed by another thread between get and acquire: make room for a new one.
                entries.remove(key, entry);
                continue;
            }
            if (!reserve()) {
                return null;
            }
            Entry created = new Entry(this, layout, key, ids.incrementAndGet(), expiryFrom(now));
            if (entries.putIfAbsent(key, created) == null) {
                queue.add(created);
                return created;
            }
            // Another thread created it first: give the room back and use theirs.
            used.decrementAndGet();
        }
    }

    /** {@code clear table <t> key <k>}: removes the entry unless it is referenced. */
    public boolean remove(StickKey key) {
        Entry entry = key == null ? null : entries.get(key);
        return entry != null && kill(entry);
    }

    /** {@code clear table <t>}: removes every unreferenced entry; returns how many. */
    public int clear() {
        return clear(entry -> true);
    }

    /** {@code clear table <t> data.<type> <op> <value>...}: removes the unreferenced entries passing {@code filter}. */
    public int clear(Predicate<Entry> filter) {
        int removed = 0;
        for (Entry entry : entries.values()) {
            if (entry.isLive() && filter.test(entry) && kill(entry)) {
                removed++;
            }
        }
        return removed;
    }

    /** Removes the expired unreferenced entries; returns how many. Cheap when nothing expired. */
    public int purge() {
        return spec.expireMs() > 0 ? queue.purge(now(), this::kill) : 0;
    }

    /** {@code show table <name>}: the header, then one line per entry in key order. */
    public String dump() {
        return dump(entry -> true);
    }

    /** {@code show table <name>} with a filter on entries ({@code data.<type> <op> <value>}, {@code key <k>}). */
    public String dump(Predicate<Entry> filter) {
        purge();
        return new TableDump(this, now()).render(liveEntries(), filter);
    }

    /** {@code show table}: the header line alone. */
    public String header() {
        return TableDump.header(this);
    }

    /** The live entries in key order, for dumps and the runtime API. */
    List<Entry> liveEntries() {
        List<Entry> live = new ArrayList<>(entries.values());
        live.removeIf(entry -> !entry.isLive());
        live.sort(Comparator.comparing(Entry::key));
        return live;
    }

    long now() {
        return clock.getAsLong();
    }

    /** When an entry updated at {@code now} expires; without {@code expire}, {@code now} orders eviction. */
    long expiryFrom(long now) {
        return now + spec.expireMs();
    }

    /** Called by an entry whose last reference just went. */
    void released(Entry entry) {
        if (isExpired(entry, now())) {
            kill(entry);
        }
    }

    private boolean isExpired(Entry entry, long now) {
        return spec.expireMs() > 0 && entry.expiresAt() <= now;
    }

    /** Removes an unreferenced entry; false if it is referenced or gone already. */
    private boolean kill(Entry entry) {
        if (!entry.markDead()) {
            return false;
        }
        entries.remove(entry.key(), entry);
        queue.remove(entry);
        used.decrementAndGet();
        return true;
    }

    /** Counts one more entry, evicting when full; false when there is no room to make. */
    private boolean reserve() {
        while (true) {
            long count = used.get();
            if (count < spec.size()) {
                if (used.compareAndSet(count, count + 1)) {
                    return true;
                }
                continue;
            }
            if (spec.noPurge() || !evict()) {
                return false;
            }
        }
    }

    /**
     * Evicts a batch. A walk can end having only put back entries updated since they were
     * queued, which then sit behind it; one more walk finds them in order.
     */
    private boolean evict() {
        return queue.evict(evictBatch, searchLimit, this::kill) > 0
                || queue.evict(evictBatch, searchLimit, this::kill) > 0;
    }

    /** Places in the expiry queue, for tests: always {@link #used()} once the table is quiet. */
    int queued() {
        return queue.size();
    }

    @Override
    public String toString() {
        return "StickTable[" + name() + ", used=" + used() + "/" + spec.size() + "]";
    }
}
