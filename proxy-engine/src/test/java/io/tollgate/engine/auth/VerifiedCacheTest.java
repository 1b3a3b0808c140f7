package io.tollgate.engine.auth;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bounded memory of verified (user, password) pairs. */
class VerifiedCacheTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void remembersExactlyThePair() {
        VerifiedCache cache = new VerifiedCache();
        assertThat(cache.contains("alice", bytes("secret"))).isFalse();
        cache.remember("alice", bytes("secret"));
        assertThat(cache.contains("alice", bytes("secret"))).isTrue();
        assertThat(cache.contains("alice", bytes("secreT"))).isFalse();
        assertThat(cache.contains("alice", bytes("secret "))).isFalse();
        assertThat(cache.contains("alice", bytes(""))).isFalse();
        assertThat(cache.contains("bob", bytes("secret"))).isFalse();
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void theBoundaryBetweenUserAndPasswordCounts() {
        VerifiedCache cache = new VerifiedCache();
        cache.remember("ab", bytes("c"));
        assertThat(cache.contains("a", bytes("bc"))).isFalse();
        assertThat(cache.contains("abc", bytes(""))).isFalse();
    }

    @Test
    void neverHoldsMoreThanItsSlots() {
        VerifiedCache cache = new VerifiedCache(8);
        for (int i = 0; i < 1000; i++) {
            cache.remember("user" + i, bytes("pw" + i));
        }
        assertThat(cache.size()).isLessThanOrEqualTo(8);
        int held = 0;
        for (int i = 0; i < 1000; i++) {
            if (cache.contains("user" + i, bytes("pw" + i))) {
                held++;
            }
        }
        assertThat(held).isEqualTo(cache.size()).isPositive();
    }

    @Test
    void eachCacheHasItsOwnKey() {
        VerifiedCache one = new VerifiedCache(1);
        VerifiedCache other = new VerifiedCache(1);
        one.remember("alice", bytes("secret"));
        assertThat(other.contains("alice", bytes("secret"))).isFalse();
    }

    @Test
    void slotsArePowersOfTwo() {
        assertThatThrownBy(() -> new VerifiedCache(0)).hasMessage("cache slots must be a power of two, got 0");
        assertThatThrownBy(() -> new VerifiedCache(1000)).hasMessage("cache slots must be a power of two, got 1000");
    }
}
