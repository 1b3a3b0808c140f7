package io.tollgate.engine.check;

import io.tollgate.engine.config.ConfigLoader;
import io.tollgate.engine.config.ProxyConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The weight and maxconn words of agent replies, with the values and warnings HAProxy 2.6.12
 * gave for them on a server of {@code weight 10}.
 */
class AgentValuesTest {
    private static final String WARN_STATIC =
            "Backend is using a static LB algorithm and only accepts weights '0%' and '100%'.\n";

    @Test
    void relativeWeightsAreTruncatedAndCapped() throws Exception {
        ProxyConfig rr = backend("roundrobin", "");
        assertThat(weight("50%", rr)).isEqualTo("5");
        assertThat(weight("33%", rr)).isEqualTo("3");
        assertThat(weight("1%", rr)).isEqualTo("0");
        assertThat(weight("0%", rr)).isEqualTo("0");
        assertThat(weight("500%", rr)).isEqualTo("50");
        assertThat(weight("3000%", rr)).isEqualTo("256");
        assertThat(weight("99999999999999999999999%", rr)).isEqualTo("256");
    }

    @Test
    void malformedWeightsWarn() throws Exception {
        ProxyConfig rr = backend("roundrobin", "");
        assertThat(weight("50.5%", rr)).isEqualTo("Trailing garbage in weight string");
        assertThat(weight("5%%", rr)).isEqualTo("Trailing garbage in weight string");
        assertThat(weight("300x%", rr)).isEqualTo("Absolute weight can only be between 0 and 256 inclusive.\n");
    }

    @Test
    void staticAlgorithmsOnlyTakeNothingOrTheConfiguredWeight() throws Exception {
        ProxyConfig staticRr = backend("static-rr", "");
        assertThat(weight("50%", staticRr)).isEqualTo(WARN_STATIC);
        assertThat(weight("200%", staticRr)).isEqualTo(WARN_STATIC);
        assertThat(weight("0%", staticRr)).isEqualTo("0");
        assertThat(weight("100%", staticRr)).isEqualTo("10");
        assertThat(weight("50%", backend("uri", ""))).isEqualTo(WARN_STATIC);
        assertThat(weight("50%", backend("uri", "hash-type consistent"))).isEqualTo("5");
        assertThat(weight("50%", backend("leastconn", ""))).isEqualTo("5");
    }

    @Test
    void maxconnValues() {
        assertThat(AgentValues.maxconn("3").value()).isEqualTo(3);
        assertThat(AgentValues.maxconn("0").value()).isZero();
        assertThat(AgentValues.maxconn("").warning()).isEqualTo("Require <maxconn>.\n");
        assertThat(AgentValues.maxconn("x").warning()).isEqualTo("maxconn string empty or preceded by garbage");
        assertThat(AgentValues.maxconn("5x").warning()).isEqualTo("Trailing garbage in maxconn string");
        // HAProxy keeps it unsigned: -1 shows as 4294967295 there, no limit in effect here too
        assertThat(AgentValues.maxconn("-1").value()).isEqualTo(Integer.MAX_VALUE);
    }

    private static String weight(String word, ProxyConfig backend) {
        AgentValues.Value v = AgentValues.weight(word, 10, backend);
        return v.ok() ? String.valueOf(v.value()) : v.warning();
    }

    private static ProxyConfig backend(String balance, String extra) throws Exception {
        Path dir = Files.createTempDirectory("tollgate-agent");
        Path file = dir.resolve("t.cfg");
        Files.writeString(file, """
                defaults
                  mode http
                  timeout connect 1s
                  timeout client 1s
                  timeout server 1s
                backend be
                  balance %s
                  %s
                  server s1 127.0.0.1:1 weight 10
                """.formatted(balance, extra));
        try {
            return ConfigLoader.load(List.of(file), Map.of(), dir).proxy("be").orElseThrow();
        } finally {
            Files.delete(file);
            Files.delete(dir);
        }
    }
}
