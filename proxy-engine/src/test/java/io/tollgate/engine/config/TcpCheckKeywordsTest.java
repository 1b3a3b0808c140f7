package io.tollgate.engine.config;

import io.tollgate.engine.config.TcpCheckDefinition.Action;
import io.tollgate.engine.config.TcpCheckDefinition.Connect;
import io.tollgate.engine.config.TcpCheckDefinition.Expect;
import io.tollgate.engine.config.TcpCheckDefinition.Send;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code option tcp-check} and the {@code tcp-check} rules: the script a backend runs, and
 * HAProxy 2.6.12's messages ({@code haproxy -c}) for what is wrong with them.
 */
class TcpCheckKeywordsTest {
    private static final String DEFAULTS = "defaults\n  timeout client 5s\n  timeout connect 5s\n  timeout server 5s\n";

    private static CheckDefinition check(Config config, String backend) {
        return config.proxies().stream().filter(p -> p.name().equals(backend)).findFirst().orElseThrow()
                .rules().healthCheck();
    }

    @Test
    void rulesBecomeAScriptWithHaproxysStepNumbersAndComments() {
        Config config = TestConfigs.load(DEFAULTS + """
                backend b
                  option tcp-check
                  tcp-check comment "banner"
                  tcp-check expect string +OK
                  tcp-check expect ! rstring ^-ERR comment own
                  tcp-check send PING\\r\\n comment ping
                  tcp-check set-var(check.x) int(1)
                  tcp-check send-binary 0a
                  tcp-check expect min-recv 2 ok-status l7okc error-status L7STS tout-status L4TOUT binary 0A0b
                  server s 127.0.0.1:6379 check
                """);
        TcpCheckDefinition d = (TcpCheckDefinition) check(config, "b");
        assertThat(d.type()).isEqualTo("tcp-check");
        assertThat(d.steps()).containsExactly(
                new Connect(0, null, 0, null, 0, false, true),
                new Expect(2, "banner", false, "string", "+OK", null, -1, null, null, null, null, null, null),
                new Expect(3, "own", true, "rstring", "^-ERR", null, -1, null, null, null, null, null, null),
                new Send(4, "ping", CheckFormat.literal("PING\r\n"), false),
                new Action(5, null, "set-var(check.x) int(1)"),
                new Send(6, null, CheckFormat.literal("0a"), true),
                new Expect(7, null, false, "binary", "0A0b", null, 2, "L7OKC", "L7STS", "L4TOUT", null, null, null));
    }

    @Test
    void aCommentGoesToTheRulesAfterItUntilTheKindChanges() {
        Config config = TestConfigs.load(DEFAULTS + """
                backend b
                  option tcp-check
                  tcp-check comment "hop one"
                  tcp-check connect port 6379 addr 10.0.0.1 linger
                  tcp-check send a
                  tcp-check comment "two sends"
                  tcp-check send b
                  tcp-check send-lf %[srv_name]
                  tcp-check expect string x on-error "bad %[be_name,hex]" status-code int(7)
                  tcp-check connect addr 10.0.0.2:80 comment own default
                  server s 127.0.0.1:6379 check
                """);
        TcpCheckDefinition d = (TcpCheckDefinition) check(config, "b");
        assertThat(d.steps()).extracting(TcpCheckDefinition.Step::comment)
                .containsExactly("hop one", null, "two sends", "two sends", null, "own");
        assertThat(d.steps().get(0)).isEqualTo(new Connect(2, "hop one", 6379, "10.0.0.1", 0, true, false));
        assertThat(d.steps().get(5)).isEqualTo(new Connect(8, "own", 0, "10.0.0.2", 80, false, false));
        Send lf = (Send) d.steps().get(3);
        assertThat(lf.data().isLiteral()).isFalse();
        assertThat(lf.data().render("web1", 3, "app", 2)).isEqualTo("web1");
        Expect x = (Expect) d.steps().get(4);
        assertThat(x.statusCode()).isEqualTo(7);
        assertThat(x.onError().render("web1", 3, "app", 2)).isEqualTo("bad 617070");
    }

