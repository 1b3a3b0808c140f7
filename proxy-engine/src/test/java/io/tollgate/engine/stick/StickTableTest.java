package io.tollgate.engine.stick;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** References, expiry and the size bound of one table, on a clock the tests step. */
class StickTableTest {
    private final ManualClock clock = new ManualClock();

    private static StickKey key(StickTable table, int n) {
        return table.keyOf("10.0.0." + n);
    }

    /** Creates the entry for 10.0.0.n, counts a connection and lets it go, as a finished session would. */
    private static void use(StickTable table, int n) {
        Entry entry = table.acquire(key(table, n));
        entry.incConn();
        entry.release();
    }

    @Test
    void acquireCreatesOnceAndCountsReferences() {
        StickTable table = Tables.table("type ip size 10 store conn_cnt", clock);

        Entry first = table.acquire(key(table, 1));
        Entry second = table.acquire(key(table, 1));

        assertThat(second).isSameAs(first);
        assertThat(first.refs()).isEqualTo(2);
        assertThat(table.used()).isEqualTo(1);
        first.release();
        second.release();
        assertThat(first.refs()).isZero();
        assertThat(table.lookup(key(table, 1))).isSameAs(first);
        assertThat(table.lookup(key(table, 2))).isNull();
    }

    @Test
    void entriesExpireAfterTheirLastUpdate() {
        StickTable table = Tables.table("type ip size 10 expire 10s store conn_cnt", clock);
        use(table, 1);

        clock.advance(9_999);
        use(table, 1);
        clock.advance(9_999);
        assertThat(table.lookup(key(table, 1))).isNotNull();

        clock.advance(1);
        assertThat(table.lookup(key(table, 1))).as("expired, removed on access").isNull();
        assertThat(table.used()).isZero();
        assertThat(table.queued()).isZero();
    }

    @Test
    void anExpiredKeyStartsAfresh() {
        StickTable table = Tables.table("type ip size 10 expire 10s store conn_cnt", clock);
        use(table, 1);
        Entry old = table.lookup(key(table, 1));
        clock.advance(10_000);

        Entry fresh = table.acquire(key(table, 1));

        assertThat(fresh).isNotSameAs(old);
        assertThat(old.isLive()).isFalse();
        assertThat(old.acquire()).isFalse();
        assertThat(fresh.get(DataType.CONN_CNT)).isZero();
        assertThat(table.used()).isEqualTo(1);
    }

    @Test
    void aTrackedEntryOutlivesItsExpiryAndGoesWithItsLastReference() {
        StickTable table = Tables.table("type ip size 10 expire 10s store conn_cnt", clock);
        Entry tracked = table.acquire(key(table, 1));

        clock.advance(60_000);
        assertThat(table.purge()).isZero();
        assertThat(table.lookup(key(table, 1))).isSameAs(tracked);

        tracked.release();
        assertThat(tracked.isLive()).isFalse();
        assertThat(table.used()).isZero();
    }

    @Test
    void purgeRemovesOnlyExpiredUnreferencedEntries() {
        StickTable table = Tables.table("type ip size 10 expire 10s store conn_cnt", clock);
        use(table, 1);
        use(table, 2);
        Entry held = table.acquire(key(table, 3));
        clock.advance(5_000);
        use(table, 4);
        // Updated after it was queued: the purge must see its new expiry, not the old place.
        use(table, 2);

        clock.advance(5_000);
        assertThat(table.purge()).isEqualTo(1);
        assertThat(table.lookup(key(table, 1))).isNull();
        assertThat(table.lookup(key(table, 2))).isNotNull();
        assertThat(table.lookup(key(table, 3))).isSameAs(held);
        assertThat(table.lookup(key(table, 4))).isNotNull();
        assertThat(table.used()).isEqualTo(3);
        assertThat(table.queued()).isEqualTo(3);
    }

    @Test
    void withoutExpireNothingIsPurged() {
        StickTable table = Tables.table("type ip size 10 store conn_cnt", clock);
        use(table, 1);
        clock.advance(365L * 86_400_000);

        assertThat(table.purge()).isZero();
        assertThat(table.lookup(key(table, 1))).isNotNull();
    }

