package io.tollgate.engine.check;

import io.tollgate.engine.stats.CsvRows;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stats page's CSV next to Debian's haproxy 2.6.12 for the same configuration and the same
 * traffic: the same header, the same rows in the same order, and the same values for every
 * column that does not depend on timing (counts, states, limits, identifiers, check results).
 */
class StatsExportSideBySideTest {
    /** Columns that differ by clock or by machine: rates, times, bytes (headers differ), ages. */
    private static final List<String> COMPARED = List.of("pxname", "svname", "qcur", "scur", "slim", "stot", "dreq",
            "dresp", "ereq", "econ", "eresp", "wretr", "wredis", "status", "weight", "act", "bck", "chkfail", "chkdown",
            "qlimit", "pid", "iid", "sid", "throttle", "lbtot", "tracked", "type", "rate_lim", "check_status",
            "check_code", "hrsp_1xx", "hrsp_2xx", "hrsp_3xx", "hrsp_4xx", "hrsp_5xx", "hrsp_other", "hanafail",
            "req_tot", "cli_abrt", "srv_abrt", "comp_in", "comp_out", "comp_byp", "comp_rsp", "last_chk", "last_agt",
            "agent_status", "agent_code", "check_desc", "agent_desc", "check_rise", "check_fall", "check_health",
            "agent_rise", "agent_fall", "agent_health", "cookie", "mode", "algo", "conn_tot", "intercepted", "dcon",
            "dses", "wrew", "connect", "reuse", "cache_lookups", "cache_hits", "srv_icur", "src_ilim", "eint",
            "uweight", "agg_server_status", "agg_server_check_status", "agg_check_status");
    /**
     * Left out: {@code srv_icur} (Tollgate does not count its pooled idle connections yet) and the
     * {@code cli_abrt} of a stats listener's BACKEND row, where HAProxy counts its applet's
     * streams in a way that follows no visible rule (4 of 5 requests in one observation).
     */
    private static final List<String> NOT_YET = List.of("srv_icur");

    /** {@code probe} is a plain stats listener the haproxy runner polls until haproxy is up. */
    private static String config(int probe, int stats, int front, int web1, int web2, int closed) {
        return """
                global
                  maxconn 1000
                defaults
                  mode http
                  timeout connect 1s
                  timeout client 5s
                  timeout server 5s
                  timeout check 1s
                listen probe
                  bind 127.0.0.1:%d
                  stats uri /
                listen st
                  bind 127.0.0.1:%d
                  stats uri /st
                  stats auth admin:secret
                frontend fe
                  bind 127.0.0.1:%d
                  default_backend app
                backend app
                  balance roundrobin
                  cookie SRV insert indirect nocache
                  option httpchk GET /
                  server w1 127.0.0.1:%d cookie w1 check inter 200 rise 1 fall 1
                  server w2 127.0.0.1:%d cookie w2 check inter 200 rise 1 fall 1 maxconn 50 maxqueue 10
                  server gone 127.0.0.1:%d check inter 200 fall 1
                  server off 127.0.0.1:%d disabled
                  server spare 127.0.0.1:%d backup
                """.formatted(probe, stats, front, web1, web2, closed, web1, web2);
    }

    @Test
    void csvRowsAndSteadyValuesMatchHaproxys() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try (NamedHttpServer web1 = new NamedHttpServer("w1"); NamedHttpServer web2 = new NamedHttpServer("w2")) {
            int closed = CheckedEngine.freePort();
            int haStats = CheckedEngine.freePort();
            int haFront = CheckedEngine.freePort();
            int tgStats = CheckedEngine.freePort();
            int tgFront = CheckedEngine.freePort();
            int haProbe = CheckedEngine.freePort();
            try (HaproxyProcess haproxy = HaproxyProcess.start(config(haProbe, haStats, haFront, web1.port(), web2.port(),
                    closed), haProbe);
                 CheckedEngine tollgate = CheckedEngine.start(config(CheckedEngine.freePort(), tgStats, tgFront,
                         web1.port(), web2.port(), closed))) {
                Map<String, Map<String, String>> theirs = null;
                Map<String, Map<String, String>> ours = null;
                for (int[] ports : new int[][] {{haFront, haStats}, {tgFront, tgStats}}) {
                    // the checks settle (gone is DOWN after its first check), then the same traffic
                    Thread.sleep(800);
                    for (int i = 0; i < 6; i++) {
                        assertThat(get(http, ports[0], "/", null).statusCode()).isEqualTo(200);
                    }
                    assertThat(get(http, ports[0], "/", "SRV=w2").statusCode()).isEqualTo(200);
                    assertThat(get(http, ports[1], "/st;csv", null).statusCode()).isEqualTo(401);
                    HttpResponse<String> csv = get(http, ports[1], "/st;csv;norefresh", "admin:secret");
                    assertThat(csv.statusCode()).isEqualTo(200);
                    if (ports[0] == haFront) {
                        theirs = CsvRows.parse(csv.body());
                        assertThat(csv.body().lines().findFirst()).isPresent();
                    } else {
                        ours = CsvRows.parse(csv.body());
                    }
                }
                assertThat(new ArrayList<>(ours.keySet())).containsExactlyElementsOf(theirs.keySet());
                List<String> differences = new ArrayList<>();
                for (String row : theirs.keySet()) {
                    if (row.startsWith("probe/")) {
                        continue; // only haproxy's runner polls it
                    }
                    Map<String, String> a = pick(theirs.get(row));
                    Map<String, String> b = pick(ours.get(row));
                    if (row.equals("st/BACKEND")) {
                        a.remove("cli_abrt");
                        b.remove("cli_abrt");
                    }
                    if (!a.equals(b)) {
                        differences.add(row + "\n  haproxy  " + a + "\n  tollgate " + b);
                    }
                }
                assertThat(differences).isEmpty();
            }
        }
    }

    private static Map<String, String> pick(Map<String, String> row) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String c : COMPARED) {
            if (!NOT_YET.contains(c)) {
                out.put(c, c.equals("pid") ? "" : row.get(c));
            }
        }
        return out;
    }

    private static HttpResponse<String> get(HttpClient http, int port, String path, String credentialsOrCookie)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5));
        if (credentialsOrCookie != null && credentialsOrCookie.contains(":")) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    credentialsOrCookie.getBytes(StandardCharsets.UTF_8)));
        } else if (credentialsOrCookie != null) {
            b.header("Cookie", credentialsOrCookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
