package io.tollgate.engine.stats;

import io.tollgate.engine.runtime.Proxies;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonStatsWriterTest {
    /** HAProxy's {@code show stat json} for lab.cfg, as the CLI printed it. */
    private static final String REFERENCE = HaproxyReference.read("show-stat.json");

    private final ManualTicker ticker = new ManualTicker();
    private final Proxies proxies = new Proxies(LabConfig.lab(), ticker);
    private final StatsRegistry registry = new StatsRegistry(proxies, ticker);
    private final JsonStatsWriter writer = new JsonStatsWriter();

    {
        LabTraffic.checksPassed(proxies);
    }

    @Test
    void theReferenceIsTheDocumentPlusTheClisEmptyLine() {
        String ours = writer.write(registry.snapshot());
        assertThat(ours).startsWith("[[{\"objType\":\"Frontend\",\"proxyId\":2,\"id\":0,\"field\":{\"pos\":0,")
                .endsWith("}}]]\n");
        assertThat(ours.indexOf('\n')).as("the only LF ends the document").isEqualTo(ours.length() - 1);
        assertThat(REFERENCE).endsWith("}}]]\n\n");
        assertThat(rows(ours)).hasSameSizeAs(rows(REFERENCE.substring(0, REFERENCE.length() - 1)));
    }

    @Test
    void anEmptySnapshotIsAnEmptyArrayAsInHaproxy() {
        // "show stat 99 -1 -1 json" on haproxy 2.6.12 answers "[]\n" and the CLI's empty line.
        assertThat(writer.write(new StatsSnapshot(0, List.of()))).isEqualTo("[]\n");
    }

    /** Every object of lab.cfg, in HAProxy's order, with HAProxy's fields, tags and types. */
    @Test
    void objectsAndTheirFieldsAreHaproxys() {
        List<Object> ours = asList(MiniJson.parse(writer.write(registry.snapshot())));
        List<Object> reference = asList(MiniJson.parse(REFERENCE));
        assertThat(reference).hasSize(13);
        assertThat(ours.stream().map(JsonStatsWriterTest::identity).toList())
                .containsExactlyElementsOf(reference.stream().map(JsonStatsWriterTest::identity).toList());
        for (int i = 0; i < ours.size(); i++) {
            assertThat(shape(ours.get(i))).as(identity(ours.get(i)))
                    .containsExactlyElementsOf(shape(reference.get(i)));
        }
    }

    /** Proxies that saw no traffic print exactly HAProxy's text, ten seconds after start. */
    @Test
    void idleProxiesPrintExactlyHaproxysArrays() {
        ticker.advanceSeconds(10);
        StatsSnapshot snapshot = registry.snapshot();
        List<String> reference = rows(REFERENCE.substring(0, REFERENCE.length() - 1));
        String[][] idle = {{"stats", "FRONTEND"}, {"stats", "BACKEND"}, {"prometheus", "FRONTEND"}};
        for (String[] key : idle) {
            StatRow row = snapshot.row(key[0], key[1]).orElseThrow();
            StringBuilder ours = new StringBuilder();
            writer.writeRow(row, ours);
            assertThat(ours.toString()).as(row.toString())
                    .isEqualTo(reference.get(snapshot.rows().indexOf(row)));
        }
    }

    @Test
    void numbersAreBareAndTagsFollowTheRowType() {
        LabTraffic.request(proxies, "http-in", "ms1", 200);
        String json = writer.write(registry.snapshot());
        assertThat(json).contains("{\"objType\":\"Backend\",\"proxyId\":3,\"id\":0,\"field\":{\"pos\":33,"
                        + "\"name\":\"rate\"},\"processNum\":1,\"tags\":{\"origin\":\"Metric\",\"nature\":\"Gauge\","
                        + "\"scope\":\"Process\"},\"value\":{\"type\":\"u32\",\"value\":1}}")
                .contains("{\"objType\":\"Server\",\"proxyId\":3,\"id\":1,\"field\":{\"pos\":73,\"name\":\"addr\"},"
                        + "\"processNum\":1,\"tags\":{\"origin\":\"Config\",\"nature\":\"Gauge\",\"scope\":\"Service\"},"
                        + "\"value\":{\"type\":\"str\",\"value\":\"127.0.0.1:18080\"}}")
                .contains("\"field\":{\"pos\":126,\"name\":\"h1_spliced_bytes_out\"}")
                .doesNotContain("\"field\":{\"pos\":127,");
        StatRow down = StatRow.builder(RowType.SERVER, "px", "s1", 3, 1).number(StatField.LASTSESS, -1).build();
        StringBuilder out = new StringBuilder();
        writer.writeRow(down, out);
        assertThat(out.toString()).endsWith("\"value\":{\"type\":\"s32\",\"value\":-1}}]");
    }

    /** An empty text is printed, an absent field left out, as in typed output. */
    @Test
    void anEmptyTextIsPrintedWhileAnAbsentFieldIsLeftOut() {
        StatRow row = StatRow.builder(RowType.SERVER, "px", "s1", 3, 1).text(StatField.LAST_CHK, "").build();
        StringBuilder out = new StringBuilder();
        writer.writeRow(row, out);
        List<Object> fields = asList(MiniJson.parse(out.toString()));
        assertThat(fields.stream().map(f -> field(f, "field", "name")).toList())
                .containsExactly("pxname", "svname", "pid", "iid", "sid", "type", "last_chk");
        assertThat(field(fields.get(6), "value", "value")).isEqualTo("");
    }

    /**
     * HAProxy 2.6.12 prints {@code cookie "a\"b\\c\x01d"} raw, which no JSON parser accepts;
     * Tollgate escapes what must be escaped and leaves the rest, non-ASCII included, as it is.
     */
    @Test
    void quotesBackslashesAndControlCharactersAreEscaped() {
        String name = "we\"ird\\name\u0001\ttab";
        String check = "HTTP \"503\"\r\nbody é€ \u007f";
        StatRow row = StatRow.builder(RowType.SERVER, "p\"x", name, 3, 1)
                .text(StatField.LAST_CHK, check)
                .text(StatField.COOKIE, "a\"b\\c\u0001d\u001f")
                .build();
        String json = writer.write(new StatsSnapshot(0, List.of(row, row)));

        assertThat(json).contains("\"value\":\"we\\\"ird\\\\name\\u0001\\u0009tab\"")
                .contains("\"value\":\"HTTP \\\"503\\\"\\u000d\\u000abody é€ \u007f\"")
                .contains("\"value\":\"a\\\"b\\\\c\\u0001d\\u001f\"");
        List<Object> rows = asList(MiniJson.parse(json));
        assertThat(rows).hasSize(2);
        Map<String, Object> values = new HashMap<>();
        for (Object element : asList(rows.get(0))) {
            values.put((String) field(element, "field", "name"), field(element, "value", "value"));
        }
        assertThat(values).containsEntry("pxname", "p\"x").containsEntry("svname", name)
                .containsEntry("last_chk", check).containsEntry("cookie", "a\"b\\c\u0001d\u001f")
                .containsEntry("sid", 1L);
    }

    @Test
    void theTestParserRefusesWhatHaproxyPrintsRaw() {
        assertThatThrownBy(() -> MiniJson.parse("{\"value\":\"a\"b\"}")).hasMessageContaining("invalid JSON");
        assertThatThrownBy(() -> MiniJson.parse("[\"a\u0001\"]")).hasMessageContaining("control character");
        assertThatThrownBy(() -> MiniJson.parse("[1],")).hasMessageContaining("after the value");
        assertThat(MiniJson.parse(" [{\"a\":[true,null,-1.5e2]}] ")).isEqualTo(
                List.of(Map.of("a", Arrays.asList(true, null, -150.0))));
    }

    /** The inner arrays of a document: {@code "],["} only ever stands between two rows. */
    private static List<String> rows(String document) {
        assertThat(document).startsWith("[").endsWith("]\n");
        String body = document.substring(1, document.length() - 2);
        List<String> rows = new ArrayList<>();
        for (String part : body.split("\\],\\[", -1)) {
            rows.add((part.startsWith("[") ? "" : "[") + part + (part.endsWith("]") ? "" : "]"));
        }
        return rows;
    }

    /** {@code Server 3/1 ms1/ms1.srv1}: what the row is about. */
    private static String identity(Object row) {
        Object first = asList(row).get(0);
        Object second = asList(row).get(1);
        return asMap(first).get("objType") + " " + asMap(first).get("proxyId") + "/" + asMap(first).get("id")
                + " " + field(first, "value", "value") + "/" + field(second, "value", "value");
    }

    /** Per element: {@code 4 scur Metric/Gauge/Process u32 processNum=1}, everything but the value. */
    private static List<String> shape(Object row) {
        List<String> shape = new ArrayList<>();
        for (Object element : asList(row)) {
            Map<String, Object> e = asMap(element);
            Map<String, Object> tags = asMap(e.get("tags"));
            assertThat(e.keySet()).containsExactly("objType", "proxyId", "id", "field", "processNum", "tags", "value");
            shape.add(field(element, "field", "pos") + " " + field(element, "field", "name") + " "
                    + tags.get("origin") + "/" + tags.get("nature") + "/" + tags.get("scope") + " "
                    + field(element, "value", "type") + " processNum=" + e.get("processNum"));
        }
        return shape;
    }

    private static Object field(Object element, String member, String inner) {
        return asMap(asMap(element).get(member)).get(inner);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> asList(Object value) {
        return (List<Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }
}
