package io.tollgate.engine.admin;

import io.tollgate.engine.runtime.CheckState;
import io.tollgate.engine.runtime.LiveSettings;
import io.tollgate.engine.runtime.Proxies;
import io.tollgate.engine.runtime.Server;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.tollgate.engine.admin.CliActors.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code set server agent-addr|agent-port|agent-send|check-addr|fqdn|ssl}: HAProxy 2.6.12's
 * answers for each case (taken from {@code haproxy -db} over its stats socket with the same
 * servers and no {@code resolvers} section) and what they change in the runtime and in
 * {@code show servers state}. The checks really going to the new places are in
 * {@code check.ServerCheckSettingsTrafficTest}.
 */
class ServerCheckSettingsCommandsTest {

    @TempDir
    Path dir;
    private Proxies proxies;
    private RuntimeApi api;
    private final List<String> audit = new ArrayList<>();

    @BeforeEach
    void load() throws Exception {
        proxies = CliActors.proxies(dir, """
                defaults
                  mode tcp
                  timeout connect 1s
                  timeout client 5s
                  timeout server 5s
                backend b
                  server s1 127.0.0.1:23401 check inter 60s agent-check agent-port 23402 agent-inter 60s agent-send hello
                  server s2 127.0.0.1:23403
                  server s3 127.0.0.1:23404 check inter 60s addr 127.0.0.2 port 23405
                  server s4 127.0.0.1:23406 ssl verify none
                backend t
                  default-server ssl verify none
                  server t1 127.0.0.1:23411
                  server t3 127.0.0.1:23413 check inter 60s agent-check agent-port 23414 agent-addr 127.0.0.3
                """);
        // the agent's state is made when checks start (HealthChecks); no checks run here
        server("b", "s1").setAgent(new CheckState(true, 1, 1));
        server("t", "t3").setAgent(new CheckState(true, 1, 1));
        api = new RuntimeApi(proxies);
        api.addAuditListener((actor, command, output, allowed) -> audit.add(command + (allowed ? "" : " (denied)")));
    }

    private Server server(String backend, String name) {
        return proxies.backend(backend).server(name);
    }

    private String set(String command) {
        return api.execute(command, ADMIN);
    }

    private String stateLine(String backend, String name) {
        for (String line : api.execute("show servers state " + backend, ADMIN).split("\n")) {
            String[] f = line.split(" ");
            if (f.length > 3 && f[3].equals(name)) {
                return line;
            }
        }
        throw new AssertionError("no state line for " + name);
    }

    @Test
    void agentAddressAndPortAnswerNothingWhenTheyChange() throws Exception {
        assertThat(set("set server b/s1 agent-addr 127.0.0.5")).isEmpty();
        assertThat(stateLine("b", "s1")).endsWith(" 23401 - 0 0 - 127.0.0.5 23402");
        assertThat(set("set server b/s1 agent-addr 127.0.0.6 port 23420")).isEmpty();
        assertThat(stateLine("b", "s1")).endsWith(" 23401 - 0 0 - 127.0.0.6 23420");
        assertThat(set("set server b/s1 agent-port 23421")).isEmpty();
        assertThat(set("set server b/s1 agent-addr [::1] foo 1")).isEmpty();
        assertThat(stateLine("b", "s1")).endsWith(" 23401 - 0 0 - ::1 23421");
        // names are looked up, as HAProxy's str2ip does, and shown as the address found
        assertThat(set("set server b/s1 agent-addr localhost")).isEmpty();
        assertThat(server("b", "s1").live().agentAddress()).isEqualTo(InetAddress.getByName("localhost"));
        assertThat(set("set server b/s1 agent-addr *")).isEmpty();
        assertThat(stateLine("b", "s1")).endsWith(" - 0.0.0.0 23421");
        // '-' alone reads as 0 (strl2irc), 007 as 7
        assertThat(set("set server b/s1 agent-port -")).isEmpty();
        assertThat(server("b", "s1").live().agentPort()).isZero();
        assertThat(set("set server b/s1 agent-port 007")).isEmpty();
        assertThat(stateLine("b", "s1")).endsWith(" - 0.0.0.0 7");
        assertThat(audit).contains("set server b/s1 agent-addr 127.0.0.6 port 23420");
    }

