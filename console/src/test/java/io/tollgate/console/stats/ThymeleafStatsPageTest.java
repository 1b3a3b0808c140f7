package io.tollgate.console.stats;

import io.tollgate.engine.api.ProcessInfo;
import io.tollgate.engine.api.StatsPageRequest;
import io.tollgate.engine.config.StatsSettings;
import io.tollgate.engine.stats.RowType;
import io.tollgate.engine.stats.StatRow;
import io.tollgate.engine.stats.StatsSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.tollgate.engine.stats.StatField.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The page drawn from hand-made rows: what each cell of a frontend, server and backend row says
 * (FORMATS §7.4), the headings, options and banners, the drawing thread, and how long a page of
 * 4,000 servers takes.
 */
class ThymeleafStatsPageTest {
    private static final String G = String.valueOf(CellText.GROUP);
    private static final Pattern TD = Pattern.compile("<td([^>]*)>(.*?)</td>", Pattern.DOTALL);

    private final ThymeleafStatsPage page = new ThymeleafStatsPage("Tollgate", "Tollgate version 1, released 2026/11/23");

    @AfterEach
    void close() {
        page.close();
    }

    @Test
    void serverCellsReadAsHaproxysDo() {
        StatRow up = Pages.check(Pages.server(3, "app", 1, "a1", "UP"), "L7OK", 200L, "Layer7 check passed", "OK")
                .build();
        String html = page.draw(Pages.request(List.of(up, Pages.backend(3, "app", "UP")), false));

        assertThat(texts(html, "3/1/S")).containsExactly("0", "0", "-", "0", "20", "",
                "0", "1", "300", "26", "26", "27s", "2" + G + "444", "3" + G + "822", "", "0", "", "0", "0", "0", "0",
                "3m14s UP", "L7OK/200 in 0ms", "1/1", "Y", "-", "0", "1", "35s", "-");
        assertThat(html).contains("title=\"Layer7 check passed: OK\">L7OK/200 in 0ms<")
                .contains("title=\"Failed Health Checks\">0<")
                .contains("<tr class=\"active_up\" data-key=\"3/1/S\">");
    }

    @Test
    void sessionsTotalTellsResponsesAndTimes() {
        StatRow up = Pages.server(3, "app", 1, "a1", "no check").number(HRSP_5XX, 2).build();
        String html = page.draw(Pages.request(List.of(up, Pages.backend(3, "app", "UP")), false));

        assertThat(html).contains("Cum. sessions: 26\nNew connections: 26\nReused connections: 0 (0%)\n"
                + "Cum. HTTP requests: 26\n- HTTP 1xx responses: 0 (0%)\n- HTTP 2xx responses: 26 (100%)\n")
                .contains("- HTTP 5xx responses: 2 (7%)\n")
                .contains("Failed hdr rewrites: 0\nInternal errors: 0\n")
                .contains("Max / Avg over last 1024 success. conn.\n- Queue time: 0 / 0 ms\n- Connect time: 4 / 1 ms\n"
                        + "- Responses time: 5 / 2 ms\n- Total time: 6 / 3 ms\">26<")
                .contains("title=\"Connection resets during transfers: 0 client, 0 server\"");
    }

