package io.tollgate.engine.admin;

import io.tollgate.engine.runtime.Proxies;
import io.tollgate.engine.runtime.Server;
import io.tollgate.engine.stats.CsvRows;
import io.tollgate.engine.stats.CsvStatsWriter;
import io.tollgate.engine.stats.StatsRegistry;
import io.tollgate.engine.stats.Ticker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.tollgate.engine.admin.CliActors.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code set server addr|check-port|maxconn} and {@code set maxconn server|frontend|global}:
 * HAProxy 2.6.12's answers for each case (taken from {@code haproxy -db} over its stats socket
 * on the same servers) and what they change in the runtime, the CSV and {@code show servers state}.
 */
class ServerSettingsCommandsTest {
    private static final InetSocketAddress CLIENT_DST = new InetSocketAddress("127.0.0.1", 8000);

    @TempDir
    Path dir;
    private Proxies proxies;
    private StatsRegistry stats;
    private RuntimeApi api;
    private final List<String> audit = new ArrayList<>();

    @BeforeEach
    void load() throws Exception {
        proxies = CliActors.proxies(dir, """
                global
                  maxconn 500
                defaults
                  mode http
                  timeout connect 1s
                  timeout client 5s
                  timeout server 5s
                frontend fe
                  bind 127.0.0.1:27311
                  maxconn 100
                  default_backend be
                backend be
                  server s1 127.0.0.1:27312 maxconn 10
                  server s2 127.0.0.1:27313 check inter 1h
                  server s3 127.0.0.1:27314 check port 27315 inter 1h
                  server s4 127.0.0.1:27316 check addr 127.0.0.9 inter 1h
                  server s5 127.0.0.1
                """);
        for (Server s : proxies.backend("be").servers()) {
            s.resolve();
        }
        stats = new StatsRegistry(proxies, Ticker.SYSTEM);
        api = new RuntimeApi(proxies, stats, () -> null);
        api.addAuditListener((actor, command, output, allowed) -> audit.add(command + (allowed ? "" : " (denied)")));
    }

    private Server server(String name) {
        return proxies.backend("be").server(name);
    }

    private String set(String command) {
        return api.execute(command, ADMIN);
    }

    private Map<String, String> csv(String px, String sv) {
        return CsvRows.parse(new CsvStatsWriter().write(stats.snapshot())).get(px + "/" + sv);
    }

    private String stateLine(String name) {
        for (String line : api.execute("show servers state be", ADMIN).split("\n")) {
            if (line.split(" ").length > 3 && line.split(" ")[3].equals(name)) {
                return line;
            }
        }
        throw new AssertionError("no state line for " + name);
    }

    @Test
    void addrReportsEachHalfAsHaproxyDoes() {
        assertThat(set("set server be/s1 addr 127.0.0.2"))
                .isEqualTo("IP changed from '127.0.0.1' to '127.0.0.2' by 'stats socket command'\n");
        assertThat(set("set server be/s1 addr 127.0.0.2"))
                .isEqualTo("no need to change the addr by 'stats socket command'\n");
        assertThat(set("set server be/s1 addr 127.0.0.3 port 27400")).isEqualTo("IP changed from '127.0.0.2' to "
                + "'127.0.0.3', port changed from '27312' to '27400' by 'stats socket command'\n");
        assertThat(set("set server be/s1 addr 127.0.0.3 port 27401"))
                .isEqualTo("no need to change the addr, port changed from '27400' to '27401' by 'stats socket command'\n");
        assertThat(set("set server be/s1 addr 127.0.0.3 port 27401"))
                .isEqualTo("no need to change the addr, no need to change the port by 'stats socket command'\n");
        assertThat(set("set server be/s1 addr 127.0.0.3 port 70000"))
                .isEqualTo("no need to change the addr, port changed from '27401' to '4464' by 'stats socket command'\n");
        assertThat(set("set server be/s1 addr ::1"))
                .isEqualTo("IP changed from '127.0.0.3' to '::1' by 'stats socket command'\n");
        assertThat(set("set server be/s1 addr [::2]"))
                .isEqualTo("IP changed from '::1' to '[::2]' by 'stats socket command'\n");
        assertThat(set("set server be/s1 addr 127.0.0.4 foo 3"))
                .isEqualTo("IP changed from '::2' to '127.0.0.4' by 'stats socket command'\n");
        assertThat(server("s1").target(CLIENT_DST)).isEqualTo(new InetSocketAddress("127.0.0.4", 4464));
        assertThat(csv("be", "s1")).containsEntry("addr", "127.0.0.4:4464");
        assertThat(stateLine("s1")).contains(" be 1 s1 127.0.0.4 ").contains(" - 4464 - 0 0 - - 0");
        assertThat(audit).contains("set server be/s1 addr 127.0.0.3 port 27400");
    }