    @Test
    void aProxyStartsWithTheRulesItsDefaultsRanAndReplacesThemWithItsOwn() {
        Config config = TestConfigs.load("""
                defaults d1
                  timeout client 5s
                  timeout connect 5s
                  timeout server 5s
                  option tcp-check
                  tcp-check expect string 220
                backend inherits
                  server s 127.0.0.1:25 check
                backend replaces
                  tcp-check expect string hello
                  server s 127.0.0.1:25 check
                defaults d2
                  timeout client 5s
                  timeout connect 5s
                  timeout server 5s
                  tcp-check expect string 220
                backend unused_defaults
                  option tcp-check
                  server s 127.0.0.1:25 check
                """);
        assertThat(((TcpCheckDefinition) check(config, "inherits")).steps()).extracting(TcpCheckDefinition.Step::number)
                .containsExactly(0, 1);
        assertThat(((Expect) ((TcpCheckDefinition) check(config, "replaces")).steps().get(1)).pattern()).isEqualTo("hello");
        assertThat(((TcpCheckDefinition) check(config, "unused_defaults")).steps())
                .containsExactly(Connect.implicitConnect());
    }

    @Test
    void rulesNoOptionRunsAreWarnedAbout() {
        assertThat(TestConfigs.warnings(DEFAULTS + """
                backend a
                  tcp-check expect string x
                  server s 127.0.0.1:1 check
                backend dropped_by_httpchk
                  tcp-check expect string x
                  option httpchk
                  server s 127.0.0.1:1 check
                backend after_httpchk
                  option httpchk
                  tcp-check expect string x
                  server s 127.0.0.1:1 check
                listen l
                  bind :8080
                  tcp-check send x
                  server s 127.0.0.1:1
                frontend f
                  bind :8081
                  option tcp-check
                  tcp-check send x
                  default_backend a
                backend vars
                  option tcp-check
                  tcp-check set-var(check.port) int(1)
                  tcp-check unset-var(check.port)
                  server s 127.0.0.1:1 check
                """)).containsExactly(
                "[WARNING] parsing [t.cfg:22] : 'tcp-check' ignored because frontend 'f' has no backend capability.",
                "[WARNING] parsing [t.cfg:23] : 'tcp-check' ignored because frontend 'f' has no backend capability.",
                "[WARNING] parsing [t.cfg:27] : 'tcp-check set-var(check.port)' is not supported yet by Tollgate, ignored",
                "[WARNING] parsing [t.cfg:28] : 'tcp-check unset-var(check.port)' is not supported yet by Tollgate, ignored",
                "[WARNING] config : backend 'a' uses tcp-check rules without 'option tcp-check', so the rules are ignored.",
                "[WARNING] config : backend 'after_httpchk' uses tcp-check rules without 'option tcp-check', so the rules are ignored.",
                "[WARNING] config : proxy 'l' uses tcp-check rules without 'option tcp-check', so the rules are ignored.");
    }

