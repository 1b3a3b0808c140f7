package io.tollgate.console;

import io.tollgate.console.stats.HtmlTags;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTML stats page of a running {@code tollgate -f cfg}, fetched over real sockets with
 * credentials: one table per proxy with HAProxy's column groups, rows coloured by state, escaped
 * names, the action form only with {@code stats admin}, {@code hide-version}, the result banner
 * and the process block.
 */
class StatsPageTest {
    private static final String XSS = "<script>alert(1)</script>";
    private static final String XSS_ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";
    private static final List<String> GROUPS = List.of(">Queue<", ">Session rate<", ">Sessions<", ">Bytes<",
            ">Denied<", ">Errors<", ">Warnings<", ">Server<");

    @TempDir
    Path dir;

    private DemoUpstreams upstream;
    private Lifetime lifetime;
    private CompletableFuture<Integer> exit;
    private String admin;
    private String readOnly;

    @BeforeEach
    void start() throws Exception {
        upstream = DemoUpstreams.startOnFreePorts(List.of("app1"));
        int adminPort = Cli.freePort();
        int readOnlyPort = Cli.freePort();
        int closed = Cli.freePort();
        Path cfg = Cli.config(dir, "page.cfg",
                "defaults",
                "    mode http",
                "    timeout connect 1s",
                "    timeout client 10s",
                "    timeout server 10s",
                "listen st",
                "    bind 127.0.0.1:" + adminPort,
                "    stats uri /st",
                "    stats auth admin:secret",
                "    stats admin if TRUE",
                "    server " + XSS + " 127.0.0.1:" + closed,
                "backend app",
                "    server up1 " + RunCommand.hostPort(upstream.upstreams().get(0).address()) + " check inter 100",
                "    server down1 127.0.0.1:" + closed + " check inter 100",
                "    server m1 127.0.0.1:" + closed + " disabled",
                "listen ro",
                "    bind 127.0.0.1:" + readOnlyPort,
                "    stats uri /ro",
                "    stats auth viewer:pw",
                "    stats hide-version");
        lifetime = Lifetime.untilEnded();
        exit = Cli.startInBackground(lifetime, cfg);
        admin = "http://127.0.0.1:" + adminPort + "/st";
        readOnly = "http://127.0.0.1:" + readOnlyPort + "/ro";
    }

    @AfterEach
    void stop() throws Exception {
        lifetime.end();
        upstream.close();
        assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(RunCommand.STOPPED);
    }

    @Test
    void everyProxyHasATableWithHaproxysColumnGroups() throws Exception {
        HttpResponse<String> r = Http.get(admin, "admin", "secret");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValue("text/html");
        String page = r.body();
        assertThat(page).contains("<title>Statistics Report for HAProxy</title>");
        for (String proxy : List.of("st", "app", "ro")) {
            String table = section(page, proxy);
            assertThat(table).containsSubsequence(GROUPS)
                    .containsSubsequence(">Cur<", ">Max<", ">Limit<", ">Total<", ">LbTot<", ">Last<", ">In<", ">Out<",
                            ">Status<", ">LastChk<", ">Wght<", ">Act<", ">Bck<", ">Chk<", ">Dwn<", ">Dwntme<",
                            ">Thrtle<");
        }
        assertThat(section(page, "st")).containsSubsequence(">Frontend<", XSS_ESCAPED, ">Backend<");
        assertThat(section(page, "app")).doesNotContain(">Frontend<").containsSubsequence(">up1<", ">down1<", ">m1<",
                ">Backend<");
        assertThat(HtmlTags.mismatch(page)).isNull();
    }

    @Test
    void downAndMaintenanceRowsAreColouredAndSayWhy() throws Exception {
        awaitPage("down1", "active_down");
        // up1 is UP from the start; its first check result (L4OK) may come a little later
        String page = awaitPage("up1", "active_up", "L4OK in ");

        String down = row(page, "down1");
        assertThat(down).startsWith("<tr class=\"active_down\"").contains("DOWN</td>")
                .containsPattern(">L4CON in \\d+ms<").contains("title=\"Layer4 connection problem: Connection refused\"");
        assertThat(row(page, "m1")).startsWith("<tr class=\"maintain\"").containsPattern(">\\d+s MAINT<");
        assertThat(row(page, "up1")).startsWith("<tr class=\"active_up\"").containsPattern(">L4OK in \\d+ms<");
    }

    @Test
    void aServerNamedLikeAScriptIsShownAsText() throws Exception {
        String page = Http.get(admin, "admin", "secret").body();

        assertThat(page).contains(">" + XSS_ESCAPED + "<").contains("value=\"" + XSS_ESCAPED + "\"")
                .doesNotContain(XSS).doesNotContain("<script>alert");
    }

