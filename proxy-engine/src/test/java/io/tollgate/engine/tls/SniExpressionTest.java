package io.tollgate.engine.tls;

import io.tollgate.engine.acl.RequestView;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A server's sni expression, evaluated per request. */
class SniExpressionTest {

    @Test
    void fetchesAndConverters() {
        RequestView r = request(Map.of("host", List.of("Shop.Example:8443")));
        assertThat(SniExpression.parse("str(api.internal)").evaluate(r, () -> null)).isEqualTo("api.internal");
        assertThat(SniExpression.parse("req.hdr(host)").evaluate(r, () -> null)).isEqualTo("Shop.Example:8443");
        assertThat(SniExpression.parse("req.hdr(Host),field(1,:),lower").evaluate(r, () -> null)).isEqualTo("shop.example");
        assertThat(SniExpression.parse("ssl_fc_sni").evaluate(r, () -> "front.test")).isEqualTo("front.test");
        assertThat(SniExpression.parse("hdr(x-missing)").evaluate(r, () -> null)).isNull();
        assertThat(SniExpression.parse("req.hdr(host)").evaluate(null, () -> null)).isNull();
        assertThat(SniExpression.parse("str(x)").dependsOnRequest()).isFalse();
        assertThat(SniExpression.parse("req.hdr(host)").dependsOnRequest()).isTrue();
    }

    @Test
    void unknownFetchesAreRefusedAsHaproxyDoes() {
        assertThatThrownBy(() -> SniExpression.parse("foo(bar)"))
                .hasMessageStartingWith("error detected while parsing sni expression : unknown fetch method 'foo'");
        assertThatThrownBy(() -> SniExpression.parse("str(x),base64"))
                .hasMessageContaining("converter 'base64' is not supported yet by Tollgate");
    }

    @Test
    void onlyDnsNamesAreSent() {
        assertThat(ServerTlsContext.hostName("example.com.")).isEqualTo("example.com");
        assertThat(ServerTlsContext.hostName("10.0.0.1")).isNull();
        assertThat(ServerTlsContext.hostName("example.com:443")).isNull();
    }

    private static RequestView request(Map<String, List<String>> headers) {
        return new RequestView() {
            public String method() { return "GET"; }
            public String uri() { return "/"; }
            public String path() { return "/"; }
            public String query() { return null; }
            public List<String> headers(String name) { return headers.getOrDefault(name.toLowerCase(), List.of()); }
            public InetAddress source() { return null; }
            public int sourcePort() { return 0; }
            public int destinationPort() { return 0; }
            public boolean isTls() { return false; }
        };
    }
}
