package io.tollgate.engine.stick;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The registry the engine looks tables up in. */
class StickTablesTest {
    private final ManualClock clock = new ManualClock();

    @Test
    void tablesByNameOnOneClock() {
        StickTables tables = StickTables.of(List.of(
                Tables.spec("per_ip", "type ip size 1k expire 10s store http_req_rate(10s)"),
                Tables.spec("per_user", "type string size 10")), clock);

        StickTable perIp = tables.find("per_ip").orElseThrow();
        perIp.acquire(perIp.keyOf("10.0.0.1")).release();

        assertThat(tables.find("nope")).isEmpty();
        assertThat(tables.all()).extracting(StickTable::name).containsExactly("per_ip", "per_user");
        assertThat(tables.isEmpty()).isFalse();
        clock.advance(10_000);
        assertThat(tables.purge()).isEqualTo(1);
    }

    @Test
    void showTableListsTheLastDeclaredFirstAsHaproxyDoes() {
        StickTables tables = StickTables.of(List.of(
                Tables.spec("tip", "type ip size 1k"),
                Tables.spec("t6", "type ipv6 size 2"),
                Tables.spec("tstr", "type string size 10")), clock);

        assertThat(tables.summary()).isEqualTo("# table: tstr, type: string, size:10, used:0\n"
                + "# table: t6, type: ipv6, size:2, used:0\n"
                + "# table: tip, type: ip, size:1024, used:0\n");
    }

    @Test
    void twoTablesWithOneNameAreRefused() {
        StickTableSpec spec = Tables.spec("dup", "type ip size 1");

        assertThatThrownBy(() -> StickTables.of(List.of(spec, spec), clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("two stick tables are named 'dup'");
    }
}
