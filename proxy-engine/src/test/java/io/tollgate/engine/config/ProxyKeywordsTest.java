package io.tollgate.engine.config;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The plain proxy settings, defaults inheritance and which section may carry what. */
class ProxyKeywordsTest {

    @Test
    void plainSettings() {
        Config config = TestConfigs.load("""
                defaults
                    mode http
                    timeout client 5s
                    timeout connect 5s
                    timeout server 5s
                    retries 5
                    maxconn 100
                frontend fe
                    bind :8080
                    id 10
                    description Public web frontend
                    maxconn 2000
                    default_backend be
                backend be
                    fullconn 4000
                    cookie SRV insert indirect nocache domain .example.com maxidle 30m
                    server s1 127.0.0.1:80
                """);
        ProxyConfig fe = config.proxy("fe").orElseThrow();
        ProxyConfig be = config.proxy("be").orElseThrow();
        assertThat(fe.id()).isEqualTo(10);
        assertThat(fe.mode()).isEqualTo(ProxyMode.HTTP);
        assertThat(fe.description()).isEqualTo("Public web frontend");
        assertThat(fe.maxconn()).isEqualTo(2000);
        assertThat(fe.defaultBackend()).isEqualTo("be");
        assertThat(be.id()).isEqualTo(1); // no stats socket: the first free id is 1
        assertThat(be.fullconn()).isEqualTo(4000);
        assertThat(be.retries()).isEqualTo(5);
        assertThat(be.maxconn()).isZero();
        assertThat(be.cookieName()).isEqualTo("SRV");
        assertThat(be.balance()).isEqualTo("roundrobin");
        assertThat(be.timeouts()).isEqualTo(new Timeouts(5000, 5000, 5000, 0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void builtinDefaultsAreTcpWithThreeRetries() {
        ProxyConfig be = TestConfigs.load("backend be\n  server s1 10.0.0.1:80\n  timeout connect 1s\n  timeout server 1s\n")
                .proxy("be").orElseThrow();
        assertThat(be.mode()).isEqualTo(ProxyMode.TCP);
        assertThat(be.retries()).isEqualTo(3);
        assertThat(be.httpConnectionMode()).isEqualTo(HttpConnectionMode.KEEP_ALIVE);
        assertThat(be.options()).isEmpty();
    }

    @Test
    void theLastDefaultsSectionAppliesAndFromPicksANamedOne() {
        Config config = TestConfigs.load("""
                defaults web
                    mode http
                    timeout client 1s
                defaults
                    mode tcp
                    timeout client 2s
                frontend a
                    bind :1
                frontend b from web
                    bind :2
                defaults from web
                frontend c
                    bind :3
                """);
        assertThat(config.proxy("a").orElseThrow().mode()).isEqualTo(ProxyMode.TCP);
        assertThat(config.proxy("b").orElseThrow().mode()).isEqualTo(ProxyMode.HTTP);
        assertThat(config.proxy("c").orElseThrow().timeouts().client()).isEqualTo(1000);
    }

    @Test
    void aNamedDefaultsSectionAlsoBecomesTheImplicitOne() {
        ProxyConfig fe = TestConfigs.load("defaults http\n  mode http\n  timeout client 1m\nfrontend fe\n  bind :80\n")
                .proxy("fe").orElseThrow();
        assertThat(fe.mode()).isEqualTo(ProxyMode.HTTP);
    }

    @Test
    void unknownDefaultsName() {
        assertThat(TestConfigs.errors("frontend fe from nope\n  bind :80\n"))
                .containsExactly("[ALERT] parsing [t.cfg:1] : defaults section 'nope' not found for frontend 'fe'.");
    }

    @Test
    void logAndNoLog() {
        Config config = TestConfigs.load("""
                defaults
                    log global
                    log 127.0.0.1:514 len 2048 format rfc5424 local0 info
                    timeout client 1s
                frontend a
                    bind :1
                frontend b
                    bind :2
                    no log
                """);
        assertThat(config.proxy("a").orElseThrow().logs()).extracting(Directive::args)
                .containsExactly(List.of("global"), List.of("127.0.0.1:514", "len", "2048", "format", "rfc5424", "local0", "info"));
        assertThat(config.proxy("b").orElseThrow().logs()).isEmpty();
    }

    @Test
    void statsLinesAreKeptAndAProxysOwnReplaceTheInheritedOnes() {
        Config config = TestConfigs.load("""
                defaults
                    mode http
                    stats enable
                    stats uri /inherited
                    timeout client 1s
                listen a
                    bind :1
                listen b
                    bind :2
                    stats uri /stats
                    stats realm Tollgate\\ Stats
                    stats auth admin:secret
                    stats refresh 10s
                    stats admin if TRUE
                """);
        assertThat(config.proxy("a").orElseThrow().stats()).extracting(Directive::args)
                .containsExactly(List.of("enable"), List.of("uri", "/inherited"));
        assertThat(config.proxy("b").orElseThrow().stats()).extracting(Directive::args).containsExactly(
                List.of("uri", "/stats"), List.of("realm", "Tollgate Stats"), List.of("auth", "admin:secret"),
                List.of("refresh", "10s"), List.of("admin", "if", "TRUE"));
    }

    @Test
    void statsErrors() {
        assertThat(TestConfigs.errors("""
                defaults
                    stats admin if TRUE
                listen l
                    bind :1
                    stats bogus
                    stats auth nocolon
                    stats admin
                    stats refresh 10x
                """)).containsExactly(
                "[ALERT] parsing [t.cfg:2] : 'stats admin' not allowed in 'defaults' section.",
                "[ALERT] parsing [t.cfg:5] : unknown stats parameter 'bogus', expects 'admin', 'uri', 'realm', 'auth', "
                        + "'scope', 'enable', 'hide-version', 'show-node', 'show-desc' or 'show-legends'.",
                "[ALERT] parsing [t.cfg:6] : 'auth' needs a user:password account.",
                "[ALERT] parsing [t.cfg:7] : 'stats admin' requires either 'if' or 'unless' followed by a condition.",
                "[ALERT] parsing [t.cfg:8] : unexpected character 'x' in 'stats refresh' value '10x' "
                        + "(expected a time with an optional unit: us, ms, s, m, h, d)");
    }

    @Test
    void capabilitiesFollowHaproxy() {
        List<String> problems = TestConfigs.errors("""
                defaults
                    bind :80
                    server s 1.2.3.4:80
                    id 3
                    timeout client 1s
                    timeout connect 1s
                    timeout server 1s
                frontend fe
                    bind :81
                    server s 1.2.3.4:80
                    fullconn 10
                    balance roundrobin
                    default_backend be
                backend be
                    default_backend x
                    bind :82
                    maxconn 10
                    server s 1.2.3.4:80
                """);
        assertThat(problems).containsExactly(
                "[ALERT] parsing [t.cfg:2] : 'bind' not allowed in 'defaults' section.",
                "[ALERT] parsing [t.cfg:3] : 'server' not allowed in 'defaults' section.",
                "[ALERT] parsing [t.cfg:4] : 'id' not allowed in 'defaults' section.",
                "[ALERT] parsing [t.cfg:10] : 'server' not allowed because frontend 'fe' has no backend capability.",
                "[WARNING] parsing [t.cfg:11] : 'fullconn' ignored because frontend 'fe' has no backend capability. Maybe you want 'maxconn' instead ?",
                "[WARNING] parsing [t.cfg:12] : 'balance' ignored because frontend 'fe' has no backend capability.",
                "[WARNING] parsing [t.cfg:15] : 'default_backend' ignored because backend 'be' has no frontend capability.",
                "[WARNING] parsing [t.cfg:16] : 'bind' ignored because backend 'be' has no frontend capability.",
                "[WARNING] parsing [t.cfg:17] : 'maxconn' ignored because backend 'be' has no frontend capability. Maybe you want 'fullconn' instead ?");
    }

    @Test
    void badValuesNameKeywordAndValue() {
        assertThat(TestConfigs.errors(TestConfigs.proxies("""
                  mode https
                  maxconn abc
                  id 0
                  description
                  cookie X
                """, """
                  retries -1
                  cookie
                  cookie X bogus
                """))).containsExactly(
                "[ALERT] parsing [t.cfg:8] : unknown proxy mode 'https'.",
                "[ALERT] parsing [t.cfg:9] : 'maxconn' expects an integer argument (got 'abc').",
                "[ALERT] parsing [t.cfg:10] : custom id has to be > 0 (got '0').",
                "[ALERT] parsing [t.cfg:11] : 'description' expects a string argument.",
                "[WARNING] parsing [t.cfg:12] : 'cookie' ignored because frontend 'fe' has no backend capability.",
                "[ALERT] parsing [t.cfg:15] : 'retries' expects an integer between 0 and 2147483647 (got '-1').",
                "[ALERT] parsing [t.cfg:16] : 'cookie' expects <cookie_name> as argument.",
                "[ALERT] parsing [t.cfg:17] : 'cookie' supports 'rewrite', 'insert', 'prefix', 'indirect', 'nocache', "
                        + "'postonly', 'domain', 'maxidle', 'dynamic', 'maxlife' and 'attr' options (got 'bogus').");
    }

    @Test
    void modeHealthIsGone() {
        assertThat(TestConfigs.errors("frontend fe\n  mode health\n")).containsExactly("[ALERT] parsing [t.cfg:2] : "
                + "'mode health' doesn't exist anymore. Please use 'http-request return status 200' instead.");
    }

    @Test
    void cookieIsInheritedFromDefaultsAndReadWhole() {
        Config config = TestConfigs.load("""
                defaults
                    mode http
                    timeout connect 1s
                    timeout client 1s
                    timeout server 1s
                    cookie SRV insert indirect nocache domain .example.com maxidle 30m
                backend a
                    server s1 127.0.0.1:81 cookie one
                backend b
                    cookie JSESSIONID prefix
                    server s1 127.0.0.1:82 cookie two
                """);
        var a = config.proxies().get(0).rules().cookie();
        assertThat(a.name()).isEqualTo("SRV");
        assertThat(a.indirect()).isTrue();
        assertThat(a.nocache()).isTrue();
        assertThat(a.domains()).containsExactly(".example.com");
        assertThat(a.maxIdle()).isEqualTo(1800);
        assertThat(config.proxies().get(1).rules().cookie().name()).isEqualTo("JSESSIONID");
        assertThat(config.proxies().get(1).cookieName()).isEqualTo("JSESSIONID");
    }

    @Test
    void cookieInATcpBackendIsIgnoredWithHaproxysWarnings() {
        Config config = TestConfigs.load("""
                defaults
                    timeout connect 1s
                    timeout client 1s
                    timeout server 1s
                backend b
                    mode tcp
                    cookie SRV insert
                    server s1 127.0.0.1:81 cookie a
                listen l
                    mode tcp
                    bind 127.0.0.1:8443
                    server s1 127.0.0.1:82 cookie a
                """);
        assertThat(config.proxies().get(0).rules().cookie()).isNull();
        assertThat(config.warnings()).map(ConfigProblem::toString).containsExactly(
                "[WARNING] config : cookie will be ignored for backend 'b' (needs 'mode http').",
                "[WARNING] config : backend 'b' : ignoring cookie for server 's1' as HTTP mode is disabled.",
                "[WARNING] config : proxy 'l' : ignoring cookie for server 's1' as HTTP mode is disabled.");
    }
}