    @Test
    void statusesShowTheirChangeTimeArrowsAndNoCheck() {
        List<StatRow> rows = List.of(
                Pages.check(Pages.server(3, "app", 1, "coming", "DOWN 1/2"), "L4OK", null, "Layer4 check passed", "")
                        .build(),
                Pages.check(Pages.server(3, "app", 2, "leaving", "UP 2/3").number(LASTCHG, 3720), "L4CON", null,
                        "Layer4 connection problem", "Connection refused").build(),
                Pages.server(3, "app", 3, "plain", "no check").number(LASTSESS, -1).number(THROTTLE, 25).build(),
                Pages.server(3, "app", 4, "follower", "UP").text(TRACKED, "app/plain").number(QLIMIT, 10).build(),
                Pages.server(3, "app", 5, "off", "MAINT").number(LASTCHG, 5).build(),
                Pages.backend(3, "app", "DOWN"));
        String html = page.draw(Pages.request(rows, false));

        assertThat(texts(html, "3/1/S")).contains("3m14s DOWN 1/2 \u2191", "L4OK in 0ms");
        assertThat(html).contains("<tr class=\"active_going_up\" data-key=\"3/1/S\">")
                .contains("title=\"Layer4 check passed\">L4OK in 0ms<");
        assertThat(texts(html, "3/2/S")).contains("1h2m UP 2/3 \u2193");
        assertThat(html).contains("<tr class=\"active_going_down\" data-key=\"3/2/S\">")
                .contains("title=\"Layer4 connection problem: Connection refused\">L4CON in 0ms<");
        List<String> plain = texts(html, "3/3/S");
        assertThat(plain.get(11)).isEqualTo("?"); // Last: never
        assertThat(plain).contains("no check").endsWith("", "25 %"); // Chk/Dwn/Dwntme span empty, Thrtle
        assertThat(html).contains("<td class=\"ac nocheck\">no check</td>")
                .contains("<tr class=\"active_no_check\" data-key=\"3/3/S\">");
        assertThat(texts(html, "3/4/S")).startsWith("0", "0", "10").endsWith("via app/plain", "-");
        assertThat(html).contains("<td class=\"ac\" colspan=\"3\">via app/plain</td>");
        assertThat(texts(html, "3/5/S")).contains("5s MAINT");
        assertThat(html).contains("<tr class=\"maintain\" data-key=\"3/5/S\">")
                .contains("<td class=\"ac down\">37s DOWN</td>");
    }

    @Test
    void frontendAndBackendRowsHaveTheirOwnColumns() {
        String html = page.draw(Pages.request(List.of(Pages.frontend(2, "web"), Pages.backend(2, "web", "UP")), false));

        assertThat(texts(html, "2/0/F")).containsExactly("", "0", "117", "-", "0", "2", "8" + G + "000", "151", "", "",
                "13" + G + "594", "22" + G + "247", "0", "0", "0", "", "", "", "", "OPEN", "");
        assertThat(html).contains("<td colspan=\"3\"></td>").contains("<td class=\"ac\">OPEN</td>\n  <td colspan=\"8\">")
                .contains("title=\"Current connection rate: 0/s\nCurrent session rate: 0/s\nCurrent request rate: 0/s\"")
                .contains("title=\"Cum. connections: 151\nCum. sessions: 151\nCum. HTTP requests: 151\n");
        assertThat(texts(html, "2/0/B")).containsExactly("0", "0", "", "0", "39", "", "0", "1", "800", "51", "51",
                "27s", "4" + G + "794", "7" + G + "497", "0", "0", "", "0", "0", "0", "0",
                "37s UP", "", "1/1", "1", "0", "", "0", "0s", "");
        assertThat(html).contains("<tr class=\"frontend\" data-key=\"2/0/F\">")
                .contains("<tr class=\"backend\" data-key=\"2/0/B\">");
    }

    @Test
    void listenerRowsShowSessionsBytesAndState() {
        StatRow listener = StatRow.builder(RowType.LISTENER, "web", "sock-1", 2, 5).text(STATUS, "OPEN")
                .number(SCUR, 1).number(SMAX, 2).number(SLIM, 100).number(STOT, 3).number(BIN, 1000).number(BOUT, 2000)
                .number(DREQ, 0).number(DRESP, 0).number(EREQ, 0).text(ADDR, "127.0.0.1:80").build();
        String html = page.draw(Pages.request(List.of(Pages.frontend(2, "web"), listener), false));

        assertThat(texts(html, "2/5/L")).containsExactly("", "", "1", "2", "100", "3", "", "", "1" + G + "000",
                "2" + G + "000", "0", "0", "0", "", "", "", "", "OPEN", "");
        assertThat(html).contains("<tr class=\"socket\" data-key=\"2/5/L\">");
    }