    @Test
    void wrongRulesGetHaproxysMessages() {
        assertThat(TestConfigs.errors(DEFAULTS + """
                backend b
                  option tcp-check foo
                  no option tcp-check
                  tcp-check
                  tcp-check foo
                  tcp-check comment
                  tcp-check send
                  tcp-check send a b
                  tcp-check send a comment
                  tcp-check send-binary
                  tcp-check send-binary zz
                  tcp-check send-binary 4
                  tcp-check send-lf
                  tcp-check send-binary-lf
                  tcp-check expect
                  tcp-check expect string
                  tcp-check expect foo bar
                  tcp-check expect string a !
                  tcp-check expect min-recv
                  tcp-check expect min-recv 3
                  tcp-check expect ! min-recv 3 string a
                  tcp-check expect ok-status FOO string a
                  tcp-check expect error-status L7OK string a
                  tcp-check expect tout-status L7OK string a
                  tcp-check expect binary 0g
                  tcp-check expect binary 012
                  tcp-check expect string a string b
                  tcp-check expect comment
                  tcp-check expect status-code
                  tcp-check expect on-success
                  tcp-check expect status 200
                  tcp-check set-var
                  tcp-check set-var(check.x)
                  tcp-check set-var(foo) int(1)
                  option tcp-check
                backend c
                  option tcp-check
                  tcp-check connect foo
                  tcp-check connect port
                  tcp-check connect port 0
                  tcp-check connect port 70000
                  tcp-check connect addr
                  tcp-check connect comment
                  tcp-check connect sni
                  tcp-check connect alpn
                  tcp-check connect proto
                  tcp-check expect string x
                  tcp-check connect port 80
                """)).containsExactly(
                "[ALERT] parsing [t.cfg:6] : 'option tcp-check' cannot handle unexpected argument 'foo'.",
                "[ALERT] parsing [t.cfg:7] : negation/default is not supported for option 'tcp-check'.",
                "[ALERT] parsing [t.cfg:8] : 'tcp-check' only supports 'comment', 'connect', 'send', 'send-binary', "
                        + "'expect', 'set-var-fmt(*)', 'set-var(*)', 'unset-var(*)'. but got ''",
                "[ALERT] parsing [t.cfg:9] : 'tcp-check' only supports 'comment', 'connect', 'send', 'send-binary', "
                        + "'expect', 'set-var-fmt(*)', 'set-var(*)', 'unset-var(*)'. but got 'foo'",
                "[ALERT] parsing [t.cfg:10] : 'tcp-check comment' expects a string as argument.",
                "[ALERT] parsing [t.cfg:11] : 'tcp-check send' : 'string' expects a send as argument.",
                "[ALERT] parsing [t.cfg:12] : 'tcp-check send' : expects 'comment' but got 'b' as argument..",
                "[ALERT] parsing [t.cfg:13] : 'tcp-check send' : 'comment' expects a string as argument..",
                "[ALERT] parsing [t.cfg:14] : 'tcp-check send-binary' : 'binary string' expects a send-binary as argument.",
                "[ALERT] parsing [t.cfg:15] : 'tcp-check send-binary' : 'zz' invalid binary string (an hex digit is "
                        + "expected (found 'z')).",
                "[ALERT] parsing [t.cfg:16] : 'tcp-check send-binary' : '4' invalid binary string (an even number of hex "
                        + "digit is expected).",
                "[ALERT] parsing [t.cfg:17] : 'tcp-check send-lf' : 'string' expects a send-lf as argument.",
                "[ALERT] parsing [t.cfg:18] : 'tcp-check send-binary-lf' : 'string' expects a send-binary-lf as argument.",
                "[ALERT] parsing [t.cfg:19] : 'tcp-check expect' : expects at least a matching pattern as arguments.",
                "[ALERT] parsing [t.cfg:20] : 'tcp-check expect' : 'string' expects a <pattern> as argument.",
                "[ALERT] parsing [t.cfg:21] : 'tcp-check expect' : 'only supports min-recv, '[!]binary', '[!]string', "
                        + "'[!]rstring', '[!]string-lf''[!]rbinary', '[!]binary-lf' or comment but got 'foo' as argument..",
                "[ALERT] parsing [t.cfg:22] : 'tcp-check expect' : 'only supports min-recv, '[!]binary', '[!]string', "
                        + "'[!]rstring', '[!]string-lf''[!]rbinary', '[!]binary-lf' or comment but got '' as argument..",
                "[ALERT] parsing [t.cfg:23] : 'tcp-check expect' : 'min-recv' expects a integer as argument.",
                "[ALERT] parsing [t.cfg:24] : 'tcp-check expect' : pattern not found.",
                "[ALERT] parsing [t.cfg:25] : 'tcp-check expect' : [!] not supported with 'min-recv'.",
                "[ALERT] parsing [t.cfg:26] : 'tcp-check expect' : 'ok-status' only supports 'L4OK', 'L6OK', 'L7OK' or "
                        + "'L7OKC' status (got 'FOO')..",
                "[ALERT] parsing [t.cfg:27] : 'tcp-check expect' : 'error-status' only supports 'L4CON', 'L6RSP', 'L7RSP' "
                        + "or 'L7STS' status (got 'L7OK')..",
                "[ALERT] parsing [t.cfg:28] : 'tcp-check expect' : 'tout-status' only supports 'L4TOUT', 'L6TOUT' or "
                        + "'L7TOUT' status (got 'L7OK')..",
                "[ALERT] parsing [t.cfg:29] : 'tcp-check expect' : invalid binary string (an hex digit is expected "
                        + "(found 'g')).",
                "[ALERT] parsing [t.cfg:30] : 'tcp-check expect' : invalid binary string (an even number of hex digit "
                        + "is expected).",
                "[ALERT] parsing [t.cfg:31] : 'tcp-check expect' : only on pattern expected.",
                "[ALERT] parsing [t.cfg:32] : 'tcp-check expect' : 'comment' expects a string as argument.",
                "[ALERT] parsing [t.cfg:33] : 'tcp-check expect' : 'status-code' expects an expression as argument.",
                "[ALERT] parsing [t.cfg:34] : 'tcp-check expect' : 'on-success' expects a string as argument.",
                "[ALERT] parsing [t.cfg:35] : 'tcp-check expect' : 'only supports min-recv, '[!]binary', '[!]string', "
                        + "'[!]rstring', '[!]string-lf''[!]rbinary', '[!]binary-lf' or comment but got 'status' as "
                        + "argument..",
                "[ALERT] parsing [t.cfg:36] : 'tcp-check set-var' : 'set-var' : invalid or incomplete action 'set-var'. "
                        + "Expects 'set-var(<var-name>)', 'set-var-fmt(<var-name>)' or 'unset-var(<var-name>)'.",
                "[ALERT] parsing [t.cfg:37] : 'tcp-check set-var(check.x)' : 'set-var' : missing fetch method.",
                "[ALERT] parsing [t.cfg:38] : 'tcp-check set-var(foo)' : 'set-var' : invalid variable name 'foo'. A "
                        + "variable name must be start by its scope. The scope can be 'proc', 'sess', 'txn', 'req', "
                        + "'res' or 'check'.",
                "[ALERT] parsing [t.cfg:42] : 'tcp-check connect' : expects 'comment', 'port', 'addr', 'send-proxy', "
                        + "'ssl', 'sni', 'alpn' or 'via-socks4', 'linger', 'default' but got 'foo' as argument..",
                "[ALERT] parsing [t.cfg:43] : 'tcp-check connect' : 'port' expects a port number or a sample expression "
                        + "as argument..",
                "[ALERT] parsing [t.cfg:44] : 'tcp-check connect' : expects a valid TCP port (from range 1 to 65535) or a "
                        + "sample expression, got 0..",
                "[ALERT] parsing [t.cfg:45] : 'tcp-check connect' : expects a valid TCP port (from range 1 to 65535) or a "
                        + "sample expression, got 70000..",
                "[ALERT] parsing [t.cfg:46] : 'tcp-check connect' : 'addr' expects <ipv4|ipv6> as argument..",
                "[ALERT] parsing [t.cfg:47] : 'tcp-check connect' : 'comment' expects a string as argument..",
                "[ALERT] parsing [t.cfg:48] : 'tcp-check connect' : 'sni' expects a string as argument..",
                "[ALERT] parsing [t.cfg:49] : 'tcp-check connect' : 'alpn' : missing the comma-delimited ALPN protocol "
                        + "suite.",
                "[ALERT] parsing [t.cfg:50] : 'tcp-check connect' : 'proto' expects a MUX protocol as argument..",
                "[ALERT] parsing [t.cfg:52] : 'tcp-check connect' : first step MUST also be a 'connect', optionally "
                        + "preceded by a 'set-var', an 'unset-var' or a 'comment', when there is a 'connect' step in the "
                        + "tcp-check ruleset.");
    }

