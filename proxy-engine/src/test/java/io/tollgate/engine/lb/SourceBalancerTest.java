package io.tollgate.engine.lb;

import io.tollgate.engine.runtime.Server;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code balance source} over IPv4 and IPv6 clients. */
class SourceBalancerTest {

    @Test
    void theKeyIsTheAddressWordsXored() throws Exception {
        assertThat(SourceBalancer.addressKey(InetAddress.getByName("192.0.2.10"))).isEqualTo(0xC000020A);
        assertThat(SourceBalancer.addressKey(InetAddress.getByName("2001:db8::1"))).isEqualTo(0x20010DB9);
    }

    /** As HAProxy: 0xC000020A = 3221225994, modulo 3 is 0, so the first server; .11 gives the second. */
    @Test
    void anIpv4ClientMapsToAddressModuloTotalWeight() {
        List<Server> servers = HashBackends.servers(3);
        Balancer b = new SourceBalancer("map-based", List.of(), servers);
        for (int i = 0; i < 100; i++) {
            assertThat(b.pick(servers, HashRequest.tcp("192.0.2.10"))).isSameAs(servers.get(0));
        }
        assertThat(b.pick(servers, HashRequest.tcp("192.0.2.11"))).isSameAs(servers.get(1));
    }

    @Test
    void anIpv6ClientAlwaysGetsTheSameServer() {
        List<Server> servers = HashBackends.servers(5);
        Balancer b = new SourceBalancer("consistent", servers);
        Server first = b.pick(servers, HashRequest.tcp("2001:db8::1"));
        assertThat(first).isNotNull();
        for (int i = 0; i < 100; i++) {
            assertThat(b.pick(servers, HashRequest.tcp("2001:db8::1"))).isSameAs(first);
        }
        // 0x20010DB9 = 536939961, modulo 5 is 1 with map-based
        Balancer map = new SourceBalancer("map-based", servers);
        assertThat(map.pick(servers, HashRequest.tcp("2001:db8::1"))).isSameAs(servers.get(1));
    }

    /** Consistent hashing of neighbouring addresses needs avalanche to spread them, as HAProxy documents. */
    @Test
    void clientsSpreadByWeightWithConsistentAvalanche() {
        List<Server> servers = HashBackends.servers(new int[] {1, 3}, new int[2]);
        Balancer b = new SourceBalancer("consistent sdbm avalanche", servers);
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 4000; i++) {
            String ip = "10.1." + (i >> 8) + "." + (i & 0xFF);
            counts.merge(b.pick(servers, HashRequest.tcp(ip)).name(), 1, Integer::sum);
        }
        System.out.println("source consistent avalanche 1:3 over 4000 clients: " + counts);
        assertThat(counts.get("s1")).isBetween(600, 1400);
        assertThat(counts.get("s2")).isBetween(2600, 3400);
    }

    @Test
    void withoutSourceAddressItGoesRoundRobin() {
        List<Server> servers = HashBackends.servers(3);
        Balancer b = new SourceBalancer("map-based", servers);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            sb.append(b.pick(servers, i % 2 == 0 ? null : new HashRequest()).name());
        }
        assertThat(sb).hasToString("s1s2s3s1");
        assertThat(b.needsRequest()).isTrue();
        assertThat(b.algorithm()).isEqualTo("source");
    }

    @Test
    void aFullServerIsSkippedToTheNext() {
        List<Server> servers = HashBackends.servers(new int[] {1, 1, 1}, new int[] {1, 0, 0});
        Balancer b = new SourceBalancer("map-based", servers);
        assertThat(b.pick(servers, HashRequest.tcp("192.0.2.10"))).isSameAs(servers.get(0));
        assertThat(servers.get(0).tryAcquire()).isTrue();
        assertThat(b.pick(servers, HashRequest.tcp("192.0.2.10"))).isSameAs(servers.get(1));
    }
}
