package io.tollgate.engine.config;

import io.tollgate.engine.log.AccessLog;
import io.tollgate.engine.log.BuiltInFormats;
import org.junit.jupiter.api.Test;

import static io.tollgate.engine.config.TestConfigs.proxies;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code log-format} and the log options: which format a frontend gets, and HAProxy's errors for bad formats (as {@code haproxy -c} prints them). */
class LogFormatKeywordsTest {
    /** {@link TestConfigs#proxies} in {@code mode http}: its lines move one down. */
    private static String http(String frontendLines, String backendLines) {
        return proxies(frontendLines, backendLines).replaceFirst("defaults\n", "defaults\n  mode http\n");
    }

    private static ProxyConfig frontend(String text) {
        return TestConfigs.load(text).proxies().stream().filter(p -> p.name().equals("fe")).findFirst().orElseThrow();
    }

    @Test
    void theLastOfLogFormatAndOptionWins() {
        assertThat(AccessLog.formatText(frontend(http("  option httplog\n  log-format \"%ci %HM\"\n", ""))))
                .isEqualTo("%ci %HM");
        assertThat(AccessLog.formatText(frontend(http("  log-format \"%ci\"\n  option httplog clf\n", ""))))
                .isEqualTo(BuiltInFormats.HTTPLOG_CLF);
        assertThat(AccessLog.formatText(frontend(proxies("  option tcplog\n", "")))).isEqualTo(BuiltInFormats.TCPLOG);
        assertThat(AccessLog.formatText(frontend(proxies("", "")))).isNull();
    }

    @Test
    void aDefaultsLogFormatIsInherited() {
        assertThat(AccessLog.formatText(frontend(proxies("", "").replaceFirst("defaults\n", "defaults\n  log-format \"%ci %b\"\n"))))
                .isEqualTo("%ci %b");
    }

    @Test
    void unknownVariablesAndHttpOnlyOnesInTcpAreHaproxysErrors() {
        assertThat(TestConfigs.errors(http("  log-format \"%ci %foo\"\n", ""))).contains(
                "[ALERT] config : Parsing [t.cfg:9]: failed to parse log-format : no such format variable 'foo'. "
                        + "If you wanted to emit the '%' character verbatim, you need to use '%%'.");
        assertThat(TestConfigs.errors(proxies("  log-format \"%ci %HM\"\n", ""))).contains(
                "[ALERT] config : Parsing [t.cfg:8]: failed to parse log-format : format variable 'HM' is reserved for HTTP mode.");
        assertThat(TestConfigs.errors(proxies("  log-format \"%ci%\"\n", ""))).contains(
                "[ALERT] config : Parsing [t.cfg:8]: failed to parse log-format : truncated line after '%'.");
        assertThat(TestConfigs.errors(proxies("  log-format \"% ci\"\n", ""))).contains(
                "[ALERT] config : Parsing [t.cfg:8]: failed to parse log-format : unexpected variable name near ' ci' "
                        + "at position 1 line : '% ci'. Maybe you want to write a single '%', use the syntax '%%'.");
        assertThat(TestConfigs.errors(proxies("  log-format \"%{+Q} x\"\n", ""))).contains(
                "[ALERT] config : Parsing [t.cfg:8]: failed to parse log-format : parse argument modifier without "
                        + "variable name near '%{+Q}'.");
        assertThat(TestConfigs.errors(proxies("  log-format \"%[src\"\n", ""))).contains(
                "[ALERT] config : Parsing [t.cfg:8]: failed to parse log-format : missing ']' after 'src'.");
    }

    @Test
    void argumentsAreCheckedOnTheLine() {
        assertThat(TestConfigs.errors(proxies("  log-format %ci %cp\n", ""))).contains(
                "[ALERT] parsing [t.cfg:8] : log-format expects only one argument, don't forget to escape spaces!");
        assertThat(TestConfigs.errors(proxies("  log-format\n", ""))).contains(
                "[ALERT] parsing [t.cfg:8] : log-format expects an argument.");
    }