    @Test
    void whatTollgateCannotDoOnACheckConnectionIsRefused() {
        assertThat(TestConfigs.errors(DEFAULTS + """
                backend b
                  option tcp-check
                  tcp-check connect ssl
                  tcp-check connect send-proxy
                  tcp-check connect port 443 sni example.com
                  tcp-check connect port srv_port
                  tcp-check connect addr localhost
                  tcp-check send-lf %[req.hdr(host)]
                  tcp-check expect string x on-error %ci
                  tcp-check expect string x status-code res.payload(0,1)
                """)).containsExactly(
                "[ALERT] parsing [t.cfg:7] : 'tcp-check connect ssl' is not supported yet by Tollgate",
                "[ALERT] parsing [t.cfg:8] : 'tcp-check connect send-proxy' is not supported yet by Tollgate",
                "[ALERT] parsing [t.cfg:9] : 'tcp-check connect sni' is not supported yet by Tollgate",
                "[ALERT] parsing [t.cfg:10] : 'tcp-check connect' : port expressions are not supported yet by Tollgate "
                        + "(got 'srv_port'); use a port number.",
                "[ALERT] parsing [t.cfg:11] : 'tcp-check connect' : 'addr' : Tollgate's checks only connect to an IP "
                        + "address (got 'localhost').",
                "[ALERT] parsing [t.cfg:12] : 'tcp-check send-lf' : log-format string '%[req.hdr(host)]' is not supported "
                        + "yet by Tollgate: health checks accept text, '%%', and %[srv_name], %[be_name], %[srv_id] or "
                        + "%[be_id], optionally followed by ',hex'.",
                "[ALERT] parsing [t.cfg:13] : 'tcp-check expect' : log-format string '%ci' is not supported yet by "
                        + "Tollgate: health checks accept text, '%%', and %[srv_name], %[be_name], %[srv_id] or %[be_id], "
                        + "optionally followed by ',hex'.",
                "[ALERT] parsing [t.cfg:14] : 'tcp-check expect' : status-code expression 'res.payload(0,1)' is not "
                        + "supported yet by Tollgate: a check has no session to fetch from; use a constant such as "
                        + "int(200).");
    }
}
