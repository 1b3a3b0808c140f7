package io.tollgate.engine.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code stick on|match|store-request|store-response}, checked with HAProxy 2.6.12's messages. */
class StickKeywordsTest {
    private static final String HEAD = """
            defaults
              mode http
              timeout connect 1s
              timeout client 5s
              timeout server 5s
            """;

    @Test
    void validRulesLoadAndKeepTheirLines() {
        Config config = TestConfigs.load(HEAD + """
                backend b
                  stick-table type ip size 1m expire 30m
                  acl internal src 10.0.0.0/8
                  stick on src
                  stick match req.cook(x),lower table b if internal
                  stick store-request req.hdr(x-forwarded-for,1) unless internal
                  stick store-response res.cook(JSESSIONID)
                  stick on src if
                  server s1 127.0.0.1:81
                """);
        assertThat(config.proxies().get(0).rules().stickRules()).extracting(d -> d.args().get(0))
                .containsExactly("on", "match", "store-request", "store-response", "on");
    }

    @Test
    void badLinesNameWhatIsWrong() {
        assertThat(TestConfigs.errors(HEAD + """
                backend d
                  stick-table type ip size 10
                  stick match
                  stick foo src
                  stick on src bar
                  stick on wat(1)
                  stick on src if nope
                  stick store-response req.hdr(x)
                  stick store-request res.hdr(x)
                  server s1 127.0.0.1:1
                """)).containsExactly(
                "[ALERT] parsing [t.cfg:8] : 'stick' expects a fetch method.",
                "[ALERT] parsing [t.cfg:9] : 'stick' expects 'on', 'match', or 'store'.",
                "[ALERT] parsing [t.cfg:10] : 'stick': unknown keyword 'bar'.",
                "[ALERT] parsing [t.cfg:11] : 'stick': unknown fetch method 'wat' in sample expression 'wat(1)'.",
                "[ALERT] parsing [t.cfg:12] : 'stick': error detected while parsing sticking condition : no such ACL : 'nope'.",
                "[ALERT] parsing [t.cfg:13] : 'stick': fetch method 'req.hdr' extracts information from 'HTTP request "
                        + "headers', none of which is available for 'store-response'.",
                "[ALERT] parsing [t.cfg:14] : 'stick': fetch method 'res.hdr' extracts information from 'HTTP response "
                        + "headers', none of which is available during request.");
    }

    @Test
    void aMissingTableIsAnErrorAndAFrontendIgnoresStick() {
        assertThat(TestConfigs.errors(HEAD + """
                backend c
                  stick on src
                  server s1 127.0.0.1:1
                backend d
                  stick on src table nope
                  server s1 127.0.0.1:1
                """)).containsExactly(
                "[ALERT] config : Proxy 'c': unable to find stick-table 'c'.",
                "[ALERT] config : Proxy 'd': unable to find stick-table 'nope'.");
        assertThat(TestConfigs.warnings(HEAD + """
                frontend f
                  bind 127.0.0.1:8080
                  stick on src
                  default_backend b
                backend b
                  server s1 127.0.0.1:1
                """)).containsExactly("[WARNING] parsing [t.cfg:8] : 'stick' ignored because frontend 'f' has no backend capability.");
    }
}
