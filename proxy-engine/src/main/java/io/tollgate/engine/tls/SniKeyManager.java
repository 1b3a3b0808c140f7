package io.tollgate.engine.tls;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.StandardConstants;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Picks a listener's certificate by the name the client asked for (SNI), as HAProxy does: a
 * certificate whose names contain it exactly, else one whose wildcard covers it, else the
 * default (the first one declared), unless {@code strict-sni} forbids the default. The JDK asks
 * once per key type its cipher suites can use ("RSA", "EC", ...), so certificates of several
 * types for one name serve each client with the best type it supports. Aliases are positions
 * in the list. Runs during handshakes, on event loops: it only reads immutable lists.
 */
final class SniKeyManager extends X509ExtendedKeyManager {
    private final List<CertifiedKey> keys;
    private final boolean strict;

    SniKeyManager(List<CertifiedKey> keys, boolean strict) {
        this.keys = List.copyOf(keys);
        this.strict = strict;
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return choose(keyType, requestedName(engine.getHandshakeSession()));
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return choose(keyType, null);
    }

    /** The alias for {@code host} (lower-case, or null when the client sent no SNI) and key type. */
    String choose(String keyType, String host) {
        if (host != null) {
            for (int i = 0; i < keys.size(); i++) {
                if (suits(keys.get(i), keyType) && keys.get(i).matchesExactly(host)) {
                    return String.valueOf(i);
                }
            }
            for (int i = 0; i < keys.size(); i++) {
                if (suits(keys.get(i), keyType) && keys.get(i).matchesWildcard(host)) {
                    return String.valueOf(i);
                }
            }
        }
        if (strict || keys.isEmpty() || !suits(keys.get(0), keyType)) {
            return null;
        }
        return "0";
    }

    private static boolean suits(CertifiedKey key, String keyType) {
        String type = key.keyType();
        return keyType.equals(type) || keyType.startsWith(type + "_")
                || (type.equals("EdDSA") && keyType.startsWith("Ed"));
    }

    private static String requestedName(SSLSession session) {
        if (session instanceof ExtendedSSLSession s) {
            for (SNIServerName name : s.getRequestedServerNames()) {
                if (name.getType() == StandardConstants.SNI_HOST_NAME && name instanceof SNIHostName h) {
                    return CertifiedKey.normalise(h.getAsciiName());
                }
            }
        }
        return null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        CertifiedKey k = at(alias);
        return k == null ? null : k.chain().toArray(new X509Certificate[0]);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        CertifiedKey k = at(alias);
        return k == null ? null : k.key();
    }

    private CertifiedKey at(String alias) {
        try {
            int i = Integer.parseInt(alias);
            return i >= 0 && i < keys.size() ? keys.get(i) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return java.util.stream.IntStream.range(0, keys.size()).filter(i -> suits(keys.get(i), keyType))
                .mapToObj(String::valueOf).toArray(String[]::new);
    }

    // A listener's key manager never acts as a client.

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return null;
    }
}
