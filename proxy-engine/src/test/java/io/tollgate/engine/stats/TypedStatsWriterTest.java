package io.tollgate.engine.stats;

import io.tollgate.engine.runtime.Proxies;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TypedStatsWriterTest {
    private final ManualTicker ticker = new ManualTicker();
    private final Proxies proxies = new Proxies(LabConfig.lab(), ticker);
    private final StatsRegistry registry = new StatsRegistry(proxies, ticker);

    {
        LabTraffic.checksPassed(proxies);
    }

    /** Idle proxies print exactly HAProxy's typed lines, ten seconds after start. */
    @Test
    void idleProxiesPrintExactlyHaproxysLines() {
        ticker.advanceSeconds(10);
        List<String> ours = new TypedStatsWriter().write(registry.snapshot()).lines().toList();
        List<String> reference = HaproxyReference.read("show-stat-typed.txt").lines().toList();
        for (String object : List.of("F.6.0.", "B.6.0.", "F.7.0.")) {
            assertThat(ours.stream().filter(l -> l.startsWith(object)).toList())
                    .as(object).containsExactlyElementsOf(
                            reference.stream().filter(l -> l.startsWith(object)).toList());
        }
    }

    @Test
    void linesCarryTheRowTypesTagAndNumberModulesFrom103() {
        LabTraffic.request(proxies, "http-in", "ms1", 200);
        String typed = new TypedStatsWriter().write(registry.snapshot());
        assertThat(typed).contains("F.2.0.4.scur.1:MGP:u32:0\n")
                .contains("F.2.0.33.rate.1:MRP:u32:1\n")
                .contains("B.3.0.19.act.1:MGP:u32:2\n")
                .contains("B.3.0.33.rate.1:MGP:u32:1\n")
                .contains("S.3.1.19.act.1:SGP:u32:1\n")
                .contains("S.3.1.17.status.1:SGP:str:UP\n")
                .contains("S.3.1.73.addr.1:CGS:str:127.0.0.1:18080\n")
                .contains("S.3.1.55.lastsess.1:MAP:s32:0\n")
                .contains("F.2.0.103.ssl_sess.1:MCP:u64:0\n")
                .contains("B.3.0.126.h1_spliced_bytes_out.1:MCP:u64:0\n")
                .contains("S.3.1.105.ssl_failed_handshake.1:MCP:u64:0\n")
                .doesNotContain("S.3.1.106.")
                .doesNotContain(".-.")
                // empty on a frontend: no queue, no server-side fields
                .doesNotContain("F.2.0.2.qcur");
    }

    @Test
    void anEmptyTextIsPrintedWhileAnAbsentFieldIsLeftOut() {
        StatRow row = StatRow.builder(RowType.SERVER, "px", "s1", 3, 1)
                .text(StatField.LAST_CHK, "")
                .build();
        StringBuilder out = new StringBuilder();
        new TypedStatsWriter().writeRow(row, out);
        assertThat(out.toString()).isEqualTo("""
                S.3.1.0.pxname.1:KNS:str:px
                S.3.1.1.svname.1:KNS:str:s1
                S.3.1.26.pid.1:KGP:u32:1
                S.3.1.27.iid.1:KGS:u32:3
                S.3.1.28.sid.1:KGS:u32:1
                S.3.1.32.type.1:CGS:u32:2
                S.3.1.56.last_chk.1:MOP:str:
                """);
    }

    @Test
    void descriptionsAreAppendedOnRequest() {
        StatRow row = StatRow.builder(RowType.FRONTEND, "fe", "FRONTEND", 2, 0).build();
        StringBuilder out = new StringBuilder();
        new TypedStatsWriter(true).writeRow(row, out);
        assertThat(out.toString()).startsWith("F.2.0.0.pxname.1:KNS:str:fe:\"proxy name\"\n");
    }
}