    @Test
    void badAddressesAndPortsChangeNothingButWhatWasValid() {
        assertThat(set("set server be/s1 addr bad")).isEqualTo("Invalid addr 'bad' by 'stats socket command'\n");
        assertThat(set("set server be/s1 addr localhost")).isEqualTo("Invalid addr 'localhost' by 'stats socket command'\n");
        assertThat(set("set server be/s1 addr 127.000.0.1"))
                .isEqualTo("Invalid addr '127.000.0.1' by 'stats socket command'\n");
        assertThat(set("set server be/s1 addr"))
                .isEqualTo("set server <b>/<s> addr requires an address and optionally a port.\n");
        assertThat(set("set server be/s1 addr 127.0.0.1 port abc")).isEqualTo(
                "no need to change the addr, problem converting port 'abc' to an int by 'stats socket command'\n");
        assertThat(set("set server be/s1 addr 127.0.0.1 port")).isEqualTo(
                "no need to change the addr, problem converting port '' to an int by 'stats socket command'\n");
        // a port offset needs the check to have a port of its own; the address part still applies
        assertThat(set("set server be/s1 addr 127.0.0.5 port +5")).isEqualTo("IP changed from '127.0.0.1' to "
                + "'127.0.0.5', can't change <port> to port map because it is incompatible with current health check "
                + "port configuration (use 'port' statement from the 'server' directive. by 'stats socket command'\n");
        assertThat(server("s1").target(CLIENT_DST)).isEqualTo(new InetSocketAddress("127.0.0.5", 27312));
    }

    @Test
    void mappedPortsAddToTheClientsPort() {
        assertThat(set("set server be/s5 addr 127.0.0.3 port 80")).isEqualTo(
                "IP changed from '127.0.0.1' to '127.0.0.3', port changed from '+0' to '80' by 'stats socket command'\n");
        assertThat(server("s5").target(CLIENT_DST)).isEqualTo(new InetSocketAddress("127.0.0.3", 80));
        assertThat(set("set server be/s3 addr 127.0.0.1 port -1")).isEqualTo(
                "no need to change the addr, port changed from '27314' to '-1' by 'stats socket command'\n");
        assertThat(server("s3").target(CLIENT_DST)).isEqualTo(new InetSocketAddress("127.0.0.1", 7999));
        assertThat(set("set server be/s3 addr 127.0.0.1 port +3")).isEqualTo(
                "no need to change the addr, port changed from '+65535' to '+3' by 'stats socket command'\n");
        assertThat(server("s3").target(CLIENT_DST)).isEqualTo(new InetSocketAddress("127.0.0.1", 8003));
        assertThat(csv("be", "s3")).containsEntry("addr", "127.0.0.1:3");
    }

    @Test
    void checkPortFollowsHaproxysRules() {
        assertThat(set("set server be/s1 check-port")).isEqualTo("set server <b>/<s> check-port requires a port.\n");
        assertThat(set("set server be/s1 check-port 27320")).isEqualTo("health checks are not enabled on this server");
        assertThat(set("set server be/s2 check-port abc")).isEqualTo("provided port is not an integer");
        assertThat(set("set server be/s2 check-port 12ab")).isEqualTo("provided port is not an integer");
        assertThat(set("set server be/s2 check-port 70000")).isEqualTo("provided port is invalid");
        assertThat(set("set server be/s2 check-port -5")).isEqualTo("provided port is invalid");
        assertThat(server("s2").checkPort()).isZero();
        assertThat(set("set server be/s2 check-port 27333")).isEmpty();
        assertThat(server("s2").checkTargetPort()).isEqualTo(27333);
        // the state line: check port changed, agent port still the configured one (as haproxy -db shows)
        assertThat(set("set server be/s3 check-port 0")).isEmpty();
        assertThat(stateLine("s2")).endsWith(" 27313 - 0 27333 - - 0");
        assertThat(stateLine("s3")).endsWith(" 27314 - 0 0 - - 27315");
    }

    @Test
    void theCheckFollowsTheAddressUnlessItHasItsOwn() {
        set("set server be/s2 addr 127.0.0.5 port 27340");
        set("set server be/s3 addr 127.0.0.7 port 27342");
        set("set server be/s4 addr 127.0.0.6 port 27341");
        assertThat(server("s2").checkTargetPort()).isEqualTo(27340);
        assertThat(server("s3").checkTargetPort()).isEqualTo(27315);
        assertThat(server("s4").checkTargetPort()).isEqualTo(27341);
        assertThat(stateLine("s4")).contains(" be 4 s4 127.0.0.6 ").endsWith(" 27341 - 0 0 127.0.0.9 127.0.0.9 0");
    }