    @Test
    void showLegendsNamesAddressesIdsAndAlgorithms() {
        StatsSettings legends = new StatsSettings("/st", "r", List.of(), List.of(), null, 0, false, true, null, null,
                List.of());
        StatRow server = Pages.server(3, "app", 1, "a1", "no check").text(ADDR, "10.0.0.1:80").text(COOKIE, "c1")
                .build();
        String html = page.draw(new StatsPageRequest(new StatsSnapshot(0, List.of(server, Pages.backend(3, "app", "UP"))),
                legends, "st", "/st", false, false, false, null, null, false, null, Pages.PROCESS, null));

        assertThat(html).contains("<td class=\"name\" title=\"10.0.0.1:80\nid: 1\ncookie: c1\">a1</td>")
                .contains("<a id=\"app\" href=\"#app\" title=\"mode: http\nid: 3\nbalancing: roundrobin\">app</a>");
    }

    @Test
    void headingsCarryTheNodeAndDescriptionWhenAsked() {
        ProcessInfo process = new ProcessInfo(77, 0, 2_000, 4, 100, 0, 0, 1024, "lb1", "edge proxy", 1_234_567, 2, 9);
        StatsSettings settings = new StatsSettings("/st", "r", List.of(), List.of(), null, 0, false, false, "", "",
                List.of());
        String html = page.draw(new StatsPageRequest(new StatsSnapshot(0, List.of()), settings, "st", "/st", false,
                false, false, null, null, false, null, process, null));

        assertThat(html).contains("<title>Statistics Report for HAProxy on lb1</title>")
                .contains("<h2>Statistics Report for pid 77 on lb1: edge proxy</h2>")
                .contains("<b>pid = </b><span>77 (process #1, nbproc = 1, nbthread = 4)</span>")
                .contains("<b>uptime = </b><span>0d 0h00m02s</span>")
                .contains("ulimit-n = 1024")
                .contains("bit rate = 1.235 Mbps")
                .contains("<b>Running tasks: </b><span>2/9</span>");
        assertThat(HtmlTags.mismatch(html)).isNull();
    }

    @Test
    void displayOptionsKeepThePagesOtherOptions() {
        StatsSettings refreshing = Pages.settings(false, 5);
        StatsPageRequest up = new StatsPageRequest(new StatsSnapshot(0, List.of()), refreshing, "st", "/st", true,
                false, false, "ap", null, false, null, Pages.PROCESS, null);
        assertThat(page.draw(up)).contains("<a href=\"/st?scope=ap\">Show all servers</a>")
                .contains("<a href=\"/st;up;norefresh?scope=ap\">Disable refresh</a>")
                .contains("<a href=\"/st;up?scope=ap\">Refresh now</a>")
                .contains("<form method=\"get\" action=\"/st;up\">")
                .contains("value=\"ap\"")
                .contains("<a href=\"/st;csv;norefresh?scope=ap\">CSV export</a>")
                .contains("data-live=\"/st;json;norefresh?scope=ap\"");

        StatsPageRequest stopped = new StatsPageRequest(new StatsSnapshot(0, List.of()), refreshing, "st", "/st",
                false, false, true, null, null, false, null, Pages.PROCESS, null);
        assertThat(page.draw(stopped)).contains("<a href=\"/st\">Enable refresh</a>")
                .contains("<a href=\"/st;up;norefresh\">Hide &#39;DOWN&#39; servers</a>");
    }

    @Test
    void withoutAdminRightsThereIsNoActionForm() {
        List<StatRow> rows = List.of(Pages.server(3, "app", 1, "a1", "no check").build(), Pages.backend(3, "app", "UP"));

        assertThat(page.draw(Pages.request(rows, true))).contains("method=\"post\"").contains("name=\"s\"")
                .contains("name=\"token\" value=\"tok3n\"").contains("name=\"b\" value=\"#3\"");
        assertThat(page.draw(Pages.request(rows, false))).doesNotContain("method=\"post\"").doesNotContain("name=\"s\"")
                .doesNotContain("name=\"action\"").doesNotContain("name=\"token\"").doesNotContain("class=\"sel\"");
    }

