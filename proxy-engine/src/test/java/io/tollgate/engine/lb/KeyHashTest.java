package io.tollgate.engine.lb;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The key hash functions, against their definitions. */
class KeyHashTest {

    private static int sdbm(byte[] bytes) {
        int h = 0;
        for (byte b : bytes) {
            h = (b & 0xFF) + (h << 6) + (h << 16) - h;
        }
        return h;
    }

    private static int hash(String hashType, String s) {
        return KeyHash.of(hashType).hash(s, 0, s.length());
    }

    @Test
    void sdbmIsTheDefault() {
        assertThat(hash(null, "")).isZero();
        assertThat(hash(null, "a")).isEqualTo(97);
        assertThat(hash("map-based", "ab")).isEqualTo(98 + 97 * 65599);
        String uri = "/static/img/logo.png?v=42";
        assertThat(hash("consistent", uri)).isEqualTo(sdbm(uri.getBytes(StandardCharsets.US_ASCII)));
        assertThat(hash("consistent sdbm", uri)).isEqualTo(hash(null, uri));
    }

    @Test
    void nonAsciiCharactersAreHashedAsTheirUtf8Bytes() {
        String s = "/caf\u00e9/\u20ac/\ud83d\ude00";
        assertThat(hash(null, s)).isEqualTo(sdbm(s.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void djb2AndCrc32() {
        assertThat(hash("map-based djb2", "a")).isEqualTo(5381 * 33 + 97);
        CRC32 crc = new CRC32();
        crc.update("123456789".getBytes(StandardCharsets.US_ASCII));
        assertThat(hash("map-based crc32", "123456789")).isEqualTo((int) crc.getValue()).isEqualTo(0xCBF43926);
    }

    @Test
    void avalancheMixesTheResult() {
        assertThat(hash("consistent sdbm avalanche", "abc")).isEqualTo(KeyHash.avalanche(hash(null, "abc")));
        assertThat(KeyHash.of("map-based djb2 avalanche").modify(1)).isEqualTo(KeyHash.avalanche(1));
        assertThat(KeyHash.of("map-based").modify(1)).isEqualTo(1);
    }

    @Test
    void unsupportedFunctionsAreRefused() {
        assertThatThrownBy(() -> KeyHash.of("consistent wt6")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("wt6");
    }
}
