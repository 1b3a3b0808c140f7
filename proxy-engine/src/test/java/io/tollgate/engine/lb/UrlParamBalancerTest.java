package io.tollgate.engine.lb;

import io.tollgate.engine.runtime.Server;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.tollgate.engine.lb.HashBackends.expected;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code balance url_param}: the parameter's value when present, round robin when absent. */
class UrlParamBalancerTest {
    private final List<Server> servers = HashBackends.servers(10);
    private final Balancer balancer = new UrlParamBalancer("map-based", List.of("id"), servers);

    private Server pick(String uri) {
        return balancer.pick(servers, HashRequest.get(uri));
    }

    private Server key(String key) {
        return expected(new MapBasedHash(), servers, key);
    }

    @Test
    void theParameterValueIsHashed() {
        for (int i = 0; i < 50; i++) {
            assertThat(pick("/p?a=1&id=42&b=2")).isSameAs(key("42"));
        }
        assertThat(pick("/other?id=42")).isSameAs(key("42"));
        assertThat(pick("/p?xid=7&id=42")).isSameAs(key("42"));
        assertThat(pick("/p?id=42&id=7")).isSameAs(key("42"));
        assertThat(pick("/p?id=")).isSameAs(key(""));
        assertThat(key("42")).isNotSameAs(key("7"));
    }

    @Test
    void withoutTheParameterItGoesRoundRobin() {
        List<Server> three = servers.subList(0, 3);
        Balancer b = new UrlParamBalancer("consistent", List.of("id", "check_post"), three);
        StringBuilder sb = new StringBuilder();
        for (String uri : new String[] {"/p", "/p?ID=1", "/p?xid=1", "/p?id"}) {
            sb.append(b.pick(three, HashRequest.get(uri)).name());
        }
        sb.append(b.pick(three, null).name());
        assertThat(sb).hasToString("s1s2s3s1s2");
        assertThat(b.algorithm()).isEqualTo("url_param");
    }
}
