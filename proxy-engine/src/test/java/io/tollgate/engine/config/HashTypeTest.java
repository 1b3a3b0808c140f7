package io.tollgate.engine.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code hash-type}: kept for the hash algorithms, checked when read, inherited from defaults. */
class HashTypeTest {

    @Test
    void keptAndInherited() {
        Config config = TestConfigs.load("""
                defaults
                    hash-type consistent sdbm avalanche
                    timeout connect 1s
                    timeout server 1s
                backend a
                    balance source
                backend b
                    balance uri
                    hash-type map-based
                backend c
                """);
        assertThat(config.proxy("a").orElseThrow().hashType()).isEqualTo("consistent sdbm avalanche");
        assertThat(config.proxy("b").orElseThrow().hashType()).isEqualTo("map-based");
        assertThat(config.proxy("c").orElseThrow().hashType()).isEqualTo("consistent sdbm avalanche");
    }

    @Test
    void badMethodsFunctionsAndModifiersAreErrors() {
        assertThat(TestConfigs.errors("""
                backend a
                    hash-type ring
                    hash-type consistent md5
                    hash-type consistent sdbm sideways
                    hash-type consistent wt6
                """)).containsExactly(
                "[ALERT] parsing [t.cfg:2] : 'hash-type' expects 'map-based' or 'consistent' (got 'ring').",
                "[ALERT] parsing [t.cfg:3] : 'hash-type' : unknown hash function 'md5' (expects 'sdbm', 'djb2', 'crc32' or 'wt6').",
                "[ALERT] parsing [t.cfg:4] : 'hash-type' : unknown modifier 'sideways' (expects 'avalanche').",
                "[ALERT] parsing [t.cfg:5] : 'hash-type consistent wt6' is not supported yet by Tollgate");
    }
}
