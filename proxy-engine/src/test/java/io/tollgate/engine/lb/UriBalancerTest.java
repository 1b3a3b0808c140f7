package io.tollgate.engine.lb;

import io.tollgate.engine.runtime.Server;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.tollgate.engine.lb.HashBackends.expected;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code balance uri} and its options: which part of the target is hashed. */
class UriBalancerTest {
    private final List<Server> servers = HashBackends.servers(10);

    private Server pick(List<String> args, String uri) {
        return new UriBalancer("map-based", args, servers).pick(servers, HashRequest.get(uri));
    }

    private Server key(String key) {
        return expected(new MapBasedHash(), servers, key);
    }

    @Test
    void theSameUriAlwaysGetsTheSameServerAndUrisSpread() {
        Balancer b = new UriBalancer("consistent", List.of(), servers);
        Server first = b.pick(servers, HashRequest.get("/video/42.mp4"));
        for (int i = 0; i < 100; i++) {
            assertThat(b.pick(servers, HashRequest.get("/video/42.mp4"))).isSameAs(first);
        }
        Set<Server> used = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            used.add(b.pick(servers, HashRequest.get("/video/" + i + ".mp4")));
        }
        assertThat(used).hasSize(10);
    }

    @Test
    void theQueryIsLeftOutUnlessWhole() {
        assertThat(pick(List.of(), "/a/b?x=1")).isSameAs(key("/a/b"));
        assertThat(pick(List.of(), "/a/b?x=2")).isSameAs(key("/a/b"));
        assertThat(pick(List.of("whole"), "/a/b?x=1")).isSameAs(key("/a/b?x=1"));
        assertThat(key("/a/b?x=1")).isNotSameAs(key("/a/b"));
    }

    @Test
    void lenKeepsTheFirstCharacters() {
        assertThat(pick(List.of("len", "6"), "/alpha/beta")).isSameAs(key("/alpha"));
        assertThat(pick(List.of("len", "50"), "/alpha/beta?q")).isSameAs(key("/alpha/beta"));
        assertThat(key("/alpha")).isNotSameAs(key("/alpha/beta"));
    }

    @Test
    void depthKeepsTheFirstDirectories() {
        assertThat(pick(List.of("depth", "2"), "/a/b/c/d")).isSameAs(key("/a/b"));
        assertThat(pick(List.of("depth", "1"), "/a/b/c/d")).isSameAs(key("/a"));
        assertThat(pick(List.of("depth", "3", "len", "4"), "/a/bc/d")).isSameAs(key("/a/b"));
        assertThat(pick(List.of("depth", "2", "whole"), "/a?x=/y/z")).isSameAs(key("/a?x=/y"));
    }

    @Test
    void pathOnlySkipsSchemeAndAuthority() {
        assertThat(pick(List.of(), "http://example.com/a/b?x")).isSameAs(key("http://example.com/a/b"));
        assertThat(pick(List.of("path-only"), "http://example.com/a/b?x")).isSameAs(key("/a/b"));
        assertThat(pick(List.of("path-only", "whole"), "http://example.com/a/b?x")).isSameAs(key("/a/b?x"));
        assertThat(pick(List.of("path-only"), "/a/b")).isSameAs(key("/a/b"));
    }

    @Test
    void withoutUriItGoesRoundRobin() {
        Balancer b = new UriBalancer("map-based", List.of(), servers.subList(0, 3));
        List<Server> three = servers.subList(0, 3);
        assertThat(b.pick(three, HashRequest.tcp("192.0.2.1"))).isSameAs(three.get(0));
        assertThat(b.pick(three, null)).isSameAs(three.get(1));
        assertThat(b.algorithm()).isEqualTo("uri");
    }
}
