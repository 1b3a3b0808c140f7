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
                  use_backend %[req.hdr(x-backend),nosuch]
                  use_backend api if { pth_beg /x }
                backend api
                  mode http
                """)).satisfiesExactly(
                e -> assertThat(e).isEqualTo("[ALERT] parsing [t.cfg:5] : error detected while parsing ACL 'bad' :"
                        + " unknown fetch method 'pth_beg' in ACL expression 'pth_beg'."),
                e -> assertThat(e).isEqualTo("[ALERT] parsing [t.cfg:6] : error detected while parsing switching rule :"
                        + " failed to parse sample expression <req.hdr(x-backend),nosuch> : unknown converter 'nosuch'"
                        + " in sample expression 'req.hdr(x-backend),nosuch'."),
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
                  http-request set-log-level debug
                  http-response set-log-level err
                  http-after-response del-header Server
                  http-request capture req.hdr(Host) len 20
                  tcp-request inspect-delay 5s
                """, ""))).containsExactly(
                "[WARNING] parsing [t.cfg:8] : 'http-request set-log-level' is not supported yet by Tollgate, ignored",
                "[WARNING] parsing [t.cfg:9] : 'http-response set-log-level' is not supported yet by Tollgate, ignored",
                "[WARNING] parsing [t.cfg:10] : 'http-after-response del-header' is not supported yet by Tollgate, ignored",
                "[WARNING] parsing [t.cfg:11] : 'http-request capture' is not supported yet by Tollgate, ignored",
                "[WARNING] parsing [t.cfg:12] : 'tcp-request inspect-delay' is not supported yet by Tollgate, ignored");
    }

    @Test
    void rulesTheEngineRunsAreKeptInOrder() {
        Config config = TestConfigs.load(TestConfigs.proxies("""
                  mode http
                  acl internal src 10.0.0.0/8
                  http-request deny if !internal { path_beg /admin }
                  http-request set-header X-Proto https
                  block if { method TRACE }
                  http-response set-header X-Frame-Options DENY
                  tcp-request connection reject if { src 192.0.2.1 }
                  redirect scheme https code 301 if !{ ssl_fc }
                  monitor-uri /alive
                  monitor fail if { nbsrv(be) lt 1 } || FALSE
                """.replace("  monitor fail if { nbsrv(be) lt 1 } || FALSE\n", "  monitor fail if FALSE\n"), """
                  mode http
                """));
        ProxyConfig fe = config.proxy("fe").orElseThrow();
        assertThat(fe.httpRequestRules()).extracting(d -> d.args().get(0)).containsExactly("deny", "set-header", "deny");
        assertThat(fe.rules().httpResponse()).singleElement().extracting(d -> d.args().get(0)).isEqualTo("set-header");
        assertThat(fe.rules().tcpRequest()).singleElement().extracting(Directive::args)
                .isEqualTo(List.of("connection", "reject", "if", "{", "src", "192.0.2.1", "}"));
        assertThat(fe.rules().redirects()).hasSize(1);
        assertThat(fe.rules().monitorUri()).isEqualTo("/alive");
        assertThat(fe.rules().monitorFail()).singleElement().extracting(Directive::args)
                .isEqualTo(List.of("if", "FALSE"));
        assertThat(TestConfigs.warnings(TestConfigs.proxies("  mode http\n  block if TRUE\n", "  mode http\n")))
                .singleElement().asString().contains("'block'").contains("'http-request deny'");
    }

    @Test
    void badRulesAreErrorsInHaproxysWords() {
        assertThat(TestConfigs.errors(TestConfigs.proxies("""
                  http-request set-header X-A
                  http-request deny deny_status 99
                  http-request deny deny_status 418
                  http-request return status 200 string "x"
                  http-request set-var(foo) str(x)
                  http-request del-header
                  http-request auth realm
                  http-request replace-header X a
                  http-response set-status 99
                  http-request replace-path ([a-z /x
                  redirect location /x code 305
                  redirect foo /x
                  http-request redirect location
                  http-request set-header X %[nosuchfetch]
                """, ""))).containsExactly(
                "[ALERT] parsing [t.cfg:8] : error detected in frontend 'fe' while parsing 'http-request set-header' rule : expects exactly 2 arguments.",
                "[ALERT] parsing [t.cfg:9] : error detected in frontend 'fe' while parsing 'http-request deny' rule : Unexpected status code '99'.",
                "[ALERT] parsing [t.cfg:10] : error detected in frontend 'fe' while parsing 'http-request deny' rule : status code '418' not handled by default with 'default-errorfiles' argument..",
                "[ALERT] parsing [t.cfg:11] : error detected in frontend 'fe' while parsing 'http-request return' rule : a content type must be defined when non-empty payload is configured.",
                "[ALERT] parsing [t.cfg:12] : error detected in frontend 'fe' while parsing 'http-request set-var' rule : invalid variable name 'foo'. A variable name must be start by its scope. The scope can be 'proc', 'sess', 'txn', 'req', 'res' or 'check'.",
                "[ALERT] parsing [t.cfg:13] : error detected in frontend 'fe' while parsing 'http-request del-header' rule : expects at least 1 argument.",
                "[ALERT] parsing [t.cfg:14] : error detected in frontend 'fe' while parsing 'http-request auth' rule : missing realm value.",
                "[ALERT] parsing [t.cfg:15] : error detected in frontend 'fe' while parsing 'http-request replace-header' rule : expects exactly 3 arguments.",
                "[ALERT] parsing [t.cfg:16] : error detected in frontend 'fe' while parsing 'http-response set-status' rule : expects an integer status code between 100 and 999.",
                "[ALERT] parsing [t.cfg:17] : error detected in frontend 'fe' while parsing 'http-request replace-path' rule : failed to parse regex '([a-z' : Unclosed character class at position 4.",
                "[ALERT] parsing [t.cfg:18] : error detected in frontend 'fe' while parsing redirect rule : 'code': unsupported HTTP code '305' (must be one of 301, 302, 303, 307 or 308).",
                "[ALERT] parsing [t.cfg:19] : error detected in frontend 'fe' while parsing redirect rule : expects 'code', 'prefix', 'location', 'scheme', 'set-cookie', 'clear-cookie', 'drop-query', 'ignore-empty' or 'append-slash' (was 'foo').",
                "[ALERT] parsing [t.cfg:20] : error detected in frontend 'fe' while parsing 'http-request redirect' rule : missing argument for 'location'.",
                "[ALERT] parsing [t.cfg:21] : error detected in frontend 'fe' while parsing 'http-request set-header' rule : failed to parse sample expression <nosuchfetch> : unknown fetch method 'nosuchfetch' in sample expression 'nosuchfetch'.");
    }

    @Test
    void actionsNotRunYetAreRefusedAndUnknownOnesAreErrors() {
        assertThat(TestConfigs.errors(TestConfigs.proxies("""
                  tcp-request connection expect-proxy layer4
                  http-request normalize-uri path-merge-slashes
                  http-request lua.pow-check
                  http-request use-service lua.acme
                  http-request dney
                  tcp-request contnet accept
                  use-server s1 if TRUE
                  use-server
                """, ""))).containsExactly(
                "[ALERT] parsing [t.cfg:8] : 'tcp-request connection expect-proxy' is not supported yet by Tollgate",
                "[ALERT] parsing [t.cfg:9] : 'http-request normalize-uri' is not supported yet by Tollgate",
                "[ALERT] parsing [t.cfg:10] : 'http-request lua.pow-check' : Lua is not supported by Tollgate.",
                "[ALERT] parsing [t.cfg:11] : 'http-request use-service lua.acme' : Lua is not supported by Tollgate.",
                "[ALERT] parsing [t.cfg:12] : 'http-request' : unknown action 'dney'; did you mean 'deny' maybe ?",
                "[ALERT] parsing [t.cfg:13] : 'tcp-request' expects 'inspect-delay', 'connection', 'session', 'content' (got 'contnet').",
                "[WARNING] parsing [t.cfg:14] : 'use-server' ignored because frontend 'fe' has no backend capability.",
                "[WARNING] parsing [t.cfg:15] : 'use-server' ignored because frontend 'fe' has no backend capability.");
    }

    @Test
    void useServerMustNameAServerOfItsBackend() {
        assertThat(TestConfigs.errors("""
                defaults
                  mode http
                backend b
                  use-server nope if TRUE
                  use-server
                  server s1 127.0.0.1:81
                """)).containsExactly(
                "[ALERT] parsing [t.cfg:5] : 'use-server' expects a server name.",
                "[ALERT] config : backend 'b' : unable to find server 'nope' referenced in a 'use-server' rule.");
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

    @Test
    void luaScriptsAreNotLoadedAndWhatTheyWouldRegisterIsRefused() {
        assertThat(TestConfigs.errors("global\n  lua-load /nowhere/x.lua\n" + TestConfigs.proxies("""
                  http-request set-var(txn.x) lua.geo
                  acl a lua.check -m found
                  http-request set-header X %[src,lua.mask]
                """, ""))).containsExactly(
                "[WARNING] parsing [t.cfg:2] : 'lua-load' : Lua is not supported by Tollgate: the script is not"
                        + " loaded, and rules using it are refused.",
                "[ALERT] parsing [t.cfg:10] : error detected in frontend 'fe' while parsing 'http-request set-var' rule :"
                        + " 'lua.geo' : Lua is not supported by Tollgate.",
                "[ALERT] parsing [t.cfg:11] : error detected while parsing ACL 'a' : 'lua.check' : Lua is not supported"
                        + " by Tollgate.",
                "[ALERT] parsing [t.cfg:12] : error detected in frontend 'fe' while parsing 'http-request set-header'"
                        + " rule : failed to parse sample expression <src,lua.mask> : 'lua.mask' : Lua is not supported"
                        + " by Tollgate.");
    }
}
