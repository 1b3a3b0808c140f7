package io.tollgate.engine.lb;

import io.tollgate.engine.runtime.Server;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.tollgate.engine.lb.HashBackends.expected;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code balance hash <expression>}. */
class ExpressionBalancerTest {
    private final List<Server> servers = HashBackends.servers(10);

    @Test
    void theExpressionsValueIsHashed() {
        Balancer b = new ExpressionBalancer("map-based", List.of("req.hdr(host),lower"), servers);
        Server chosen = b.pick(servers, HashRequest.get("/").header("host", "WWW.Example.com"));
        assertThat(chosen).isSameAs(expected(new MapBasedHash(), servers, "www.example.com"));
        for (int i = 0; i < 20; i++) {
            assertThat(b.pick(servers, HashRequest.get("/x").header("host", "www.example.COM"))).isSameAs(chosen);
        }
    }

    @Test
    void noSampleGoesRoundRobin() {
        Balancer b = new ExpressionBalancer("consistent", List.of("url_param(user)"), servers);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            seen.add(b.pick(servers, HashRequest.get("/")).name());
        }
        assertThat(seen).hasSize(10);
        assertThat(b.pick(servers, HashRequest.get("/?user=ann")))
                .isSameAs(b.pick(servers, HashRequest.get("/other?user=ann")));
    }
}
