package io.tollgate.engine.config;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code timeout}, {@code option} and {@code balance}: values kept and HAProxy's errors. */
class TimeoutAndOptionKeywordsTest {

    @Test
    void everyModelledTimeout() {
        Timeouts t = TestConfigs.load("""
                listen l
                    bind :80
                    timeout connect 1s
                    timeout client 2s
                    timeout server 3s
                    timeout http-request 4s
                    timeout http-keep-alive 5s
                    timeout queue 6s
                    timeout tunnel 1h
                    timeout check 8s
                    timeout client-fin 9s
                    timeout server-fin 10s
                """).proxy("l").orElseThrow().timeouts();
        assertThat(t).isEqualTo(new Timeouts(1000, 2000, 3000, 4000, 5000, 6000, 3_600_000, 8000, 9000, 10_000));
    }

    @Test
    void timeoutProblems() {
        assertThat(TestConfigs.errors("""
                defaults
                    timeout client 5x
                    timeout nap 1s
                    timeout server
                    timeout connect 1s 2s
                    timeout tarpit 1s
                    timeout queue 1s
                    timeout queue 2s
                    contimeout 5000
                    clitimeout 5000
                    srvtimeout 5000
                backend b
                    timeout client 1s
                """)).containsExactly(
                "[ALERT] parsing [t.cfg:2] : unexpected character 'x' in 'timeout client' value '5x' (expected a time with an optional unit: us, ms, s, m, h, d)",
                "[ALERT] parsing [t.cfg:3] : 'timeout' supports 'client', 'server', 'connect', 'check', 'queue', 'http-keep-alive', 'http-request', 'tunnel', 'tarpit', 'client-fin' and 'server-fin' (got 'nap')",
                "[ALERT] parsing [t.cfg:4] : 'timeout server' expects an integer value (in milliseconds)",
                "[ALERT] parsing [t.cfg:5] : 'timeout connect' : unexpected extra argument '2s' after value '1s'.",
                "[WARNING] parsing [t.cfg:8] : overwriting 'timeout queue' which was already specified",
                "[ALERT] parsing [t.cfg:9] : the 'contimeout' directive is not supported anymore since HAProxy 2.1. Use 'timeout connect'.",
                "[ALERT] parsing [t.cfg:10] : the 'clitimeout' directive is not supported anymore since HAProxy 2.1. Use 'timeout client'.",
                "[ALERT] parsing [t.cfg:11] : the 'srvtimeout' directive is not supported anymore since HAProxy 2.1. Use 'timeout server'.",
                "[WARNING] parsing [t.cfg:13] : 'timeout client' will be ignored because backend 'b' has no frontend capability");
    }

    @Test
    void connectionModesAndNegation() {
        Config config = TestConfigs.load("""
                defaults
                    mode http
                    option httpclose
                    timeout client 1s
                frontend a
                    bind :1
                frontend b
                    bind :2
                    option http-server-close
                frontend c
                    bind :3
                    no option httpclose
                frontend d
                    bind :4
                    option http-keep-alive
                """);
        assertThat(List.of("a", "b", "c", "d")).map(n -> config.proxy(n).orElseThrow().httpConnectionMode())
                .containsExactly(HttpConnectionMode.CLOSE, HttpConnectionMode.SERVER_CLOSE,
                        HttpConnectionMode.KEEP_ALIVE, HttpConnectionMode.KEEP_ALIVE);
    }

    @Test
    void forwardfor() {
        Config config = TestConfigs.load("""
                defaults
                    mode http
                    timeout client 1s
                frontend a
                    bind :1
                    option forwardfor
                frontend b
                    bind :2
                    option forwardfor except 127.0.0.0/8 header X-Client if-none
                """);
        assertThat(config.proxy("a").orElseThrow().forwardFor()).isEqualTo(new ForwardFor("X-Forwarded-For", null, false));
        assertThat(config.proxy("b").orElseThrow().forwardFor()).isEqualTo(new ForwardFor("X-Client", "127.0.0.0/8", true));
    }

    @Test
    void logAndBooleanOptions() {
        Config config = TestConfigs.load("""
                defaults
                    option dontlognull
                    option redispatch
                    timeout client 1s
                    timeout connect 1s
                    timeout server 1s
                frontend a
                    bind :1
                    option tcplog
                    option httplog clf
                    no option dontlognull
                backend b
                    option redispatch 3
                    no option redispatch
                    server s 1.2.3.4:80
                """);
        assertThat(config.proxy("a").orElseThrow().options()).containsExactlyInAnyOrder("redispatch", "httplog", "httplog-clf");
        assertThat(config.proxy("b").orElseThrow().options()).containsExactly("dontlognull");
    }