    @Test
    void badAgentAddressesAndPortsChangeNothing() {
        assertThat(set("set server b/s1 agent-addr"))
                .isEqualTo("set server <b>/<s> agent-addr requires an address and optionally a port.\n");
        assertThat(set("set server b/s1 agent-addr bad''addr")).isEqualTo("invalid addr 'bad''addr'");
        assertThat(set("set server b/s1 agent-addr 127.0.0.5 port")).isEqualTo("provided port is not an integer");
        assertThat(set("set server b/s1 agent-addr 127.0.0.5 port abc")).isEqualTo("provided port is not an integer");
        assertThat(set("set server b/s1 agent-addr 127.0.0.5 port 12x")).isEqualTo("provided port is not an integer");
        assertThat(set("set server b/s1 agent-addr 127.0.0.5 port +5")).isEqualTo("provided port is not an integer");
        assertThat(set("set server b/s1 agent-addr 127.0.0.5 port 2147483648"))
                .isEqualTo("provided port is not an integer");
        assertThat(set("set server b/s1 agent-addr 127.0.0.5 port 70000")).isEqualTo("provided port is invalid");
        assertThat(set("set server b/s1 agent-addr 127.0.0.5 port -1")).isEqualTo("provided port is invalid");
        assertThat(set("set server b/s1 agent-port")).isEqualTo("set server <b>/<s> agent-port requires a port.\n");
        assertThat(set("set server b/s1 agent-port abc")).isEqualTo("provided port is not an integer");
        assertThat(set("set server b/s1 agent-port 65536")).isEqualTo("provided port is invalid");
        assertThat(set("set server b/s2 agent-addr 127.0.0.5")).isEqualTo("agent checks are not enabled on this server");
        assertThat(set("set server b/s2 agent-addr bad''addr")).isEqualTo("agent checks are not enabled on this server");
        assertThat(set("set server b/s2 agent-port abc")).isEqualTo("agent checks are not enabled on this server");
        assertThat(set("set server b/s2 agent-send x")).isEqualTo("agent checks are not enabled on this server.\n");
        assertThat(server("b", "s1").live()).isEqualTo(LiveSettings.NONE);
        assertThat(stateLine("b", "s1")).endsWith(" 23401 - 0 0 - - 23402");
        // a disabled agent is not enabled for HAProxy either
        assertThat(set("disable agent t/t3")).isEmpty();
        assertThat(set("set server t/t3 agent-addr 127.0.0.9")).isEqualTo("agent checks are not enabled on this server");
        assertThat(set("set server t/t3 agent-port 1")).isEqualTo("agent checks are not enabled on this server");
        assertThat(set("set server t/t3 agent-send x")).isEqualTo("agent checks are not enabled on this server.\n");
        assertThat(stateLine("t", "t3")).endsWith(" 23413 - 1 0 - 127.0.0.3 23414");
    }

    @Test
    void agentSendTakesTheWordEvenEmpty() {
        assertThat(set("set server b/s1 agent-send foo bar")).isEmpty();
        assertThat(server("b", "s1").live().agentSend()).isEqualTo("foo");
        assertThat(set("set server b/s1 agent-send")).isEmpty();
        assertThat(server("b", "s1").live().agentSend()).isEmpty();
    }

    @Test
    void checkAddressKeepsTheAgentsAndSetsTheCheckPort() {
        assertThat(set("set server b/s3 check-addr 127.0.0.9 port 23440")).isEmpty();
        // the agent's address was copied from 'addr' when the configuration was read
        assertThat(stateLine("b", "s3")).endsWith(" 23404 - 0 23440 127.0.0.9 127.0.0.2 23405");
        assertThat(server("b", "s3").checkTargetPort()).isEqualTo(23440);
        assertThat(set("set server b/s1 check-addr ::1")).isEmpty();
        assertThat(set("set server b/s1 check-addr 127.0.0.6 port 0")).isEmpty();
        assertThat(stateLine("b", "s1")).endsWith(" 23401 - 0 0 127.0.0.6 - 23402");
        assertThat(set("set server b/s1 check-addr"))
                .isEqualTo("set server <b>/<s> check-addr requires an address and optionally a port.\n");
        assertThat(set("set server b/s1 check-addr nope''x port x")).isEqualTo("invalid addr 'nope''x'");
        assertThat(set("set server b/s1 check-addr 127.0.0.7 port x")).isEqualTo("provided port is not an integer");
        assertThat(set("set server b/s1 check-addr 127.0.0.7 port -5")).isEqualTo("provided port is invalid");
        assertThat(set("set server b/s2 check-addr 127.0.0.7")).isEqualTo("health checks are not enabled on this server");
        assertThat(stateLine("b", "s1")).endsWith(" 23401 - 0 0 127.0.0.6 - 23402");
        // disabled checks are not enabled either, for check-port too
        assertThat(set("disable health b/s1")).isEmpty();
        assertThat(set("set server b/s1 check-addr 127.0.0.7")).isEqualTo("health checks are not enabled on this server");
        assertThat(set("set server b/s1 check-port 1")).isEqualTo("health checks are not enabled on this server");
        assertThat(stateLine("b", "s1")).endsWith(" 23401 - 0 0 127.0.0.6 - 23402");
    }

    @Test
    void checkPortReadsPortsAsStrl2irc() {
        assertThat(set("set server b/s1 check-port +7")).isEqualTo("provided port is not an integer");
        assertThat(set("set server b/s1 check-port 007")).isEmpty();
        assertThat(server("b", "s1").checkPort()).isEqualTo(7);
        assertThat(set("set server b/s1 check-port -")).isEmpty();
        assertThat(server("b", "s1").checkPort()).isZero();
    }