    @Test
    void serverMaxconnTakesHaproxysNumbers() {
        assertThat(api.execute("set maxconn server be/s1 20", ADMIN)).isEmpty();
        assertThat(server("s1").maxconn()).isEqualTo(20);
        assertThat(csv("be", "s1")).containsEntry("slim", "20");
        assertThat(api.execute("set maxconn server be/s1", ADMIN)).isEqualTo("Require <maxconn>.\n");
        assertThat(api.execute("set maxconn server be/s1 abc", ADMIN)).isEqualTo("maxconn string empty or preceded by garbage");
        assertThat(api.execute("set maxconn server be/s1 12x", ADMIN)).isEqualTo("Trailing garbage in maxconn string");
        assertThat(api.execute("set maxconn server be", ADMIN)).isEqualTo("Require 'backend/server'.\n");
        assertThat(api.execute("set maxconn server", ADMIN)).isEqualTo("Require 'backend/server'.\n");
        assertThat(api.execute("set maxconn server bx/s1 3", ADMIN)).isEqualTo("No such backend.\n");
        assertThat(api.execute("set maxconn server be/sx 3", ADMIN)).isEqualTo("No such server.\n");
        assertThat(server("s1").maxconn()).isEqualTo(20);
        assertThat(api.execute("set server be/s1 maxconn 7", ADMIN)).isEmpty();
        assertThat(csv("be", "s1")).containsEntry("slim", "7");
        assertThat(api.execute("set maxconn server be/s1 0", ADMIN)).isEmpty();
        assertThat(csv("be", "s1")).containsEntry("slim", "");
        assertThat(server("s1").tryAcquire()).isTrue();
        assertThat(api.execute("set maxconn", ADMIN)).startsWith("Unknown command, but maybe one of the following")
                .contains("  set maxconn server <bk>/<srv>           : change a server's maxconn setting\n");
    }

    @Test
    void frontendMaxconnTakesAtoiNumbers() {
        assertThat(api.execute("set maxconn frontend fe 50", ADMIN)).isEmpty();
        assertThat(csv("fe", "FRONTEND")).containsEntry("slim", "50");
        assertThat(api.execute("set maxconn frontend fe", ADMIN)).isEqualTo("Integer value expected.\n");
        assertThat(api.execute("set maxconn frontend fe -1", ADMIN)).isEqualTo("Value out of range.\n");
        assertThat(api.execute("set maxconn frontend nope 5", ADMIN)).isEqualTo("No such frontend.\n");
        assertThat(api.execute("set maxconn frontend be 5", ADMIN)).isEqualTo("No such frontend.\n");
        assertThat(api.execute("set maxconn frontend", ADMIN)).isEqualTo("A frontend name is expected.\n");
        assertThat(csv("fe", "FRONTEND")).containsEntry("slim", "50");
        assertThat(api.execute("set maxconn frontend fe 5x", ADMIN)).isEmpty();
        assertThat(csv("fe", "FRONTEND")).containsEntry("slim", "5");
        assertThat(api.execute("set maxconn frontend fe abc", ADMIN)).isEmpty();
        assertThat(csv("fe", "FRONTEND")).containsEntry("slim", "0");
    }

    @Test
    void globalMaxconnMayOnlyGoDownFromTheConfiguredOne() {
        assertThat(api.execute("set maxconn global 100", ADMIN)).isEmpty();
        assertThat(proxies.globalMaxconn().current()).isEqualTo(100);
        assertThat(api.execute("set maxconn global", ADMIN)).isEqualTo("Expects an integer value.\n");
        assertThat(api.execute("set maxconn global 501", ADMIN)).isEqualTo("Value out of range.\n");
        assertThat(proxies.globalMaxconn().current()).isEqualTo(100);
        assertThat(api.execute("set maxconn global 5x", ADMIN)).isEmpty();
        assertThat(proxies.globalMaxconn().current()).isEqualTo(5);
        assertThat(new RuntimeApi(proxies).execute("show info", ADMIN)).contains("\nMaxconn: 5\n")
                .contains("\nHard_maxconn: 500\n");
        assertThat(api.execute("set maxconn global 0", ADMIN)).isEmpty();
        assertThat(proxies.globalMaxconn().current()).isEqualTo(500);
        assertThat(api.execute("set maxconn global -1", ADMIN)).isEmpty();
        assertThat(proxies.globalMaxconn().current()).isEqualTo(500);
        assertThat(proxies.globalMaxconn().hard()).isEqualTo(500);
    }

    @Test
    void belowAdminNothingChanges() {
        for (String c : List.of("set server be/s1 addr 127.0.0.9", "set server be/s2 check-port 9",
                "set maxconn server be/s1 1", "set maxconn frontend fe 1", "set maxconn global 1")) {
            assertThat(api.execute(c, OPERATOR)).as(c).isEqualTo("Permission denied\n");
        }
        assertThat(server("s1").target(CLIENT_DST)).isEqualTo(new InetSocketAddress("127.0.0.1", 27312));
        assertThat(server("s2").checkPort()).isZero();
        assertThat(server("s1").maxconn()).isEqualTo(10);
        assertThat(proxies.backend("be").peer("fe").frontendMaxconn()).isEqualTo(100);
        assertThat(proxies.globalMaxconn().current()).isEqualTo(500);
        assertThat(audit).allMatch(line -> line.endsWith("(denied)"));
    }
}
