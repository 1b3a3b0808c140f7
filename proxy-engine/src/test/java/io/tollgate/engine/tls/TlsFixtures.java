package io.tollgate.engine.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS test fixtures of {@code src/test/resources/tls} (made once by its {@code make.sh}): a
 * test CA, {@code localhost.pem} (PKCS#8 key), {@code sni/a.pem} ({@code a.example} and
 * {@code *.a.example}, PKCS#1 key), {@code sni/b.pem} ({@code b.example}, EC key in SEC1 form),
 * {@code client.pem} (a client certificate), and broken files.
 */
public final class TlsFixtures {
    private TlsFixtures() {
    }

    /** The absolute path of a fixture, e.g. {@code path("localhost.pem")}. */
    public static Path path(String name) {
        URL url = TlsFixtures.class.getResource("/tls/" + name);
        if (url == null) {
            throw new AssertionError("no TLS fixture " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    /** The test CA's certificate. */
    public static X509Certificate ca() {
        try {
            return CertificateFiles.loadCas("ca.pem", path("ca.pem")).get(0);
        } catch (TlsException e) {
            throw new AssertionError(e);
        }
    }

    public static CertifiedKey key(String name) {
        try {
            return CertificateFiles.loadFile(name, path(name));
        } catch (TlsException e) {
            throw new AssertionError(e);
        }
    }

    /** A JDK client context that trusts the test CA and, if {@code clientCert} is not null, presents it. */
    public static SSLContext clientContext(String clientCert) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", ca());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            KeyManagerFactory kmf = null;
            if (clientCert != null) {
                CertifiedKey k = key(clientCert);
                KeyStore keys = KeyStore.getInstance("PKCS12");
                keys.load(null, null);
                keys.setKeyEntry("client", k.key(), new char[0], k.chain().toArray(new X509Certificate[0]));
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keys, new char[0]);
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return ctx;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A temporary copy of fixtures (a directory of them, or files next to a config). */
    public static Path copy(List<String> names) {
        try {
            Path dir = Files.createTempDirectory("tollgate-tls");
            for (String n : names) {
                Path target = dir.resolve(Path.of(n).getFileName().toString());
                Files.copy(path(n), target);
                target.toFile().deleteOnExit();
            }
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
