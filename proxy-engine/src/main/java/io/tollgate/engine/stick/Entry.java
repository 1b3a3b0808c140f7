package io.tollgate.engine.stick;

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;

/**
 * One key of a {@link StickTable} and the data the table stores for it (HAProxy's
 * {@code stksess}).
 *
 * <p><b>References.</b> A session that tracks the entry ({@code track-sc*}) or is about to
 * update it holds a reference: {@link StickTable#acquire} hands one out, {@link #release} gives
 * it back. A referenced entry is never evicted nor expired, whatever its age, as in HAProxy;
 * {@code show table} prints the count as {@code use=}. Update an entry only while holding a
 * reference: an entry read through {@link StickTable#lookup} may be removed at any moment.
 *
 * <p><b>Updates.</b> Each event method updates whichever of its types the table stores (the
 * count and the rate for {@link #incHttpReq}, say), and when it changed anything pushes the
 * expiry to {@code expire} from now, as {@code stktable_touch_local} does. Types the table
 * does not store cost nothing. Counters are 64-bit here where HAProxy wraps at 32 bits.
 *
 * <p><b>Reads.</b> {@link #get} and {@link #rate} return the value for a stored type and throw
 * for another: check {@link #stores} first, since HAProxy's fetches answer "no sample" there.
 */
public final class Entry {
    /** The reference count of an entry removed from its table: it can no longer be acquired. */
    private static final int DEAD = -1;
    private static final AtomicIntegerFieldUpdater<Entry> REFS =
            AtomicIntegerFieldUpdater.newUpdater(Entry.class, "refs");
    private static final AtomicLongFieldUpdater<Entry> EXPIRE_AT =
            AtomicLongFieldUpdater.newUpdater(Entry.class, "expireAt");

    private final StickTable table;
    private final DataLayout layout;
    private final StickKey key;
    private final long id;
    private final AtomicLongArray data;
    private volatile String serverKey;
    private volatile int refs;
    private volatile long expireAt;
    /** Where the table's expiry queue holds this entry; moved only by the queue. */
    volatile ExpiryQueue.Slot slot;

    /** A new entry, referenced once by its creator. */
    Entry(StickTable table, DataLayout layout, StickKey key, long id, long expireAt) {
        this.table = table;
        this.layout = layout;
        this.key = key;
        this.id = id;
        this.data = new AtomicLongArray(layout.length());
        for (int at : layout.rateSlots()) {
            FreqCounter.init(data, at);
        }
        this.refs = 1;
        this.expireAt = expireAt;
    }

    public StickKey key() {
        return key;
    }

    /** A number unique in the table, which {@code show table} prints where HAProxy prints an address. */
    public long id() {
        return id;
    }

    /** The sessions holding the entry ({@code use=} in {@code show table}). */
    public int refs() {
        return Math.max(refs, 0);
    }

    /**
     * When the entry expires, in the table clock's milliseconds. For a table without
     * {@code expire} this is the last update, which orders eviction.
     */
    public long expiresAt() {
        return expireAt;
    }

    /** Whether the entry is still in its table. */
    public boolean isLive() {
        return refs != DEAD;
    }

    /** Takes a reference; false if the entry has left its table, which then needs a new one. */
    public boolean acquire() {
        while (true) {
            int r = refs;
            if (r == DEAD) {
                return false;
            }
            if (REFS.compareAndSet(this, r, r + 1)) {
                return true;
            }
        }
    }

    /** Gives a reference back; an entry that expired meanwhile leaves the table with its last one. */
    public void release() {
        while (true) {
            int r = refs;
            if (r <= 0) {
                throw new IllegalStateException("release() without acquire() on " + key);
            }
            if (REFS.compareAndSet(this, r, r - 1)) {
                if (r == 1) {
                    table.released(this);
                }
                return;
            }
        }
    }

    /** Marks an unreferenced entry dead; false if someone holds it or it is dead already. */
    boolean markDead() {
        return REFS.compareAndSet(this, 0, DEAD);
    }

    /** Pushes the expiry to {@code expire} from now; never pulls it back for a late clock reading. */
    public void touch() {
        touch(table.now());
    }

    private void touch(long now) {
        EXPIRE_AT.accumulateAndGet(this, table.expiryFrom(now), Math::max);
    }

    public boolean stores(DataType type) {
        return layout.stores(type);
    }

    /** A stored counter, gauge, tag or server_id; element 0 of an array. */
    public long get(DataType type) {
        return get(type, 0);
    }

    public long get(DataType type, int index) {
        requireNature(type, false);
        return data.get(slot(type, index));
    }

    /** A stored rate in events per its period, at the table's clock now. */
    public long rate(DataType type) {
        return rate(type, 0);
    }

    public long rate(DataType type, int index) {
        requireNature(type, true);
        return FreqCounter.read(data, slot(type, index), layout.period(type), table.now());
    }

    /** The server_key (a server's name or address), or null when none was stored. */
    public String serverKey() {
        if (!layout.stores(DataType.SERVER_KEY)) {
            throw new IllegalStateException(table.name() + " does not store server_key");
        }
        return serverKey;
    }

    /** A new connection: conn_cnt and conn_rate. */
    public void incConn() {
        count(DataType.CONN_CNT, DataType.CONN_RATE, 0, 1);
    }

    /** A new session (an accepted connection): sess_cnt and sess_rate. */
    public void incSess() {
        count(DataType.SESS_CNT, DataType.SESS_RATE, 0, 1);
    }

    /** A new HTTP request: http_req_cnt and http_req_rate. */
    public void incHttpReq() {
        count(DataType.HTTP_REQ_CNT, DataType.HTTP_REQ_RATE, 0, 1);
    }

