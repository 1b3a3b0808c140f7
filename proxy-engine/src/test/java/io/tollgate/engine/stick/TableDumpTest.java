package io.tollgate.engine.stick;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code show table}, line for line as HAProxy 2.6.12 printed the same tables (with its entry
 * addresses in place of our ids, and its exp after a few milliseconds had passed).
 */
class TableDumpTest {
    private final ManualClock clock = new ManualClock();

    @Test
    void aTrackedConnectionInTheTypicalTable() {
        // HAProxy: 0x5591d12cafb8: key=127.0.0.1 use=1 exp=599495 server_id=0 gpc0=0 conn_cnt=1
        //   conn_rate(10000)=1 conn_cur=1 http_req_rate(10000)=0 bytes_in_cnt=0 server_key=-
        StickTable table = Tables.table("type ip size 1k expire 10m store gpc0,conn_cnt,conn_cur,conn_rate(10s),"
                + "http_req_rate(10000),server_id,server_key,bytes_in_cnt", clock);
        Entry entry = table.acquire(table.keyOf("127.0.0.1"));
        entry.incConn();
        entry.connCurInc();
        clock.advance(505);

        assertThat(table.dump()).isEqualTo("# table: t, type: ip, size:1024, used:1\n"
                + "0x1: key=127.0.0.1 use=1 exp=599495 server_id=0 gpc0=0 conn_cnt=1 conn_rate(10000)=1 conn_cur=1"
                + " http_req_rate(10000)=0 bytes_in_cnt=0 server_key=-\n");
    }

    @Test
    void arraysPrintElementByElement() {
        // HAProxy: key=1.2.3.4 use=0 exp=59470 sess_cnt=0 http_fail_rate(5000)=0 gpt0=0 gpt1=0 gpc0=3
        //   gpc1=0 gpc0_rate(1000)=0 gpc1_rate(1000)=0
        StickTable table = Tables.table("type ip size 10 expire 1m store gpc(2),gpc_rate(2,1s),gpt(2),"
                + "http_fail_rate(5s),sess_cnt", clock);
        Entry entry = table.acquire(table.keyOf("1.2.3.4"));
        entry.set(DataType.GPC, 0, 3);
        entry.release();
        clock.advance(530);

        assertThat(table.dump()).endsWith(": key=1.2.3.4 use=0 exp=59470 sess_cnt=0 http_fail_rate(5000)=0 gpt0=0"
                + " gpt1=0 gpc0=3 gpc1=0 gpc0_rate(1000)=0 gpc1_rate(1000)=0\n");
    }

    @Test
    void withoutExpireExpIs0AndEntriesComeInKeyOrder() {
        StickTable table = Tables.table("type ipv6 size 20 store http_req_cnt", clock);
        for (String address : List.of("2001:db8::1", "::ffff:1.2.3.11", "::ffff:1.2.3.5", "::ffff:1.2.3.10")) {
            Entry entry = table.acquire(table.keyOf(address));
            entry.incHttpReq();
            entry.release();
        }
        clock.advance(1_000);

        assertThat(table.dump()).isEqualTo("# table: t, type: ipv6, size:20, used:4\n"
                + "0x3: key=::ffff:1.2.3.5 use=0 exp=0 http_req_cnt=1\n"
                + "0x4: key=::ffff:1.2.3.10 use=0 exp=0 http_req_cnt=1\n"
                + "0x2: key=::ffff:1.2.3.11 use=0 exp=0 http_req_cnt=1\n"
                + "0x1: key=2001:db8::1 use=0 exp=0 http_req_cnt=1\n");
    }

    @Test
    void integerKeysAreUnsigned() {
        StickTable table = Tables.table("type integer size 10", clock);
        table.acquire(table.keyOf("-1")).release();
        table.acquire(table.keyOf("12")).release();

        assertThat(table.dump()).isEqualTo("# table: t, type: integer, size:10, used:2\n"
                + "0x2: key=12 use=0 exp=0\n"
                + "0x1: key=4294967295 use=0 exp=0\n");
    }

    @Test
    void stringKeysAreEscapedAsDumpTextDoes() {
        StickTable table = Tables.table("type string size 10", clock);
        table.acquire(table.keyOf("a b=c\\d")).release();
        table.acquire(table.keyOf("café\t\u001b")).release();

        assertThat(table.dump()).isEqualTo("# table: t, type: string, size:10, used:2\n"
                + "0x1: key=a\\ b\\=c\\\\d use=0 exp=0\n"
                + "0x2: key=caf\\xC3\\xA9\\t\\e use=0 exp=0\n");
    }

    @Test
    void binaryKeysPrintTheWholeLengthInHex() {
        StickTable table = Tables.table("type binary len 4 size 10", clock);
        table.acquire(table.keyOf("ab")).release();

        assertThat(table.dump()).endsWith(": key=61620000 use=0 exp=0\n");
    }

    @Test
    void theHeaderCountsWhatThePurgeLeft() {
        StickTable table = Tables.table("type ip size 10 expire 1s store server_key", clock);
        table.acquire(table.keyOf("1.1.1.1")).release();
        Entry held = table.acquire(table.keyOf("2.2.2.2"));
        held.setServerKey("srv1");
        clock.advance(2_000);

        assertThat(table.header()).isEqualTo("# table: t, type: ip, size:10, used:2\n");
        assertThat(table.dump()).isEqualTo("# table: t, type: ip, size:10, used:1\n"
                + "0x2: key=2.2.2.2 use=1 exp=0 server_key=srv1\n");
    }

    @Test
    void aFilterChoosesTheLines() {
        StickTable table = Tables.table("type ip size 10 store gpc0", clock);
        for (int i = 1; i <= 3; i++) {
            Entry entry = table.acquire(table.keyOf("10.0.0." + i));
            entry.set(DataType.GPC0, 0, i);
            entry.release();
        }

        assertThat(table.dump(entry -> entry.get(DataType.GPC0) > 1)).isEqualTo(
                "# table: t, type: ip, size:10, used:3\n"
                        + "0x2: key=10.0.0.2 use=0 exp=0 gpc0=2\n"
                        + "0x3: key=10.0.0.3 use=0 exp=0 gpc0=3\n");
    }
}
