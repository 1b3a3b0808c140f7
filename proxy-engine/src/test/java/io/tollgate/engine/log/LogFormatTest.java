package io.tollgate.engine.log;

import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The log-format engine without sockets: separators, flags and encodings as HAProxy 2.6's
 * {@code sess_build_logline} writes them (values checked against {@code haproxy -db} output).
 */
class LogFormatTest {
    private static String render(String format, LogEvent e) throws LogFormatException {
        StringBuilder sb = new StringBuilder();
        LogFormat.compile(format, true).render(e, sb, 7);
        return sb.toString();
    }

    private static LogEvent request(String method, String uri) {
        LogEvent e = new LogEvent();
        e.reset();
        e.http = true;
        e.method = method;
        e.uri = uri;
        e.version = "HTTP/1.1";
        e.status = 200;
        e.client = new InetSocketAddress("127.0.0.1", 59162);
        return e;
    }

    @Test
    void runsOfSpacesAreOneSeparatorWrittenOnlyAfterSomething() throws LogFormatException {
        LogEvent e = request("GET", "/");
        // no captures: %hr and %hs write nothing and leave no double space, nor a leading one
        assertThat(render("  %hr   %ST %hs  x %hs", e)).isEqualTo("200 x ");
    }

    @Test
    void capturesAreBracedOrListedWithEmptyValues() throws LogFormatException {
        LogEvent e = request("GET", "/");
        e.requestCaptures = new String[] {"abc", null};
        assertThat(render("%hr %{+Q}hr %hrl %{+Q}hrl|", e)).isEqualTo("{abc|} \"{abc|}\" abc - \"abc\" \"\"|");
    }

    @Test
    void optionsCarryFlagsToTheVariablesThatFollow() throws LogFormatException {
        LogEvent e = request("GET", "/");
        assertThat(render("%HM %{+Q}o %HM %{-Q}HM %ST", e)).isEqualTo("GET \"GET\" GET 200");
    }

    @Test
    void hexadecimalAddressesPortsAndNumbers() throws LogFormatException {
        LogEvent e = request("GET", "/");
        e.acceptEpochMillis = 1_795_466_766_413L;
        assertThat(render("%{+X}ci:%{+X}cp %{+X}Ts %{+X}ms %{+X}rt", e)).isEqualTo("7F000001:E71A 6B04A60E 19D 0000");
    }

    @Test
    void requestLinesAreEncodedAndMissingOnesAreBADREQ() throws LogFormatException {
        assertThat(render("%{+Q}r %HQ", request("GET", "/a\"b{c}|d#\te?x"))).isEqualTo(
                "\"GET /a#22b#7Bc#7D#7Cd#23#09e?x HTTP/1.1\" ?x");
        LogEvent bad = request(null, null);
        bad.version = null;
        assertThat(render("%r %{+Q}HM %HU %HV %HQ", bad)).isEqualTo("<BADREQ> \"<BADREQ>\" <BADREQ> <BADREQ> <BADREQ>");
    }

    @Test
    void timersThatNeverRanAreMinusOneAndTerminationStatesAreRaw() throws LogFormatException {
        LogEvent e = request("GET", "/");
        e.endedBy = LogEvent.END_SERVER;
        e.endedAt = LogEvent.AT_CONNECT;
        e.requestCookie = 'N';
        e.responseCookie = 'I';
        assertThat(render("%TR/%Tw/%Tc/%Tr/%Ta %{+Q}ts %tsc %lc %%", e)).isEqualTo("-1/-1/-1/-1/-1 SC SCNI 7 %");
    }

    @Test
    void escapingForStructuredData() {
        StringBuilder sb = new StringBuilder();
        LogText.text(sb, "a\"b]c\\", LogText.QUOTE | LogText.ESCAPE);
        assertThat(sb).hasToString("\"a\\\"b\\]c\\\\\"");
    }

    @Test
    void parseErrorsAreHaproxys() {
        assertThatThrownBy(() -> LogFormat.compile("%ci %foo", true)).hasMessage(
                "no such format variable 'foo'. If you wanted to emit the '%' character verbatim, you need to use '%%'");
        assertThatThrownBy(() -> LogFormat.compile("%[path]", true)).hasMessage(
                "sample fetch <path]> may not be reliably used here because it needs 'HTTP request headers' which is not "
                        + "available here");
        assertThatThrownBy(() -> LogFormat.compile("%[nosuch] x", true)).hasMessageStartingWith(
                "failed to parse sample expression <nosuch] x> : unknown fetch method 'nosuch'");
        assertThatThrownBy(() -> LogFormat.compile("%{+Q", true)).hasMessage("truncated line after '+Q'");
    }

    @Test
    void theBuiltInFormatsCompile() throws LogFormatException {
        LogFormat.compile(BuiltInFormats.TCPLOG, false);
        LogFormat.compile(BuiltInFormats.HTTPLOG, true);
        LogFormat.compile(BuiltInFormats.HTTPLOG_CLF, true);
    }

    @Test
    void connectionFetchesOfHttpslogOnClearTextAndTls() throws LogFormatException {
        LogEvent e = request("GET", "/");
        String tail = "%[fc_err]/%[ssl_fc_err,hex]/%[ssl_c_err]/%[ssl_c_ca_err]/%[ssl_fc_is_resumed] "
                + "%[ssl_fc_sni]/%sslv/%sslc";
        // as HAProxy 2.6.12 writes a clear-text request
        assertThat(render(tail, e)).isEqualTo("0/-/-/-/0 -/-/-");
        e.tls = true;
        e.sslVersion = "TLSv1.2";
        e.sslCipher = "ECDHE-RSA-AES128-GCM-SHA256";
        e.serverName = "example.com";
        assertThat(render(tail, e)).isEqualTo("0/0000000000000000/0/0/0 example.com/TLSv1.2/ECDHE-RSA-AES128-GCM-SHA256");
        e.connectionError = ConnectionError.SSL_HANDSHAKE.code();
        e.sslError = 0x0A00009CL;
        assertThat(render("%[fc_err] %[ssl_fc_err,hex] %[ssl_fc_err] %{+Q}[ssl_fc_sni] %[ssl_fc_sni,hex]", e))
                .isEqualTo("34 000000000A00009C 167772316 \"example.com\" 6578616D706C652E636F6D");
    }

    @Test
    void connectionFetchesTakeNoArgumentsAndOnlyTheHexConverter() {
        assertThatThrownBy(() -> render("%[fc_err(1)]", request("GET", "/"))).isInstanceOf(LogFormatException.class)
                .hasMessage("failed to parse sample expression <fc_err(1)]> : fetch method 'fc_err' : no argument "
                        + "supported, but got '1'");
        assertThatThrownBy(() -> render("%[ssl_fc_sni,lower]", request("GET", "/"))).isInstanceOf(LogFormatException.class)
                .hasMessageContaining("converter 'lower' after 'ssl_fc_sni' is not supported by Tollgate (only 'hex' is)");
    }
}
