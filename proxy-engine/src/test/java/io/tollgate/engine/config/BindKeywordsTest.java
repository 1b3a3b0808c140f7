package io.tollgate.engine.config;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code bind} line: address lists, environment expansion, parameters kept, warned about or refused (TLS: {@link TlsKeywordsTest}). */
class BindKeywordsTest {

    private static List<BindConfig> binds(String lines, Map<String, String> env) {
        return TestConfigs.load("frontend fe\n  timeout client 1s\n" + lines, env).proxy("fe").orElseThrow().binds();
    }

    @Test
    void addressForms() {
        List<BindConfig> binds = binds("""
                  bind 127.0.0.1:9001 name clear
                  bind [::]:80
                  bind :::443 v6only
                  bind *:8000-8002,:9000
                  bind ipv4@:81
                  bind ${LISTEN}
                  bind *:$PORT
                """, Map.of("LISTEN", ":8080", "PORT", "8081"));
        assertThat(binds).extracting(BindConfig::addresses).containsExactly(
                List.of(new HostPort("127.0.0.1", 9001)),
                List.of(new HostPort("::", 80)),
                List.of(new HostPort("::", 443)),
                List.of(new HostPort("", 8000), new HostPort("", 8001), new HostPort("", 8002), new HostPort("", 9000)),
                List.of(new HostPort("", 81)),
                List.of(new HostPort("", 8080)),
                List.of(new HostPort("", 8081)));
        assertThat(binds.get(0).name()).isEqualTo("clear");
        assertThat(binds.get(0).source()).isEqualTo(new Source("t.cfg", 3));
    }

    @Test
    void unixSocketListenersAreRefusedNotSilentlyMissing() {
        assertThat(TestConfigs.errors("frontend fe\n  timeout client 1s\n  bind unix@/run/fe.sock mode 600\n  bind /run/x.sock\n"))
                .containsExactly(
                        "[ALERT] parsing [t.cfg:3] : 'bind' is not supported yet by Tollgate on a Unix socket ('/run/fe.sock')",
                        "[ALERT] parsing [t.cfg:4] : 'bind' is not supported yet by Tollgate on a Unix socket ('/run/x.sock')");
    }

    @Test
    void socketTunablesAreWarnedAbout() {
        assertThat(TestConfigs.warnings("frontend fe\n  timeout client 1s\n  bind :80 npn http/1.1 v4v6 maxconn 10\n"))
                .containsExactly(
                        "[WARNING] parsing [t.cfg:3] : 'npn' on 'bind :80' is not supported yet by Tollgate, ignored",
                        "[WARNING] parsing [t.cfg:3] : 'v4v6' on 'bind :80' is not supported yet by Tollgate, ignored",
                        "[WARNING] parsing [t.cfg:3] : 'maxconn' on 'bind :80' is not supported yet by Tollgate, ignored");
    }

    @Test
    void acceptProxyIsKept() {
        List<BindConfig> binds = binds("  bind :80 accept-proxy\n  bind :81\n", Map.of());
        assertThat(binds).extracting(BindConfig::acceptProxy).containsExactly(true, false);
    }

    @Test
    void problems() {
        assertThat(TestConfigs.errors("""
                frontend fe
                  bind
                  bind 1.2.3:80
                  bind 1.2.3.4:70000
                  bind :443 ssl crt site.pem
                  bind :80 transparent
                  bind :80 bogus
                  bind :80 nmae x
                  bind :80 name
                """)).containsExactly(
                "[ALERT] parsing [t.cfg:2] : 'bind' expects {<path>|[addr1]:port1[-end1]}{,[addr]:port[-end]}... as arguments.",
                "[ALERT] parsing [t.cfg:3] : 'bind' : invalid address: '1.2.3' in '1.2.3:80'",
                "[ALERT] parsing [t.cfg:4] : 'bind' : invalid port '70000'",
                "[ALERT] parsing [t.cfg:5] : 'bind :443' in section 'frontend' : unable to stat SSL certificate from file "
                        + "'site.pem' : No such file or directory.",
                "[ALERT] parsing [t.cfg:6] : 'bind :80' in section 'frontend' : 'transparent' is not supported yet by Tollgate",
                "[ALERT] parsing [t.cfg:7] : 'bind :80' in section 'frontend' : unknown keyword 'bogus'.",
                "[ALERT] parsing [t.cfg:8] : 'bind :80' in section 'frontend' : unknown keyword 'nmae'; did you mean 'name' maybe ?",
                "[ALERT] parsing [t.cfg:9] : 'bind :80' in section 'frontend' : 'name' expects an argument.");
    }
}