    /** A request error (4xx, invalid request): http_err_cnt and http_err_rate. */
    public void incHttpErr() {
        count(DataType.HTTP_ERR_CNT, DataType.HTTP_ERR_RATE, 0, 1);
    }

    /** A server failure (5xx except 501 and 505, or no response): http_fail_cnt and http_fail_rate. */
    public void incHttpFail() {
        count(DataType.HTTP_FAIL_CNT, DataType.HTTP_FAIL_RATE, 0, 1);
    }

    /** Bytes from the client towards the server: bytes_in_cnt and bytes_in_rate. */
    public void addBytesIn(long bytes) {
        count(DataType.BYTES_IN_CNT, DataType.BYTES_IN_RATE, 0, bytes);
    }

    /** Bytes from the server towards the client: bytes_out_cnt and bytes_out_rate. */
    public void addBytesOut(long bytes) {
        count(DataType.BYTES_OUT_CNT, DataType.BYTES_OUT_RATE, 0, bytes);
    }

    /** A connection starts: conn_cur goes up. Returns the new value, 0 when not stored. */
    public long connCurInc() {
        int at = layout.slot(DataType.CONN_CUR, 0);
        if (at < 0) {
            return 0;
        }
        long value = data.incrementAndGet(at);
        touch(table.now());
        return value;
    }

    /** A connection ends: conn_cur goes down, never below 0. */
    public long connCurDec() {
        int at = layout.slot(DataType.CONN_CUR, 0);
        if (at < 0) {
            return 0;
        }
        long value = data.updateAndGet(at, v -> v > 0 ? v - 1 : 0);
        touch(table.now());
        return value;
    }

    /** {@code sc_inc_gpc0}: gpc0_rate and gpc0 (or gpc[0]); returns gpc0, else the rate's current count. */
    public long incGpc0() {
        return count(DataType.GPC0, DataType.GPC0_RATE, 0, 1);
    }

    /** {@code sc_inc_gpc1}, as {@link #incGpc0} for gpc1 (or gpc[1]). */
    public long incGpc1() {
        return count(DataType.GPC1, DataType.GPC1_RATE, 0, 1);
    }

    /** {@code sc_inc_gpc(idx)}: element {@code index} of gpc_rate and gpc. */
    public long incGpc(int index) {
        return count(DataType.GPC, DataType.GPC_RATE, index, 1);
    }

    /** {@code sc_clr_gpc0}: sets gpc0 to 0 and returns what it was (0 when not stored). */
    public long clearGpc0() {
        return clear(DataType.GPC0, 0);
    }

    public long clearGpc1() {
        return clear(DataType.GPC1, 0);
    }

    public long clearGpc(int index) {
        return clear(DataType.GPC, index);
    }

    /** {@code sc_set_gpt0}. */
    public void setGpt0(long value) {
        set(DataType.GPT0, 0, value);
    }

    /** {@code sc_set_gpt(idx)}. */
    public void setGpt(int index, long value) {
        set(DataType.GPT, index, value);
    }

    /** {@code stick store-request}: the server to stick to. */
    public void setServerId(int serverId) {
        set(DataType.SERVER_ID, 0, serverId);
    }

    /** {@code stick store-request}: the server's name or address, as the table's srvkey says. */
    public void setServerKey(String value) {
        if (layout.stores(DataType.SERVER_KEY)) {
            serverKey = value;
            touch(table.now());
        }
    }

    /** Sets a stored counter, gauge, tag or server_id ({@code set table ... data.<type>}); does nothing when not stored. */
    public void set(DataType type, int index, long value) {
        requireNature(type, false);
        int at = layout.slot(type, index);
        if (at >= 0) {
            data.set(at, value);
            touch(table.now());
        }
    }

    /** {@code set table ... data.<rate> <n>}: the rate reads {@code n} from now on; does nothing when not stored. */
    public void setRate(DataType type, int index, long value) {
        requireNature(type, true);
        int at = layout.slot(type, index);
        if (at >= 0) {
            long now = table.now();
            FreqCounter.set(data, at, now, value);
            touch(now);
        }
    }

    /** Adds to a count and its rate, whichever are stored; returns the count, else the rate's current count. */
    private long count(DataType counter, DataType rate, int index, long amount) {
        int counterAt = layout.slot(counter, index);
        int rateAt = layout.slot(rate, index);
        if (counterAt < 0 && rateAt < 0) {
            return 0;
        }
        long now = table.now();
        long result = 0;
        if (rateAt >= 0) {
            result = FreqCounter.add(data, rateAt, layout.period(rate), now, amount);
        }
        if (counterAt >= 0) {
            result = data.addAndGet(counterAt, amount);
        }
        touch(now);
        return result;
    }

    private long clear(DataType type, int index) {
        int at = layout.slot(type, index);
        if (at < 0) {
            return 0;
        }
        long previous = data.getAndSet(at, 0);
        touch(table.now());
        return previous;
    }

    private int slot(DataType type, int index) {
        int at = layout.slot(type, index);
        if (at < 0) {
            throw new IllegalStateException(table.name() + " does not store " + type.keyword()
                    + (index == 0 ? "" : "[" + index + "]"));
        }
        return at;
    }

    private static void requireNature(DataType type, boolean rate) {
        if (type.isRate() != rate || type.nature() == DataType.Nature.TEXT) {
            throw new IllegalArgumentException(type.keyword() + (rate ? " is not a rate" : " is not a number"));
        }
    }

    @Override
    public String toString() {
        return table.name() + "[" + key + "]";
    }
}