    @Test
    void fqdnNeedsResolvers() {
        assertThat(set("set server b/s1 fqdn")).isEqualTo("set server <b>/<s> fqdn requires a FQDN.\n");
        assertThat(set("set server b/s1 fqdn foo.example"))
                .isEqualTo("set server <b>/<s> fqdn failed because no resolution is configured.\n");
        assertThat(set("set server b/s2 fqdn foo.example"))
                .isEqualTo("set server <b>/<s> fqdn failed because no resolution is configured.\n");
        assertThat(stateLine("b", "s1")).contains(" - 23401 - 0 ");
    }

    @Test
    void sslNeedsTlsSettingsThenOnOrOff() {
        for (String v : List.of("", "on", "foo")) {
            assertThat(set("set server b/s1 ssl " + v)).as(v)
                    .isEqualTo("'set server <srv> ssl' cannot be set.  default-server should define ssl settings\n");
        }
        assertThat(set("set server b/s4 ssl")).isEqualTo("'set server <srv> ssl' expects 'on' or 'off'.\n");
        assertThat(set("set server b/s4 ssl foo")).isEqualTo("'set server <srv> ssl' expects 'on' or 'off'.\n");
        assertThat(server("b", "s4").usesTls()).isTrue();
        int version = server("b", "s4").addressVersion();
        assertThat(set("set server b/s4 ssl off")).isEqualTo("server ssl setting updated.\n");
        assertThat(server("b", "s4").usesTls()).isFalse();
        // pooled TLS connections are not reused for clear ones
        assertThat(server("b", "s4").addressVersion()).isNotEqualTo(version);
        assertThat(stateLine("b", "s4")).endsWith(" 23406 - 0 0 - - 0");
        assertThat(set("set server b/s4 ssl on")).isEqualTo("server ssl setting updated.\n");
        assertThat(stateLine("b", "s4")).endsWith(" 23406 - 1 0 - - 0");
        assertThat(set("set server t/t1 ssl off")).isEqualTo("server ssl setting updated.\n");
        assertThat(stateLine("t", "t1")).endsWith(" 23411 - 0 0 - - 0");
        assertThat(api.execute("set server t/t1 ssl on", ADMIN, SeverityOutput.STRING))
                .isEqualTo("[notice]: server ssl setting updated.\n");
        assertThat(api.execute("set server b/s1 agent-port x", ADMIN, SeverityOutput.STRING))
                .isEqualTo("[warning]: provided port is not an integer");
        assertThat(api.execute("set server b/s1 check-port x", ADMIN, SeverityOutput.STRING))
                .isEqualTo("[warning]: provided port is not an integer");
        assertThat(api.execute("set server b/s2 check-port 1", ADMIN, SeverityOutput.STRING))
                .isEqualTo("[warning]: health checks are not enabled on this server");
    }

    @Test
    void dynamicServersRefuseSslAndStartWithChecksDisabled() {
        assertThat(set("add server b/d1 127.0.0.1:23450 ssl verify none")).isEqualTo("New server registered.\n");
        assertThat(set("set server b/d1 ssl off")).isEqualTo("'set server <srv> ssl' not supported on dynamic servers\n");
        assertThat(set("add server b/d2 127.0.0.1:23451")).isEqualTo("New server registered.\n");
        assertThat(set("set server b/d2 ssl foo")).isEqualTo("'set server <srv> ssl' not supported on dynamic servers\n");
        assertThat(server("b", "d1").usesTls()).isTrue();
        assertThat(set("add server b/d3 127.0.0.1:23452 check")).isEqualTo("New server registered.\n");
        assertThat(set("set server b/d3 check-addr 127.0.0.9")).isEqualTo("health checks are not enabled on this server");
        assertThat(set("enable health b/d3")).isEmpty();
        assertThat(set("set server b/d3 check-addr 127.0.0.9")).isEmpty();
        assertThat(stateLine("b", "d3")).endsWith(" 23452 - 0 0 127.0.0.9 - 0");
    }

    @Test
    void belowAdminNothingChanges() {
        for (String c : List.of("set server b/s1 agent-addr 127.0.0.9", "set server b/s1 agent-port 9",
                "set server b/s1 agent-send x", "set server b/s1 check-addr 127.0.0.9", "set server b/s1 fqdn a.b",
                "set server b/s4 ssl off")) {
            assertThat(api.execute(c, OPERATOR)).as(c).isEqualTo("Permission denied\n");
        }
        assertThat(server("b", "s1").live()).isEqualTo(LiveSettings.NONE);
        assertThat(server("b", "s4").usesTls()).isTrue();
        assertThat(audit).allMatch(line -> line.endsWith("(denied)"));
    }
}
