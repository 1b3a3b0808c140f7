package io.tollgate.engine.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Reads HAProxy's certificate files: a {@code crt} file (the certificate, its chain and its
 * private key in one PEM file, the key possibly in {@code <file>.key} beside it), a {@code crt}
 * directory (every such file in it, in name order, skipping dot files and the {@code .key},
 * {@code .ocsp}, {@code .issuer} and {@code .sctl} companions, as HAProxy 2.6 does), and a
 * {@code ca-file} (certificates only; {@code @system-ca} is the JDK's trust store).
 *
 * <p>Called while the configuration is read or the engine starts, never on an event loop.
 * Each {@code display} argument is the path as HAProxy would print it, for the messages.
 */
public final class CertificateFiles {
    private static final List<String> COMPANIONS = List.of(".issuer", ".ocsp", ".sctl", ".key");
    public static final String SYSTEM_CA = "@system-ca";

    private CertificateFiles() {
    }

    /** The certificates of a {@code crt} file or directory; an empty directory gives none. */
    public static List<CertifiedKey> load(String display, Path path) throws TlsException {
        if (!Files.isDirectory(path)) {
            return List.of(loadFile(display, path));
        }
        List<Path> entries;
        try (Stream<Path> list = Files.list(path)) {
            entries = list.sorted().toList();
        } catch (IOException e) {
            throw new TlsException("unable to scan directory '" + display + "' : " + reason(e) + ".");
        }
        List<CertifiedKey> keys = new ArrayList<>();
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            int dot = name.lastIndexOf('.');
            if (dot >= 0 && (name.startsWith(".") || COMPANIONS.contains(name.substring(dot)))) {
                continue;
            }
            if (Files.isRegularFile(entry)) {
                keys.add(loadFile(display.endsWith("/") ? display + name : display + "/" + name, entry));
            }
        }
        return List.copyOf(keys);
    }

    /** One PEM file: certificate chain and private key. */
    public static CertifiedKey loadFile(String display, Path path) throws TlsException {
        List<PemBlocks.Block> blocks = read(display, path);
        List<X509Certificate> chain = new ArrayList<>();
        PemBlocks.Block keyBlock = null;
        for (PemBlocks.Block b : blocks) {
            if (b.label().equals("CERTIFICATE")) {
                chain.add(certificate(b.der(), "unable to load certificate from file '" + display + "'."));
            } else if (keyBlock == null && PrivateKeys.isKey(b.label())) {
                keyBlock = b;
            }
        }
        if (chain.isEmpty()) {
            throw new TlsException("unable to load certificate from file '" + display + "'.");
        }
        PrivateKey key;
        if (keyBlock != null) {
            key = key(keyBlock, "unable to load private key from file '" + display + "'");
        } else {
            key = companionKey(display + ".key", path.resolveSibling(path.getFileName() + ".key"));
        }
        if (!matches(chain.get(0).getPublicKey(), key)) {
            throw new TlsException("inconsistencies between private key and certificate loaded '" + display + "'.");
        }
        return new CertifiedKey(display, chain, key, names(chain.get(0)));
    }

    /** The certificates of a {@code ca-file}; the message is HAProxy's "unable to load" one. */
    public static List<X509Certificate> loadCas(String display, Path path) throws TlsException {
        if (display.equals(SYSTEM_CA)) {
            return systemCas();
        }
        String failure = "unable to load " + display;
        List<PemBlocks.Block> blocks;
        try {
            blocks = read(display, path);
        } catch (TlsException e) {
            throw new TlsException(failure);
        }
        List<X509Certificate> cas = new ArrayList<>();
        for (PemBlocks.Block b : blocks) {
            if (b.label().equals("CERTIFICATE") || b.label().equals("TRUSTED CERTIFICATE")) {
                cas.add(certificate(b.der(), failure));
            }
        }
        if (cas.isEmpty()) {
            throw new TlsException(failure);
        }
        return List.copyOf(cas);
    }

    private static List<PemBlocks.Block> read(String display, Path path) throws TlsException {
        byte[] content;
        try {
            content = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new TlsException("unable to stat SSL certificate from file '" + display + "' : No such file or directory.");
        } catch (IOException e) {
            throw new TlsException("cannot open the file '" + display + "'.");
        }
        try {
            return PemBlocks.parse(content);
        } catch (IllegalArgumentException e) {
            throw new TlsException("unable to load certificate from file '" + display + "'.");
        }
    }

    private static PrivateKey companionKey(String display, Path path) throws TlsException {
        if (!Files.isRegularFile(path)) {
            throw new TlsException("No Private Key found in '" + display + "'.");
        }
        String unreadable = " '" + display + "' is present but cannot be read or parsed'.";
        List<PemBlocks.Block> blocks;
        try {
            blocks = PemBlocks.parse(Files.readAllBytes(path));
        } catch (IOException | IllegalArgumentException e) {
            throw new TlsException(unreadable);
        }
        for (PemBlocks.Block b : blocks) {
            if (PrivateKeys.isKey(b.label())) {
                return key(b, unreadable);
            }
        }
        throw new TlsException("No Private Key found in '" + display + "'.");
    }

    private static PrivateKey key(PemBlocks.Block block, String failure) throws TlsException {
        try {
            return PrivateKeys.decode(block);
        } catch (GeneralSecurityException e) {
            throw new TlsException(failure + " (" + e.getMessage() + ").");
        }
    }

    private static X509Certificate certificate(byte[] der, String failure) throws TlsException {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new TlsException(failure);
        }
    }

    /** Whether {@code key} is the private half of {@code pub}: compared for RSA, proven by a signature otherwise. */
    static boolean matches(PublicKey pub, PrivateKey key) {
        if (pub instanceof RSAPublicKey rsa && key instanceof RSAPrivateKey priv) {
            return rsa.getModulus().equals(priv.getModulus());
        }
        String algorithm = switch (key.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "DSA" -> "SHA256withDSA";
            case "EdDSA", "Ed25519", "Ed448" -> key.getAlgorithm();
            default -> null;
        };
        if (algorithm == null) {
            return pub.getAlgorithm().equals(key.getAlgorithm());
        }
        try {
            byte[] probe = "tollgate".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            Signature s = Signature.getInstance(algorithm);
            s.initSign(key);
            s.update(probe);
            byte[] signature = s.sign();
            Signature v = Signature.getInstance(algorithm);
            v.initVerify(pub);
            v.update(probe);
            return v.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The DNS names of the subjectAltName, then the subject's CNs, lower-cased. */
    static List<String> names(X509Certificate cert) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> sans = cert.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    if (Integer.valueOf(2).equals(san.get(0)) && san.get(1) instanceof String dns) {
                        names.add(CertifiedKey.normalise(dns));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // no usable subjectAltName: the CN still names the certificate
        }
        try {
            for (Rdn rdn : new LdapName(cert.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN") && rdn.getValue() instanceof String cn
                        && !names.contains(CertifiedKey.normalise(cn))) {
                    names.add(CertifiedKey.normalise(cn));
                }
            }
        } catch (InvalidNameException e) {
            // an unreadable subject names nothing
        }
        return names;
    }

    private static List<X509Certificate> systemCas() throws TlsException {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init((KeyStore) null);
            for (var tm : tmf.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) {
                    return List.of(x.getAcceptedIssuers());
                }
            }
        } catch (GeneralSecurityException e) {
            throw new TlsException("unable to load " + SYSTEM_CA + " (" + e.getMessage() + ")");
        }
        throw new TlsException("unable to load " + SYSTEM_CA);
    }

    private static String reason(IOException e) {
        return e instanceof NoSuchFileException ? "No such file or directory" : String.valueOf(e.getMessage());
    }
}
