package io.tollgate.engine.config;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** acl / use_backend are kept; http-request and friends are warned about or refused by action. */
class RuleKeywordsTest {

    @Test
    void aclAndUseBackendAreKept() {
        Config config = TestConfigs.load(TestConfigs.proxies("""
                  mode http
                  acl is_api path_beg /api
                  acl is_api hdr(host) -i api.example.com
                  use_backend api if is_api
                  use_backend api if { path /v2 } || METH_POST
                """, """
                  mode http
                backend api
                  mode http
                  server a 127.0.0.1:81
                """));
        ProxyConfig fe = config.proxy("fe").orElseThrow();
        assertThat(fe.acls()).extracting(d -> d.args().get(0)).containsExactly("is_api", "is_api");
        assertThat(fe.useBackends()).extracting(UseBackendRule::backend).containsExactly("api", "api");
        assertThat(fe.useBackends().get(0).condition()).containsExactly("if", "is_api");
    }

    @Test
    void dynamicBackendNamesAndBadCriteriaAreRefused() {
        assertThat(TestConfigs.errors("""
                frontend fe
                  mode http
                  timeout client 1s
                  bind :80
                  acl bad pth_beg /x
                  use_backend %[req.hdr(x-backend)]
                  use_backend api if { pth_beg /x }
                backend api
                  mode http
                """)).satisfiesExactly(
                e -> assertThat(e).isEqualTo("[ALERT] parsing [t.cfg:5] : error detected while parsing ACL 'bad' :"
                        + " unknown fetch method 'pth_beg' in ACL expression 'pth_beg'."),
                e -> assertThat(e).isEqualTo("[ALERT] parsing [t.cfg:6] : 'use_backend' is not supported yet by Tollgate"
                        + " with a dynamic backend name ('%[req.hdr(x-backend)]')"),
                e -> assertThat(e).startsWith("[ALERT] parsing [t.cfg:7] : error detected while parsing switching rule :")
                        .contains("pth_beg"));
    }

    @Test
    void prometheusExporterIsTheOneHttpRequestRuleKept() {
        ProxyConfig fe = TestConfigs.load("frontend fe\n  mode http\n  timeout client 1s\n  bind :8405\n"
                + "  http-request use-service prometheus-exporter if { path /metrics }\n").proxy("fe").orElseThrow();
        assertThat(fe.httpRequestRules()).singleElement().extracting(Directive::args)
                .isEqualTo(List.of("use-service", "prometheus-exporter", "if", "{", "path", "/metrics", "}"));
    }

    @Test
    void harmlessActionsAreWarnedAbout() {
        assertThat(TestConfigs.warnings(TestConfigs.proxies("""
                  http-request set-header X-Forwarded-Proto https
                  http-response set-header Strict-Transport-Security max-age=1
                  http-after-response del-header Server
                  http-request capture req.hdr(Host) len 20
                  tcp-request inspect-delay 5s
                  tcp-request content track-sc0 src
                """, ""))).containsExactly(
                "[WARNING] parsing [t.cfg:8] : 'http-request set-header' is not supported yet by Tollgate, ignored",
                "[WARNING] parsing [t.cfg:9] : 'http-response set-header' is not supported yet by Tollgate, ignored",
                "[WARNING] parsing [t.cfg:10] : 'http-after-response del-header' is not supported yet by Tollgate, ignored",
                "[WARNING] parsing [t.cfg:11] : 'http-request capture' is not supported yet by Tollgate, ignored",
                "[WARNING] parsing [t.cfg:12] : 'tcp-request inspect-delay' is not supported yet by Tollgate, ignored",
                "[WARNING] parsing [t.cfg:13] : 'tcp-request content track-sc0' is not supported yet by Tollgate, ignored");
    }

    @Test
    void actionsThatDecideAccessOrRoutingAreRefused() {
        assertThat(TestConfigs.errors(TestConfigs.proxies("""
                  http-request deny if { src 10.0.0.0/8 }
                  http-request auth realm x
                  http-request redirect scheme https
                  http-request set-var(txn.x) path
                  http-response deny
                  tcp-request content reject
                  tcp-request connection expect-proxy layer4
                  http-request lua.pow-check
                  http-request use-service lua.acme
                  http-request dney
                  tcp-request contnet accept
                  redirect scheme https
                  use-server s1 if TRUE
                """, ""))).containsExactly(
                "[ALERT] parsing [t.cfg:8] : 'http-request deny' is not supported yet by Tollgate",
                "[ALERT] parsing [t.cfg:9] : 'http-request auth' is not supported yet by Tollgate",
                "[ALERT] parsing [t.cfg:10] : 'http-request redirect' is not supported yet by Tollgate",
                "[ALERT] parsing [t.cfg:11] : 'http-request set-var' is not supported yet by Tollgate",
                "[ALERT] parsing [t.cfg:12] : 'http-response deny' is not supported yet by Tollgate",
                "[ALERT] parsing [t.cfg:13] : 'tcp-request content reject' is not supported yet by Tollgate",
                "[ALERT] parsing [t.cfg:14] : 'tcp-request connection expect-proxy' is not supported yet by Tollgate",
                "[ALERT] parsing [t.cfg:15] : 'http-request' : unknown action 'lua.pow-check' (Tollgate does not run Lua).",
                "[ALERT] parsing [t.cfg:16] : error detected in frontend 'fe' while parsing 'http-request use-service' rule : 'lua.acme' unknown service name.",
                "[ALERT] parsing [t.cfg:17] : 'http-request' : unknown action 'dney'; did you mean 'deny' maybe ?",
                "[ALERT] parsing [t.cfg:18] : 'tcp-request' expects 'inspect-delay', 'connection', 'session', 'content' (got 'contnet').",
                "[ALERT] parsing [t.cfg:19] : 'redirect' is not supported yet by Tollgate",
                "[WARNING] parsing [t.cfg:20] : 'use-server' ignored because frontend 'fe' has no backend capability.");
    }

    @Test
    void ruleConditionsMustNameDeclaredAcls() {
        assertThat(TestConfigs.errors(TestConfigs.proxies("""
                  use_backend be if is_missing
                  use_backend be when TRUE
                  acl a src 10.0.0.0/8
                """, ""))).containsExactly(
                "[ALERT] parsing [t.cfg:8] : error detected while parsing 'use_backend' rule : no such ACL : 'is_missing'.",
                "[ALERT] parsing [t.cfg:9] : 'use_backend' requires either 'if' or 'unless' followed by a condition but got 'when'.");
    }

    @Test
    void rulesAreNotAllowedInAnonymousDefaults() {
        assertThat(TestConfigs.errors("defaults\n  acl a src 1.2.3.4\n  http-request deny\n  use_backend x\n")).containsExactly(
                "[ALERT] parsing [t.cfg:2] : 'acl' not allowed in anonymous 'defaults' section.",
                "[ALERT] parsing [t.cfg:3] : 'http-request' not allowed in anonymous 'defaults' section.",
                "[ALERT] parsing [t.cfg:4] : 'use_backend' not allowed in 'defaults' section.");
    }

    @Test
    void aclPatternFilesMustExist() {
        assertThat(TestConfigs.errors(TestConfigs.proxies("  acl bad src -f missing.lst\n", ""))).containsExactly(
                "[ALERT] parsing [t.cfg:8] : error detected while parsing ACL 'bad' : failed to open pattern file <missing.lst>.");
    }
}