    @Test
    void logFormatOptionsAreIgnoredInBackendsAndOverrideEachOtherInDefaults() {
        assertThat(TestConfigs.warnings("""
                defaults
                    option httplog
                    option tcplog
                    timeout connect 1s
                    timeout server 1s
                backend b
                    option httplog clf
                    option redispatch
                    option dontlognull
                    server s 1.2.3.4:80
                """)).containsExactly(
                "[WARNING] parsing [t.cfg:3] : 'option tcplog' overrides previous 'option httplog' in 'defaults' section.",
                "[WARNING] parsing [t.cfg:7] : backend 'b' : 'option httplog' directive is ignored in backends.",
                "[WARNING] parsing [t.cfg:9] : 'dontlognull' ignored because backend 'b' has no frontend capability.");
    }

    @Test
    void optionProblems() {
        assertThat(TestConfigs.errors(TestConfigs.proxies("""
                  option forceclose
                  option redispach
                  no option httplog
                  option forwardfor except nonsense
                  option tcpka
                  option httpchk GET /health
                  option transparent
                  option http-tunnel
                """, ""))).containsExactly(
                "[ALERT] parsing [t.cfg:8] : option 'forceclose' is not supported any more since HAProxy 2.0, please just "
                        + "remove it, or use 'option httpclose' if absolutely needed.",
                "[ALERT] parsing [t.cfg:9] : unknown option 'redispach'; did you mean 'redispatch' maybe ?",
                "[ALERT] parsing [t.cfg:10] : negation/default is not supported for option 'httplog'.",
                "[ALERT] parsing [t.cfg:11] : 'option forwardfor except' expects <address>[/mask] as argument (got 'nonsense').",
                "[WARNING] parsing [t.cfg:12] : 'option tcpka' is not supported yet by Tollgate, ignored",
                "[WARNING] parsing [t.cfg:13] : 'httpchk' ignored because frontend 'fe' has no backend capability.",
                "[ALERT] parsing [t.cfg:14] : 'option transparent' is not supported yet by Tollgate",
                "[ALERT] parsing [t.cfg:15] : option 'http-tunnel' is not supported any more since HAProxy 2.1, please just "
                        + "remove it, it shouldn't be needed.");
    }

    @Test
    void balanceAlgorithmsAreKeptWithTheirArguments() {
        Config config = TestConfigs.load("""
                backend rr
                    balance roundrobin
                backend hdr
                    balance hdr(Host) use_domain_only
                backend uri
                    balance uri depth 2 whole
                backend rnd
                    balance random(3)
                backend param
                    balance url_param userid check_post
                backend rdp
                    balance rdp-cookie
                backend hash
                    balance hash req.cook(id)
                backend plain
                    balance leastconn
                """);
        assertThat(config.proxies()).extracting(p -> p.balance() + p.balanceArgs()).containsExactly(
                "roundrobin[]", "hdr[Host, use_domain_only]", "uri[depth, 2, whole]", "random[3]",
                "url_param[userid, check_post]", "rdp-cookie[]", "hash[req.cook(id)]", "leastconn[]");
    }

    @Test
    void balanceProblems() {
        assertThat(TestConfigs.errors("""
                backend b
                    balance roundrobbin
                    balance hdr
                    balance uri len 0
                    balance random(0)
                    balance url_param
                    balance leastconn now
                """)).containsExactly(
                "[ALERT] parsing [t.cfg:2] : 'balance' : unknown algorithm 'roundrobbin'; did you mean 'roundrobin' maybe ? "
                        + "(balance only supports 'roundrobin', 'static-rr', 'leastconn', 'source', 'uri', 'url_param', "
                        + "'hdr(name)' and 'rdp-cookie(name)' options.)",
                "[ALERT] parsing [t.cfg:3] : balance hdr requires an http header field name.",
                "[ALERT] parsing [t.cfg:4] : balance uri : 'len' expects a positive integer (got '0').",
                "[ALERT] parsing [t.cfg:5] : balance random : number of draws must be at least 1.",
                "[ALERT] parsing [t.cfg:6] : balance url_param requires an URL parameter name.",
                "[ALERT] parsing [t.cfg:7] : balance leastconn takes no argument (got 'now').");
    }
}
