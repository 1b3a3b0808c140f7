package io.tollgate.engine.config;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The health-check keywords: {@code option httpchk}, {@code http-check}, the server's check
 * parameters and {@code track}, with HAProxy 2.6.12's messages (taken from {@code haproxy -c}).
 */
class HealthCheckKeywordsTest {
    private static final String HEAD = "defaults\n mode http\n timeout connect 1s\n timeout client 1s\n timeout server 1s\n";

    private static List<String> errors(String backendLines) {
        return TestConfigs.errors(HEAD + "backend b\n" + backendLines);
    }

    private static HttpCheckDefinition http(String backendLines) {
        Config c = TestConfigs.load(HEAD + "backend b\n" + backendLines);
        return (HttpCheckDefinition) c.proxies().get(0).rules().healthCheck();
    }

    @Test
    void optionHttpchkBuildsTheRequestLine() {
        HttpCheckDefinition plain = http(" option httpchk\n server s 127.0.0.1:80 check\n");
        assertThat(List.of(plain.method(), plain.uri(), plain.version())).containsExactly("OPTIONS", "/", "HTTP/1.0");
        HttpCheckDefinition uri = http(" option httpchk /health\n server s 127.0.0.1:80 check\n");
        assertThat(uri.uri()).isEqualTo("/health");
        HttpCheckDefinition legacy = http(" option httpchk GET /x HTTP/1.1\\r\\nHost:\\ www\n server s 127.0.0.1:80 check\n");
        assertThat(List.of(legacy.method(), legacy.uri(), legacy.version())).containsExactly("GET", "/x", "HTTP/1.1");
        assertThat(legacy.headers()).containsExactly(Map.entry("Host", "www"));
    }

    @Test
    void httpCheckSendAndExpectComplete() {
        HttpCheckDefinition d = http(" option httpchk\n http-check send meth HEAD uri /h ver HTTP/1.1 hdr Host a.b\n"
                + " http-check expect ! rstatus ^5\n http-check disable-on-404\n server s 127.0.0.1:80 check\n");
        assertThat(List.of(d.method(), d.uri(), d.version())).containsExactly("HEAD", "/h", "HTTP/1.1");
        assertThat(d.headers()).containsExactly(Map.entry("Host", "a.b"));
        assertThat(d.expects()).singleElement().satisfies(x -> {
            assertThat(x.negated()).isTrue();
            assertThat(x.kind()).isEqualTo("rstatus");
            assertThat(x.pattern()).isEqualTo("^5");
        });
        assertThat(d.disableOn404()).isTrue();
    }

    @Test
    void defaultsPassTheirCheckToBackends() {
        Config c = TestConfigs.load(HEAD + " option httpchk GET /ping\n http-check expect status 200\nbackend b\n"
                + " server s 127.0.0.1:80 check\n");
        HttpCheckDefinition d = (HttpCheckDefinition) c.proxies().get(0).rules().healthCheck();
        assertThat(d.uri()).isEqualTo("/ping");
        assertThat(d.expects()).hasSize(1);
    }

    @Test
    void httpCheckMistakesUseHaproxysMessages() {
        assertThat(errors(" option httpchk\n http-check expect foo 1\n")).containsExactly(
                "[ALERT] parsing [t.cfg:8] : 'http-check expect' : 'only supports min-recv, [!]string', '[!]rstring', "
                        + "'[!]string-lf', '[!]status', '[!]rstatus', [!]hdr, [!]fhdr or comment but got 'foo' as argument.");
        assertThat(errors(" option httpchk\n http-check expect status\n")).containsExactly(
                "[ALERT] parsing [t.cfg:8] : 'http-check expect' : 'status' expects a <pattern> as argument.");
        assertThat(errors(" option httpchk\n http-check send foo\n")).containsExactly(
                "[ALERT] parsing [t.cfg:8] : 'http-check send' : expects 'comment', 'meth', 'uri', 'uri-lf', 'ver', "
                        + "'hdr', 'body' or 'body-lf' but got 'foo' as argument.");
        assertThat(errors(" option httpchk\n http-check disable-on-404 x\n")).containsExactly(
                "[ALERT] parsing [t.cfg:8] : 'http-check' cannot handle unexpected argument 'x'.");
        assertThat(errors(" http-check foo\n")).singleElement().asString()
                .startsWith("[ALERT] parsing [t.cfg:7] : 'http-check' only supports 'disable-on-404'");
    }

    @Test
    void httpCheckRulesWithoutTheOptionAreWarnedAbout() {
        assertThat(TestConfigs.warnings(HEAD + "backend b\n http-check expect status 200\n server s 127.0.0.1:80 check\n"))
                .containsExactly("[WARNING] config : backend 'b' uses http-check rules without 'option httpchk', so the rules are ignored.");
    }

