package io.tollgate.engine.tls;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** OpenSSL cipher strings, as they appear in real configurations, read as JDK suite names. */
class CipherListsTest {

    @Test
    void mozillaIntermediateMapsNameByName() {
        CipherLists.Parsed p = CipherLists.ciphers("ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
                + "ECDHE-RSA-CHACHA20-POLY1305:DHE-RSA-AES256-GCM-SHA384:AES128-SHA");
        assertThat(p.suites()).containsExactly("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
                "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
                "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_RSA_WITH_AES_128_CBC_SHA");
        assertThat(p.jdkDefaults()).isFalse();
        assertThat(p.unusable()).isEmpty();
    }

    @Test
    void aliasesKeepTheJdkDefaultsAndExclusionsAreSkipped() {
        CipherLists.Parsed p = CipherLists.ciphers("HIGH:!aNULL:!MD5:@STRENGTH");
        assertThat(p.jdkDefaults()).isTrue();
        assertThat(p.aliases()).containsExactly("HIGH");
        CipherLists.Parsed d = CipherLists.ciphers("DEFAULT");
        assertThat(d.jdkDefaults()).isTrue();
        assertThat(d.aliases()).isEmpty();
    }

    @Test
    void unknownNamesAreReportedAndOnlyANothingListIsEmpty() {
        CipherLists.Parsed some = CipherLists.ciphers("FOO:ECDHE-RSA-AES128-GCM-SHA256");
        assertThat(some.isEmpty()).isFalse();
        assertThat(some.unusable()).containsExactly("FOO");
        assertThat(CipherLists.ciphers("FOO:BAR").isEmpty()).isTrue();
        assertThat(CipherLists.ciphersuites("TLS_AES_128_GCM_SHA256:TLS_AES_128_CCM_8_SHA256").suites())
                .containsExactly("TLS_AES_128_GCM_SHA256");
        assertThat(CipherLists.ciphersuites("FOO").isEmpty()).isTrue();
    }

    @Test
    void combinedListsKeepTls13SuitesUnlessRestricted() {
        assertThat(CipherLists.combine(null, null)).isNull();
        assertThat(CipherLists.combine(CipherLists.ciphers("ECDHE-RSA-AES128-GCM-SHA256"), null))
                .contains("TLS_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")
                .doesNotContain("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
        assertThat(CipherLists.combine(null, CipherLists.ciphersuites("TLS_AES_256_GCM_SHA384")))
                .contains("TLS_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384")
                .doesNotContain("TLS_AES_128_GCM_SHA256");
    }
}
