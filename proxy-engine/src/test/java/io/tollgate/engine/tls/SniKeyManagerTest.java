package io.tollgate.engine.tls;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which certificate a listener serves for a client's SNI, as HAProxy picks it. */
class SniKeyManagerTest {
    private final List<CertifiedKey> keys = List.of(TlsFixtures.key("localhost.pem"), TlsFixtures.key("sni/a.pem"),
            TlsFixtures.key("sni/b.pem"));

    @Test
    void exactNameThenWildcardThenTheFirstCertificate() {
        SniKeyManager km = new SniKeyManager(keys, false);
        assertThat(km.choose("RSA", "a.example")).isEqualTo("1");
        assertThat(km.choose("RSA", "www.a.example")).isEqualTo("1");
        assertThat(km.choose("RSA", "x.www.a.example")).isEqualTo("0");
        assertThat(km.choose("RSA", "other.test")).isEqualTo("0");
        assertThat(km.choose("RSA", null)).isEqualTo("0");
    }

    @Test
    void theKeyTypeTheClientCanUseDecides() {
        SniKeyManager km = new SniKeyManager(keys, false);
        assertThat(km.choose("EC", "b.example")).isEqualTo("2");
        // no RSA certificate names b.example: the default one serves RSA suites
        assertThat(km.choose("RSA", "b.example")).isEqualTo("0");
        // the default is RSA: nothing for an EC-only client that names another host
        assertThat(km.choose("EC", "other.test")).isNull();
    }

    @Test
    void strictSniRefusesUnknownNames() {
        SniKeyManager km = new SniKeyManager(keys, true);
        assertThat(km.choose("RSA", "a.example")).isEqualTo("1");
        assertThat(km.choose("RSA", "other.test")).isNull();
        assertThat(km.choose("RSA", null)).isNull();
    }
}
