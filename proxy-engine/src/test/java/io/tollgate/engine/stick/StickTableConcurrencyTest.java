package io.tollgate.engine.stick;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two threads (two event loops) on one table, for a bounded number of operations. The first
 * run has room for every key, so no update may be lost; the second evicts and expires all the
 * time, so the table's bookkeeping must stay exact and never exceed its size.
 */
class StickTableConcurrencyTest {
    private static final int THREADS = 2;
    private static final int OPERATIONS = 50_000;

    @Test
    void noUpdateIsLostWhenEveryKeyFits() throws Exception {
        AtomicLong clock = new AtomicLong(1_000_000);
        StickTable table = new StickTable(Tables.spec("t", "type integer size 100 store http_req_cnt,http_req_rate(1s),"
                + "conn_cur"), clock::get);

        run(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            for (int i = 0; i < OPERATIONS; i++) {
                Entry entry = table.acquire(table.keyOf(random.nextInt(50)));
                entry.connCurInc();
                entry.incHttpReq();
                entry.connCurDec();
                entry.release();
                clock.incrementAndGet();
            }
        });

        List<Entry> entries = table.liveEntries();
        assertThat(entries.stream().mapToLong(e -> e.get(DataType.HTTP_REQ_CNT)).sum())
                .isEqualTo((long) THREADS * OPERATIONS);
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.refs()).isZero();
            assertThat(e.get(DataType.CONN_CUR)).isZero();
        });
        assertThat(table.used()).isEqualTo(entries.size()).isEqualTo(table.queued());
    }

    @Test
    void evictionAndExpiryKeepTheCountsExact() throws Exception {
        AtomicLong clock = new AtomicLong(1_000_000);
        StickTable table = new StickTable(Tables.spec("t", "type integer size 16 expire 50 store http_req_cnt"),
                clock::get);
        AtomicLong refused = new AtomicLong();
        AtomicLong maxUsed = new AtomicLong();

        run(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            for (int i = 0; i < OPERATIONS; i++) {
                Entry entry = table.acquire(table.keyOf(random.nextInt(200)));
                if (entry == null) {
                    refused.incrementAndGet();
                } else {
                    entry.incHttpReq();
                    entry.release();
                }
                maxUsed.accumulateAndGet(table.used(), Math::max);
                if (i % 100 == 0) {
                    table.purge();
                    table.lookup(table.keyOf(random.nextInt(200)));
                }
                clock.incrementAndGet();
            }
        });

        assertThat(maxUsed.get()).isLessThanOrEqualTo(16);
        // At most two entries are referenced at once, so there is always one to evict.
        assertThat(refused.get()).isZero();
        List<Entry> entries = table.liveEntries();
        assertThat(table.used()).isEqualTo(entries.size()).isEqualTo(table.queued());
        assertThat(entries).allSatisfy(e -> assertThat(e.refs()).isZero());
        clock.addAndGet(1_000);
        table.purge();
        assertThat(table.used()).isZero();
        assertThat(table.queued()).isZero();
    }

    private interface Worker {
        void run(long seed) throws Exception;
    }

    private static void run(Worker worker) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                long seed = 42 + t;
                done.add(pool.submit(() -> {
                    start.await();
                    worker.run(seed);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