    @Test
    void anUnknownResultCodeIsAnUnexpectedResult() {
        StatsPageRequest r = new StatsPageRequest(new StatsSnapshot(0, List.of()), Pages.settings(false, 0), "st",
                "/st", false, false, false, null, "ZZZZ", false, null, Pages.PROCESS, null);
        assertThat(page.draw(r)).contains("<div class=\"banner active_no_check\">").contains("Unexpected result.");

        StatsPageRequest errp = new StatsPageRequest(new StatsSnapshot(0, List.of()), Pages.settings(false, 0), "st",
                "/st", false, false, false, null, "ERRP", false, null, Pages.PROCESS, null);
        assertThat(page.draw(errp)).contains("Action not processed because of invalid parameters.")
                .contains("<li>The action is maybe unknown.</li>");
    }

    @Test
    void drawsOnItsOwnDaemonThreadAndFailsOnceClosed() throws Exception {
        String html = page.render(Pages.request(List.of(Pages.frontend(2, "web")), false)).get(10, TimeUnit.SECONDS);

        assertThat(html).contains("data-proxy=\"web\"");
        assertThat(Thread.getAllStackTraces().keySet()).anyMatch(t -> t.getName().equals("tollgate-stats-page")
                && t.isDaemon());
        page.close();
        assertThatThrownBy(() -> page.render(Pages.request(List.of(), false)).get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(RejectedExecutionException.class);
    }

    /** 200 backends of 20 servers: the figure is printed, not asserted (machines differ). */
    @Test
    void aPageOfFourThousandServersStaysWellFormed() throws Exception {
        List<StatRow> rows = new ArrayList<>();
        for (int b = 1; b <= 200; b++) {
            String proxy = "be" + b;
            for (int s = 1; s <= 20; s++) {
                rows.add(Pages.check(Pages.server(b, proxy, s, "srv" + s, s % 7 == 0 ? "DOWN" : "UP"),
                        s % 7 == 0 ? "L4CON" : "L7OK", s % 7 == 0 ? null : 200L, "words", "text").build());
            }
            rows.add(Pages.backend(b, proxy, "UP"));
        }
        StatsPageRequest request = Pages.request(rows, true);
        String html = "";
        long best = Long.MAX_VALUE;
        long first = 0;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            html = page.render(request).get(60, TimeUnit.SECONDS);
            long took = System.nanoTime() - start;
            first = i == 0 ? took : first;
            best = Math.min(best, took);
        }
        System.out.printf("stats page: 200 backends x 20 servers, %d rows, %d kB, first %d ms, best of 5 %d ms%n",
                rows.size(), html.length() / 1024, first / 1_000_000, best / 1_000_000);

        assertThat(HtmlTags.mismatch(html)).isNull();
        assertThat(count(html, "<section class=\"proxy\"")).isEqualTo(200);
        assertThat(count(html, "<tr class=\"active_")).isEqualTo(4000);
        assertThat(count(html, "name=\"action\"")).isEqualTo(200);
    }

    /** The text of each cell after the name in the row with {@code key}, entities decoded. */
    private static List<String> texts(String html, String key) {
        int start = html.indexOf("data-key=\"" + key + "\"");
        assertThat(start).as("row %s", key).isNotNegative();
        String row = html.substring(start, html.indexOf("</tr>", start));
        row = row.substring(row.indexOf("<td class=\"name\""));
        List<String> texts = new ArrayList<>();
        Matcher m = TD.matcher(row);
        while (m.find()) {
            texts.add(m.group(2).replace("&lt;", "<").replace("&gt;", ">").replace("&#39;", "'").replace("&amp;", "&"));
        }
        return texts.subList(1, texts.size());
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            n++;
        }
        return n;
    }
}