    @Test
    void theActionFormComesWithStatsAdminOnly() throws Exception {
        String page = Http.get(admin, "admin", "secret").body();
        String app = section(page, "app");
        assertThat(app).contains("<form method=\"post\" action=\"/st\">")
                .contains("class=\"select-all\"")
                .contains("<input type=\"checkbox\" name=\"s\"")
                .contains("value=\"down1\"")
                .contains("<select name=\"action\">")
                .contains("<option value=\"maint\">Set state to MAINT</option>")
                .contains("<option value=\"shutdown\">Kill Sessions</option>")
                .containsPattern("<input type=\"hidden\" name=\"b\" value=\"#\\d+\">")
                .containsPattern("<input type=\"hidden\" name=\"token\" value=\"[^\"]+\">")
                .contains("<input type=\"submit\" value=\"Apply\">");
        assertThat(section(page, "ro")).doesNotContain("<form").doesNotContain("name=\"s\"");

        String viewer = Http.get(readOnly, "viewer", "pw").body();
        assertThat(viewer).contains("data-proxy=\"app\"").doesNotContain("method=\"post\"").doesNotContain("name=\"s\"")
                .doesNotContain("name=\"action\"").doesNotContain("name=\"token\"");
    }

    @Test
    void hideVersionLeavesTheProductNameOnly() throws Exception {
        assertThat(Http.get(admin, "admin", "secret").body()).contains("<h1>Tollgate version ");
        assertThat(Http.get(readOnly, "viewer", "pw").body()).contains("<h1>Tollgate</h1>").doesNotContain("version");
    }

    @Test
    void aResultCodeShowsItsBanner() throws Exception {
        assertThat(Http.get(admin + ";st=DONE", "admin", "secret").body())
                .contains("class=\"banner active_up\"").contains("Action processed successfully.");
        assertThat(Http.get(admin + ";st=DENY", "admin", "secret").body())
                .contains("class=\"banner active_down\"").contains("Action denied.");
        assertThat(Http.get(admin, "admin", "secret").body()).doesNotContain("class=\"banner");
    }

    @Test
    void theProcessBlockShowsThisProcess() throws Exception {
        String page = Http.get(admin, "admin", "secret").body();

        long pid = ProcessHandle.current().pid();
        assertThat(page).contains("<h2>Statistics Report for pid " + pid + "</h2>")
                .contains("<b>pid = </b><span>" + pid + " (process #1, nbproc = 1, nbthread = ")
                .containsPattern("<b>uptime = </b><span>0d 0h00m\\d\\ds</span>")
                .containsPattern("ulimit-n = \\d+")
                .contains("<b>current conns = </b>");
    }

    @Test
    void theDisplayOptionsLinkTheExportsAndTheFilters() throws Exception {
        String page = Http.get(admin, "admin", "secret").body();

        assertThat(page).contains("<a href=\"/st;up\">Hide &#39;DOWN&#39; servers</a>")
                .contains("<a href=\"/st;csv;norefresh\">CSV export</a>")
                .contains("<a href=\"/st;json;norefresh\">JSON export</a>")
                .contains("<form method=\"get\" action=\"/st\">")
                .contains("name=\"scope\"")
                .doesNotContain("Disable refresh"); // no "stats refresh"
        String json = Http.get(admin + ";json;norefresh", "admin", "secret").body();
        assertThat(json).startsWith("[[{\"objType\":");
    }

    /** The page once {@code server}'s row has {@code css}: checks take a few rounds. */
    private String awaitPage(String server, String css) throws Exception {
        return awaitPage(server, css, "");
    }

    /** The page once {@code server}'s row has the class {@code css} and contains {@code text}. */
    private String awaitPage(String server, String css, String text) throws Exception {
        String page = "";
        for (int i = 0; i < 200; i++) {
            page = Http.get(admin, "admin", "secret").body();
            if (row(page, server).startsWith("<tr class=\"" + css + "\"") && row(page, server).contains(text)) {
                return page;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(server + " never became " + css + ":\n" + row(page, server));
    }

    /** The {@code <section>} of one proxy. */
    private static String section(String page, String proxy) {
        int start = page.indexOf("<section class=\"proxy\" data-proxy=\"" + proxy + "\"");
        assertThat(start).as("a table for %s", proxy).isNotNegative();
        return page.substring(start, page.indexOf("</section>", start));
    }

    /** The {@code <tr>} of the server named {@code name}, or "" when there is none. */
    private static String row(String page, String name) {
        Matcher m = Pattern.compile("<tr [^>]*>(?:(?!</tr>).)*?<td class=\"name\">" + Pattern.quote(name)
                + "</td>.*?</tr>", Pattern.DOTALL).matcher(page);
        return m.find() ? m.group() : "";
    }
}
