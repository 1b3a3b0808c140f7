package io.tollgate.engine.lb;

import io.tollgate.engine.runtime.Server;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.tollgate.engine.lb.HashBackends.expected;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code balance hdr(<name>) [use_domain_only]}. */
class HeaderBalancerTest {
    private final List<Server> servers = HashBackends.servers(10);

    private Server pick(Balancer b, String host) {
        return b.pick(servers, HashRequest.get("/").header("host", host));
    }

    private Server key(String key) {
        return expected(new MapBasedHash(), servers, key);
    }

    @Test
    void theHeaderValueIsHashed() {
        Balancer b = new HeaderBalancer("map-based", List.of("Host"), servers);
        for (int i = 0; i < 50; i++) {
            assertThat(pick(b, "www.example.com")).isSameAs(key("www.example.com"));
        }
        assertThat(pick(b, " a.example.org , b")).isSameAs(key("a.example.org"));
        assertThat(key("www.example.com")).isNotSameAs(key("example"));
    }

    @Test
    void useDomainOnlyHashesTheLabelBeforeTheLastDot() {
        Balancer b = new HeaderBalancer("map-based", List.of("Host", "use_domain_only"), servers);
        assertThat(pick(b, "www.example.com")).isSameAs(key("example"));
        assertThat(pick(b, "api.example.com")).isSameAs(key("example"));
        assertThat(pick(b, "example.com:8080")).isSameAs(key("example"));
        assertThat(pick(b, "a.b.example.co")).isSameAs(key("example"));
        assertThat(pick(b, "localhost")).isSameAs(key("localhost"));
        assertThat(key("example")).isNotSameAs(key("localhost"));
    }

    @Test
    void anAbsentOrEmptyHeaderGoesRoundRobin() {
        List<Server> three = servers.subList(0, 3);
        Balancer b = new HeaderBalancer("consistent", List.of("X-User"), three);
        StringBuilder sb = new StringBuilder();
        sb.append(b.pick(three, HashRequest.get("/")).name());
        sb.append(b.pick(three, HashRequest.get("/").header("X-User", " ")).name());
        sb.append(b.pick(three, HashRequest.tcp("192.0.2.1")).name());
        sb.append(b.pick(three, null).name());
        assertThat(sb).hasToString("s1s2s3s1");
        assertThat(b.algorithm()).isEqualTo("hdr");
    }

    @Test
    void aFullServerIsSkippedToTheNext() {
        int[] maxconn = new int[10];
        java.util.Arrays.fill(maxconn, 1);
        List<Server> limited = HashBackends.servers(new int[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, maxconn);
        Balancer b = new HeaderBalancer("consistent", List.of("X-User"), limited);
        Server home = b.pick(limited, HashRequest.get("/").header("x-user", "alice"));
        assertThat(home.tryAcquire()).isTrue();
        Server other = b.pick(limited, HashRequest.get("/").header("x-user", "alice"));
        assertThat(other).isNotNull().isNotSameAs(home);
        home.releaseSlot();
        assertThat(b.pick(limited, HashRequest.get("/").header("x-user", "alice"))).isSameAs(home);
    }
}
