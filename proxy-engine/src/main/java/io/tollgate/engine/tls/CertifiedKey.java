package io.tollgate.engine.tls;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;

/**
 * A certificate chain and its private key, loaded from one HAProxy PEM file, with the host
 * names it serves: the DNS names of its subjectAltName and its subject's CN, lower-cased,
 * which is what HAProxy indexes for SNI. A name may be a wildcard ({@code *.example.com}).
 */
public record CertifiedKey(String file, List<X509Certificate> chain, PrivateKey key, List<String> names) {

    public CertifiedKey {
        chain = List.copyOf(chain);
        names = List.copyOf(names);
    }

    public X509Certificate leaf() {
        return chain.get(0);
    }

    /** The key's algorithm as the JDK's key managers name key types: "RSA", "EC", "EdDSA", ... */
    public String keyType() {
        return key.getAlgorithm();
    }

    /** True when one of the names is exactly {@code host} (already lower-case). */
    boolean matchesExactly(String host) {
        return names.contains(host);
    }

    /** True when a wildcard name covers {@code host}: {@code *.b.c} matches {@code a.b.c}, one label only. */
    boolean matchesWildcard(String host) {
        int dot = host.indexOf('.');
        if (dot <= 0) {
            return false;
        }
        String wildcard = "*" + host.substring(dot);
        return names.contains(wildcard);
    }

    static String normalise(String host) {
        return host.toLowerCase(Locale.ROOT);
    }
}
