package io.tollgate.engine.config;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code server}, {@code default-server} and {@code server-template}: parameters, ids, addresses, errors. */
class ServerKeywordsTest {

    private static List<ServerConfig> servers(String lines) {
        return TestConfigs.load("backend be\n  timeout connect 1s\n  timeout server 1s\n" + lines)
                .proxy("be").orElseThrow().servers();
    }

    @Test
    void everySupportedParameter() {
        ServerConfig s = servers("  server s1 10.0.0.1:8080 weight 20 maxconn 300 maxqueue 10 minconn 5 backup disabled "
                + "cookie c1 id 7 check inter 2s fastinter 500ms downinter 10s rise 3 fall 4 port 9000 addr 10.0.0.9\n").get(0);
        assertThat(s).isEqualTo(new ServerConfig("s1", 7, new HostPort("10.0.0.1", 8080), null, 20, 300, 10, 5, true, true,
                "c1", new CheckSettings(true, 2000, 500, 10_000, 3, 4, 9000, "10.0.0.9"), new Source("t.cfg", 4)));
    }

    @Test
    void defaultsForAPlainServer() {
        ServerConfig s = servers("  server s1 10.0.0.1\n").get(0);
        assertThat(s.address()).isEqualTo(new HostPort("10.0.0.1", 0));
        assertThat(s.weight()).isEqualTo(1);
        assertThat(s.check()).isEqualTo(CheckSettings.DEFAULT);
        assertThat(s.id()).isEqualTo(1);
    }

    @Test
    void addressForms() {
        List<ServerConfig> s = TestConfigs.load("""
                backend be
                  server a db.example.com:5432
                  server b [fd00::1]:80
                  server c unix@/run/app.sock
                  server d /run/other.sock
                  server e ipv4@127.0.0.1:81
                  server f "$HOST":"$PORT"
                  server g $SOCKET
                """, Map.of("HOST", "10.1.1.1", "PORT", "8080", "SOCKET", "/var/run/d.sock")).proxy("be").orElseThrow().servers();
        assertThat(s).extracting(ServerConfig::address).containsExactly(new HostPort("db.example.com", 5432),
                new HostPort("fd00::1", 80), null, null, new HostPort("127.0.0.1", 81), new HostPort("10.1.1.1", 8080), null);
        assertThat(s).extracting(ServerConfig::unixPath).containsExactly(null, null, "/run/app.sock", "/run/other.sock",
                null, null, "/var/run/d.sock");
    }

    @Test
    void defaultServerAppliesToTheServersAfterIt() {
        List<ServerConfig> s = TestConfigs.load("""
                defaults
                  default-server inter 3s fall 2
                backend be
                  server a 10.0.0.1:80 check
                  default-server weight 50 rise 5
                  server b 10.0.0.2:80 check weight 10 enabled
                  server c 10.0.0.3:80 no-check
                """).proxy("be").orElseThrow().servers();
        assertThat(s).extracting(ServerConfig::weight).containsExactly(1, 10, 50);
        assertThat(s).extracting(x -> x.check().inter()).containsExactly(3000L, 3000L, 3000L);
        assertThat(s).extracting(x -> x.check().rise()).containsExactly(2, 5, 5);
        assertThat(s).extracting(x -> x.check().fall()).containsExactly(2, 2, 2);
        assertThat(s).extracting(x -> x.check().enabled()).containsExactly(true, true, false);
    }

    @Test
    void idsAreAssignedInOrderAroundExplicitOnes() {
        assertThat(servers("  server a 1.1.1.1\n  server b 1.1.1.2 id 2\n  server c 1.1.1.3\n  server d 1.1.1.4\n"))
                .extracting(ServerConfig::id).containsExactly(1, 2, 3, 4);
        assertThat(servers("  server a 1.1.1.1\n  server b 1.1.1.2 id 1\n  server c 1.1.1.3\n"))
                .extracting(ServerConfig::id).containsExactly(2, 1, 3);
    }

    @Test
    void serverTemplateMakesNumberedServers() {
        assertThat(servers("  server-template web 3 app.internal:8080 check\n  server-template api 5-6 api.internal:80\n"))
                .extracting(ServerConfig::name).containsExactly("web1", "web2", "web3", "api5", "api6");
    }

    @Test
    void ignoredParametersAreWarnedAbout() {
        assertThat(TestConfigs.warnings("backend be\n  timeout connect 1s\n  timeout server 1s\n"
                + "  server s 1.1.1.1:80 resolvers dns init-addr none slowstart 10s\n")).containsExactly(
                "[WARNING] parsing [t.cfg:4] : 'resolvers' on 'server s' is not supported yet by Tollgate, ignored",
                "[WARNING] parsing [t.cfg:4] : 'init-addr' on 'server s' is not supported yet by Tollgate, ignored");
    }

    @Test
    void problems() {
        assertThat(TestConfigs.errors("""
                backend b1
                  server s1
                  server s2 1.2.3.4:80 weight 300
                  server s3 1.2.3.4:80 maxconn abc
                  server s4 1.2.3.4:70000
                  server s5 1.2.3.4:80 wieght 3
                  server s6 1.2.3.4:80 rise 0
                  server s7 1.2.3.4:80 inter 0
                  server s8 1.2.3.4:80 ssl verify maybe
                  server s9 1.2.3.4:80 send-proxy-v2-ssl
                  server s10 1.2.3.4:80 id 4
                  server s11 1.2.3.4:80 id 4
                  server s10 1.2.3.4:81
                  server s12 1.2.3.4:80 weight
                  default-server id 3
                  timeout connect 1s
                  timeout server 1s
                """)).containsExactly(
                "[ALERT] parsing [t.cfg:2] : 'server' expects <name> and <addr>[:<port>] as arguments.",
                "[ALERT] parsing [t.cfg:3] : 'server b1/s2' : weight of server s2 is not within 0 and 256 (300).",
                "[ALERT] parsing [t.cfg:4] : 'server b1/s3' : 'maxconn' expects an integer argument (got 'abc').",
                "[ALERT] parsing [t.cfg:5] : 'server b1/s4' : invalid port '70000'",
                "[ALERT] parsing [t.cfg:6] : 'server b1/s5' : unknown keyword 'wieght'; did you mean 'weight' maybe ?",
                "[ALERT] parsing [t.cfg:7] : 'server b1/s6' : 'rise' has to be > 0 (got '0').",
                "[ALERT] parsing [t.cfg:8] : 'server b1/s7' : invalid value 0 for argument 'inter' of server s7.",
                "[ALERT] parsing [t.cfg:9] : 'server b1/s8' : 'verify' : unknown verify method 'maybe', only 'none' and "
                        + "'required' are supported",
                "[ALERT] parsing [t.cfg:10] : 'server b1/s9' : 'send-proxy-v2-ssl' is not supported yet by Tollgate",
                "[ALERT] parsing [t.cfg:12] : 'server b1/s11' : 'id' : custom id 4 already used at t.cfg:11 ('server s10').",
                "[ALERT] parsing [t.cfg:13] : backend 'b1', another server named 's10' was already defined at line 11, please use distinct names.",
                "[ALERT] parsing [t.cfg:14] : 'server b1/s12' : 'weight' expects an argument.",
                "[ALERT] parsing [t.cfg:15] : 'default-server' : 'id' option is not accepted in default-server sections");
    }
}
