package io.tollgate.engine.tls;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** HAProxy's PEM files: the three key forms, key files beside certificates, directories, and the errors of haproxy -c. */
class CertificateFilesTest {

    @Test
    void readsEachPrivateKeyFormHaproxyAccepts() {
        CertifiedKey pkcs8 = TlsFixtures.key("localhost.pem");
        CertifiedKey pkcs1 = TlsFixtures.key("sni/a.pem");
        CertifiedKey sec1 = TlsFixtures.key("sni/b.pem");
        assertThat(pkcs8.keyType()).isEqualTo("RSA");
        assertThat(pkcs1.keyType()).isEqualTo("RSA");
        assertThat(sec1.keyType()).isEqualTo("EC");
        assertThat(pkcs8.chain()).hasSize(2);
        assertThat(pkcs8.names()).containsExactly("localhost");
        assertThat(pkcs1.names()).containsExactly("a.example", "*.a.example");
        assertThat(sec1.names()).containsExactly("b.example");
    }

    @Test
    void aDirectoryGivesEveryCertificateInNameOrder() throws TlsException {
        List<CertifiedKey> keys = CertificateFiles.load("sni", TlsFixtures.path("sni"));
        assertThat(keys).extracting(CertifiedKey::file).containsExactly("sni/a.pem", "sni/b.pem");
    }

    @Test
    void theKeyMayBeInAFileBesideTheCertificate() throws Exception {
        java.nio.file.Path dir = TlsFixtures.copy(List.of("ca.pem"));
        // a certificate alone: HAProxy then looks for <file>.key
        assertThatThrownBy(() -> CertificateFiles.loadFile("ca.pem", dir.resolve("ca.pem")))
                .hasMessage("No Private Key found in 'ca.pem.key'.");
        java.nio.file.Path cert = dir.resolve("site.pem");
        java.nio.file.Path all = TlsFixtures.path("localhost.pem");
        String pem = java.nio.file.Files.readString(all);
        int key = pem.indexOf("-----BEGIN PRIVATE KEY-----");
        java.nio.file.Files.writeString(cert, pem.substring(0, key));
        java.nio.file.Files.writeString(dir.resolve("site.pem.key"), pem.substring(key));
        assertThat(CertificateFiles.loadFile("site.pem", cert).names()).containsExactly("localhost");
    }

    @Test
    void errorsSayWhatHaproxySays() {
        assertThatThrownBy(() -> CertificateFiles.load("missing.pem", TlsFixtures.path("ca.pem").resolveSibling("missing.pem")))
                .hasMessage("unable to stat SSL certificate from file 'missing.pem' : No such file or directory.");
        assertThatThrownBy(() -> CertificateFiles.load("garbage.pem", TlsFixtures.path("garbage.pem")))
                .hasMessage("unable to load certificate from file 'garbage.pem'.");
        assertThatThrownBy(() -> CertificateFiles.load("mismatch.pem", TlsFixtures.path("mismatch.pem")))
                .hasMessage("inconsistencies between private key and certificate loaded 'mismatch.pem'.");
        assertThatThrownBy(() -> CertificateFiles.loadCas("nothere.pem", TlsFixtures.path("ca.pem").resolveSibling("nothere.pem")))
                .hasMessage("unable to load nothere.pem");
    }
}