    @Test
    void backendsIgnoreLogFormatAndTcpFrontendsFallBackToTcplog() {
        assertThat(TestConfigs.warnings(proxies("", "  log-format \"%ci\"\n"))).contains(
                "[WARNING] parsing [t.cfg:10] : backend 'be' : 'log-format' directive is ignored in backends.");
        assertThat(TestConfigs.warnings(proxies("  option httplog\n", ""))).contains(
                "[WARNING] config : parsing [t.cfg:8] : 'option httplog' not usable with frontend 'fe' (needs 'mode http'). "
                        + "Falling back to 'option tcplog'.");
    }

    @Test
    void theImplementedLogOptionsAreNoLongerWarnedAbout() {
        assertThat(TestConfigs.warnings(http("  option dontlog-normal\n  option log-separate-errors\n"
                + "  log-format \"%ci\"\n", ""))).isEmpty();
    }

    @Test
    void httpslogHasItsOwnFormatAndIsNotWarnedAbout() {
        assertThat(AccessLog.formatText(frontend(http("  option httpslog\n", "")))).isEqualTo(BuiltInFormats.HTTPSLOG)
                .endsWith("%{+Q}r %[fc_err]/%[ssl_fc_err,hex]/%[ssl_c_err]/%[ssl_c_ca_err]/%[ssl_fc_is_resumed] "
                        + "%[ssl_fc_sni]/%sslv/%sslc");
        assertThat(TestConfigs.warnings(http("  option httpslog\n", ""))).isEmpty();
    }

    @Test
    void errorLogFormatAndLogFormatSdAreCheckedAsHaproxyDoes() {
        ProxyConfig fe = frontend(http("  error-log-format \"%ci %[fc_err]\"\n  log-format-sd [x@1\\ a=\\\"%B\\\"]\n", ""));
        assertThat(fe.rules().errorLogFormat().args()).containsExactly("%ci %[fc_err]");
        assertThat(fe.rules().logFormatSd().args()).containsExactly("[x@1 a=\"%B\"]");
        assertThat(TestConfigs.warnings(http("  error-log-format %ci\n  log-format-sd %ci\n", ""))).isEmpty();

        for (String keyword : new String[] {"error-log-format", "log-format-sd"}) {
            assertThat(TestConfigs.errors(proxies("  " + keyword + "\n", ""))).contains(
                    "[ALERT] parsing [t.cfg:8] : " + keyword + " expects an argument.");
            assertThat(TestConfigs.errors(proxies("  " + keyword + " a b\n", ""))).contains(
                    "[ALERT] parsing [t.cfg:8] : " + keyword + " expects only one argument, don't forget to escape spaces!");
            assertThat(TestConfigs.warnings(proxies("", "  " + keyword + " x\n"))).contains(
                    "[WARNING] parsing [t.cfg:10] : backend 'be' : '" + keyword + "' directive is ignored in backends.");
        }
        assertThat(TestConfigs.errors(proxies("  error-log-format %HM\n", ""))).contains(
                "[ALERT] config : Parsing [t.cfg:8]: failed to parse error-log-format : format variable 'HM' is reserved "
                        + "for HTTP mode.");
        // HAProxy names the log-format's line for log-format-sd, and none when there is no log-format
        assertThat(TestConfigs.errors(proxies("  log-format-sd %r\n", ""))).contains(
                "[ALERT] config : Parsing [(null):0]: failed to parse log-format-sd : format variable 'r' is reserved "
                        + "for HTTP mode.");
        assertThat(TestConfigs.errors(http("  log-format-sd %[nope]\n  log-format %ci\n", ""))).contains(
                "[ALERT] config : Parsing [t.cfg:10]: failed to parse log-format-sd : failed to parse sample expression "
                        + "<nope]> : unknown fetch method 'nope'.");
        assertThat(TestConfigs.errors(http("  error-log-format %[ssl_fc_err,lower]\n", ""))).contains(
                "[ALERT] config : Parsing [t.cfg:9]: failed to parse error-log-format : failed to parse sample expression "
                        + "<ssl_fc_err,lower]> : converter 'lower' after 'ssl_fc_err' is not supported by Tollgate (only 'hex' is).");
    }
}
