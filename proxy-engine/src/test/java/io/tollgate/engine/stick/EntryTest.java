package io.tollgate.engine.stick;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An entry's data: each event updates only what its table stores, and reads say what is missing. */
class EntryTest {
    private final ManualClock clock = new ManualClock();

    private Entry tracked(String line) {
        StickTable table = Tables.table(line, clock);
        return table.acquire(table.keyOf("10.0.0.1"));
    }

    @Test
    void anHttpRequestCountsInTheCounterAndTheRate() {
        Entry entry = tracked("type ip size 10 store http_req_cnt,http_req_rate(10s)");

        for (int i = 0; i < 3; i++) {
            entry.incHttpReq();
        }

        assertThat(entry.get(DataType.HTTP_REQ_CNT)).isEqualTo(3);
        assertThat(entry.rate(DataType.HTTP_REQ_RATE)).isEqualTo(3);
        clock.advance(15_000);
        assertThat(entry.get(DataType.HTTP_REQ_CNT)).isEqualTo(3);
        assertThat(entry.rate(DataType.HTTP_REQ_RATE)).isEqualTo(1);
    }

    @Test
    void everyEventFindsItsTypes() {
        Entry entry = tracked("type ip size 10 store conn_cnt,conn_rate(1s),sess_cnt,sess_rate(1s),http_err_cnt,"
                + "http_err_rate(1s),http_fail_cnt,http_fail_rate(1s),bytes_in_cnt,bytes_in_rate(1s),"
                + "bytes_out_cnt,bytes_out_rate(1s),conn_cur");

        entry.incConn();
        entry.incSess();
        entry.incHttpErr();
        entry.incHttpFail();
        entry.addBytesIn(1500);
        entry.addBytesOut(70_000);
        entry.connCurInc();

        assertThat(entry.get(DataType.CONN_CNT)).isEqualTo(1);
        assertThat(entry.rate(DataType.CONN_RATE)).isEqualTo(1);
        assertThat(entry.get(DataType.SESS_CNT)).isEqualTo(1);
        assertThat(entry.rate(DataType.SESS_RATE)).isEqualTo(1);
        assertThat(entry.get(DataType.HTTP_ERR_CNT)).isEqualTo(1);
        assertThat(entry.rate(DataType.HTTP_ERR_RATE)).isEqualTo(1);
        assertThat(entry.get(DataType.HTTP_FAIL_CNT)).isEqualTo(1);
        assertThat(entry.rate(DataType.HTTP_FAIL_RATE)).isEqualTo(1);
        assertThat(entry.get(DataType.BYTES_IN_CNT)).isEqualTo(1500);
        assertThat(entry.rate(DataType.BYTES_IN_RATE)).isEqualTo(1500);
        assertThat(entry.get(DataType.BYTES_OUT_CNT)).isEqualTo(70_000);
        assertThat(entry.rate(DataType.BYTES_OUT_RATE)).isEqualTo(70_000);
        assertThat(entry.get(DataType.CONN_CUR)).isEqualTo(1);
    }

    @Test
    void unstoredTypesCostNothingAndReadsOfThemThrow() {
        Entry entry = tracked("type ip size 10 expire 10s store conn_cnt");
        long expiry = entry.expiresAt();
        clock.advance(1_000);

        entry.incHttpReq();
        entry.addBytesIn(10);
        assertThat(entry.connCurInc()).isZero();
        assertThat(entry.incGpc0()).isZero();

        assertThat(entry.stores(DataType.HTTP_REQ_CNT)).isFalse();
        assertThat(entry.expiresAt()).as("nothing changed, so nothing was touched").isEqualTo(expiry);
        assertThatThrownBy(() -> entry.get(DataType.HTTP_REQ_CNT))
                .isInstanceOf(IllegalStateException.class).hasMessage("t does not store http_req_cnt");
        assertThatThrownBy(() -> entry.serverKey()).isInstanceOf(IllegalStateException.class);
        entry.incConn();
        assertThat(entry.expiresAt()).isEqualTo(expiry + 1_000);
    }