    @Test
    void aFullTableEvictsTheLeastRecentlyUpdated() {
        StickTable table = Tables.table("type ip size 3 store conn_cnt", clock);
        use(table, 1);
        clock.advance(1);
        use(table, 2);
        clock.advance(1);
        use(table, 3);
        clock.advance(1);
        use(table, 1);
        clock.advance(1);

        use(table, 4);

        assertThat(table.used()).isEqualTo(3);
        assertThat(table.lookup(key(table, 2))).as("least recently updated").isNull();
        assertThat(table.lookup(key(table, 1))).isNotNull();
        assertThat(table.lookup(key(table, 3))).isNotNull();
        assertThat(table.lookup(key(table, 4))).isNotNull();
    }

    @Test
    void withExpireTheSoonestToExpireGoesFirst() {
        StickTable table = Tables.table("type ip size 2 expire 1h store conn_cnt", clock);
        use(table, 1);
        clock.advance(1_000);
        use(table, 2);
        clock.advance(1_000);

        use(table, 3);

        assertThat(table.lookup(key(table, 1))).isNull();
        assertThat(table.lookup(key(table, 2))).isNotNull();
    }

    @Test
    void referencedEntriesAreNeverEvictedAndAFullTableOfThemRefusesNewKeys() {
        StickTable table = Tables.table("type ip size 2 store conn_cnt", clock);
        Entry first = table.acquire(key(table, 1));
        clock.advance(1);
        Entry second = table.acquire(key(table, 2));
        clock.advance(1);

        assertThat(table.acquire(key(table, 3))).isNull();
        assertThat(table.used()).isEqualTo(2);

        second.release();
        Entry third = table.acquire(key(table, 3));
        assertThat(third).isNotNull();
        assertThat(first.isLive()).isTrue();
        assertThat(second.isLive()).isFalse();
        assertThat(table.used()).isEqualTo(2);
    }

    @Test
    void evictionSkipsReferencedEntriesAmongTheOldest() {
        StickTable table = Tables.table("type ip size 4 store conn_cnt", clock);
        Entry oldest = table.acquire(key(table, 1));
        clock.advance(1);
        Entry next = table.acquire(key(table, 2));
        clock.advance(1);
        use(table, 3);
        clock.advance(1);
        use(table, 4);
        clock.advance(1);

        use(table, 5);

        assertThat(oldest.isLive()).isTrue();
        assertThat(next.isLive()).isTrue();
        assertThat(table.lookup(key(table, 3))).isNull();
        assertThat(table.lookup(key(table, 4))).isNotNull();
    }

    @Test
    void noPurgeRefusesNewKeysWhenFull() {
        StickTable table = Tables.table("type ip size 2 nopurge store conn_cnt", clock);
        use(table, 1);
        use(table, 2);

        assertThat(table.acquire(key(table, 3))).isNull();
        assertThat(table.lookup(key(table, 1))).isNotNull();
        assertThat(table.lookup(key(table, 2))).isNotNull();
    }

    @Test
    void evictionMakesRoomInBatchesOfASizeOver256() {
        StickTable table = Tables.table("type ip size 512 store conn_cnt", clock);
        for (int i = 0; i < 512; i++) {
            Entry entry = table.acquire(table.keyOf(i));
            entry.release();
            clock.advance(1);
        }

        table.acquire(table.keyOf(512)).release();

        // 512/256 + 1 = 3 evicted for one created, as stktable_trash_oldest does.
        assertThat(table.used()).isEqualTo(510);
        assertThat(table.lookup(table.keyOf(0))).isNull();
        assertThat(table.lookup(table.keyOf(2))).isNull();
        assertThat(table.lookup(table.keyOf(3))).isNotNull();
    }

    @Test
    void removeAndClearLeaveReferencedEntries() {
        StickTable table = Tables.table("type ip size 10 store conn_cnt", clock);
        use(table, 1);
        use(table, 2);
        use(table, 3);
        Entry held = table.acquire(key(table, 4));

        assertThat(table.remove(key(table, 1))).isTrue();
        assertThat(table.remove(key(table, 1))).isFalse();
        assertThat(table.remove(key(table, 4))).isFalse();
        assertThat(table.clear()).isEqualTo(2);
        assertThat(table.used()).isEqualTo(1);
        assertThat(table.lookup(key(table, 4))).isSameAs(held);
    }
}
