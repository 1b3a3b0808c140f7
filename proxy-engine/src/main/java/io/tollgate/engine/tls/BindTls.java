package io.tollgate.engine.tls;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What a {@code bind ... ssl} line makes of its TLS parameters once its files are read:
 * everything the listener needs, with nothing left to load. {@code certificates} are in
 * declaration order, the first one being the default (served when the client's SNI names none
 * of them); {@code protocols} are JDK names; {@code cipherSuites} are JDK names in preference
 * order, or null for the JDK's defaults; {@code alpn} is what is advertised (maybe nothing);
 * {@code clientCas} are the {@code ca-file} certificates client certificates must chain to.
 */
public record BindTls(List<CertifiedKey> certificates, List<String> protocols, List<String> cipherSuites,
                      List<String> alpn, Verify verify, List<X509Certificate> clientCas,
                      boolean strictSni, boolean preferClientCiphers) {

    public BindTls {
        certificates = List.copyOf(certificates);
        protocols = List.copyOf(protocols);
        cipherSuites = cipherSuites == null ? null : List.copyOf(cipherSuites);
        alpn = List.copyOf(alpn);
        clientCas = List.copyOf(clientCas);
    }
}