    @Test
    void countersAndRatesAreReadThroughTheirOwnMethod() {
        Entry entry = tracked("type ip size 10 store conn_cnt,conn_rate(1s),server_key");

        assertThatThrownBy(() -> entry.get(DataType.CONN_RATE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> entry.rate(DataType.CONN_CNT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> entry.get(DataType.SERVER_KEY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> entry.set(DataType.CONN_RATE, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrentConnectionsNeverGoBelowZero() {
        Entry entry = tracked("type ip size 10 store conn_cur");

        assertThat(entry.connCurInc()).isEqualTo(1);
        assertThat(entry.connCurInc()).isEqualTo(2);
        assertThat(entry.connCurDec()).isEqualTo(1);
        assertThat(entry.connCurDec()).isZero();
        assertThat(entry.connCurDec()).isZero();
    }

    @Test
    void generalPurposeCountersAndTags() {
        Entry entry = tracked("type ip size 10 store gpc0,gpc0_rate(10s),gpc1,gpt0,server_id,server_key");

        assertThat(entry.incGpc0()).isEqualTo(1);
        assertThat(entry.incGpc0()).isEqualTo(2);
        assertThat(entry.rate(DataType.GPC0_RATE)).isEqualTo(2);
        assertThat(entry.incGpc1()).isEqualTo(1);
        assertThat(entry.clearGpc0()).isEqualTo(2);
        assertThat(entry.get(DataType.GPC0)).isZero();
        entry.setGpt0(7);
        entry.setServerId(3);
        entry.setServerKey("s3");

        assertThat(entry.get(DataType.GPT0)).isEqualTo(7);
        assertThat(entry.get(DataType.SERVER_ID)).isEqualTo(3);
        assertThat(entry.serverKey()).isEqualTo("s3");
    }

    @Test
    void withOnlyTheRateStoredIncGpc0ReturnsTheCurrentPeriodCount() {
        Entry entry = tracked("type ip size 10 store gpc0_rate(10s)");

        entry.incGpc0();
        assertThat(entry.incGpc0()).isEqualTo(2);
        clock.advance(10_000);
        assertThat(entry.incGpc0()).isEqualTo(1);
    }

    @Test
    void theOldSingleNamesFallBackOnArrayElementsAsIn26() {
        Entry entry = tracked("type ip size 10 store gpc(2),gpc_rate(2,10s),gpt(1)");

        entry.incGpc0();
        entry.incGpc1();
        entry.incGpc1();
        entry.incGpc(1);
        entry.setGpt0(5);

        assertThat(entry.stores(DataType.GPC0)).isTrue();
        assertThat(entry.get(DataType.GPC, 0)).isEqualTo(1).isEqualTo(entry.get(DataType.GPC0));
        assertThat(entry.get(DataType.GPC, 1)).isEqualTo(3).isEqualTo(entry.get(DataType.GPC1));
        assertThat(entry.rate(DataType.GPC_RATE, 1)).isEqualTo(3).isEqualTo(entry.rate(DataType.GPC1_RATE));
        assertThat(entry.get(DataType.GPT, 0)).isEqualTo(5);
        assertThat(entry.clearGpc1()).isEqualTo(3);
        assertThat(entry.clearGpc(1)).isZero();
        assertThatThrownBy(() -> entry.get(DataType.GPC, 2))
                .isInstanceOf(IllegalStateException.class).hasMessage("t does not store gpc[2]");
    }

    @Test
    void aOneElementArrayHasNoGpc1() {
        Entry entry = tracked("type ip size 10 store gpc(1)");

        assertThat(entry.stores(DataType.GPC0)).isTrue();
        assertThat(entry.stores(DataType.GPC1)).isFalse();
        assertThat(entry.incGpc1()).isZero();
    }

    @Test
    void releasingMoreThanAcquiredIsABug() {
        Entry entry = tracked("type ip size 10");
        entry.release();

        assertThatThrownBy(entry::release).isInstanceOf(IllegalStateException.class);
    }
}