    @Test
    void serverCheckParametersAreChecked() {
        assertThat(errors(" server s1 127.0.0.1:80 check observe foo\n")).containsExactly(
                "[ALERT] parsing [t.cfg:7] : 'server b/s1' : 'observe' expects one of 'none', 'layer4', 'layer7' but got 'foo'.");
        assertThat(errors(" server s1 127.0.0.1:80 check on-error foo\n")).containsExactly(
                "[ALERT] parsing [t.cfg:7] : 'server b/s1' : 'on-error' expects one of 'fastinter', 'fail-check', "
                        + "'sudden-death' or 'mark-down' but got 'foo'.");
        assertThat(errors(" server s1 127.0.0.1:80 check on-marked-down foo\n")).containsExactly(
                "[ALERT] parsing [t.cfg:7] : 'server b/s1' : 'on-marked-down' expects 'shutdown-sessions' but got 'foo'.");
        assertThat(errors(" server s1 127.0.0.1:80 check error-limit 0\n")).containsExactly(
                "[ALERT] parsing [t.cfg:7] : 'server b/s1' : error-limit has to be > 0.");
        assertThat(errors(" server s1 127.0.0.1:80 check slowstart x\n")).containsExactly(
                "[ALERT] parsing [t.cfg:7] : 'server b/s1' : unexpected character 'x' in 'slowstart' argument of server s1.");
        assertThat(errors(" server s1 127.0.0.1:80 check agent-check\n")).containsExactly(
                "[ALERT] parsing [t.cfg:7] : 'server b/s1' : server s1 does not have agent port. Agent check has been disabled.");
        CheckSettings c = TestConfigs.load(HEAD + "backend b\n server s1 127.0.0.1:80 check slowstart 2s observe layer7 "
                + "error-limit 5 on-error mark-down on-marked-down shutdown-sessions agent-check agent-port 9999 "
                + "agent-inter 3s agent-send hi\n").proxies().get(0).servers().get(0).check();
        assertThat(c.slowstart()).isEqualTo(2000);
        assertThat(c.observe()).isEqualTo("layer7");
        assertThat(c.errorLimit()).isEqualTo(5);
        assertThat(c.onError()).isEqualTo("mark-down");
        assertThat(c.shutdownSessionsOnDown()).isTrue();
        assertThat(c.agent()).isEqualTo(new AgentSettings(true, 9999, 3000, "hi", null));
    }

    @Test
    void trackMustNameACheckedServerWithoutLoop() {
        String servers = " server s1 127.0.0.1:80 check\n server s2 127.0.0.1:80\n";
        assertThat(errors(servers + " server s3 127.0.0.1:80 track s9\n")).containsExactly(
                "[ALERT] parsing [t.cfg:9] : 'server b/s3' : unable to find required server 's9' for tracking.");
        assertThat(errors(servers + " server s3 127.0.0.1:80 track zz/s1\n")).containsExactly(
                "[ALERT] parsing [t.cfg:9] : 'server b/s3' : unable to find required proxy 'zz' for tracking.");
        assertThat(errors(servers + " server s3 127.0.0.1:80 track b/s2\n")).containsExactly(
                "[ALERT] parsing [t.cfg:9] : 'server b/s3' : unable to use b/s2 for tracking as it does not have any "
                        + "check nor agent enabled.");
        assertThat(errors(servers + " server s3 127.0.0.1:80 track s3\n")).containsExactly(
                "[ALERT] parsing [t.cfg:9] : 'server b/s3' : unable to track b/s3 as it belongs to a tracking chain "
                        + "looping back to b/s3.");
        assertThat(errors(servers + " server s3 127.0.0.1:80 check track s1\n")).containsExactly(
                "[ALERT] parsing [t.cfg:9] : 'server b/s3' : unable to enable checks and tracking at the same time!");
        assertThat(TestConfigs.load(HEAD + "backend b\n" + servers + " server s3 127.0.0.1:80 track s1\n").proxies()
                .get(0).servers().get(2).check().track()).isEqualTo("s1");
    }

    @Test
    void spreadChecksIsAPercentageUpTo50() {
        assertThat(TestConfigs.load("global\n spread-checks 20\n" + HEAD + "backend b\n").global().spreadChecks())
                .isEqualTo(20);
        assertThat(TestConfigs.errors("global\n spread-checks 60\n" + HEAD + "backend b\n")).containsExactly(
                "[ALERT] parsing [t.cfg:2] : 'spread-checks' needs a positive value in range 0..50.");
    }
}
