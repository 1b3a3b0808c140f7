package io.tollgate.engine.tls;

/**
 * The TLS settings a bind or server line shares with the global {@code ssl-default-*}
 * keywords: cipher lists as written (OpenSSL syntax, null when not set), allowed versions and
 * two flags. A line's {@code ssl} starts from the global defaults ({@link #over}).
 */
public record TlsOptions(String ciphers, String ciphersuites, TlsVersionFilter versions,
                         boolean noTlsTickets, boolean preferClientCiphers) {

    public static final TlsOptions NONE = new TlsOptions(null, null, TlsVersionFilter.NONE, false, false);

    public TlsOptions withCiphers(String list) {
        return new TlsOptions(list, ciphersuites, versions, noTlsTickets, preferClientCiphers);
    }

    public TlsOptions withCiphersuites(String list) {
        return new TlsOptions(ciphers, list, versions, noTlsTickets, preferClientCiphers);
    }

    public TlsOptions withVersions(TlsVersionFilter filter) {
        return new TlsOptions(ciphers, ciphersuites, filter, noTlsTickets, preferClientCiphers);
    }

    public TlsOptions withNoTlsTickets(boolean on) {
        return new TlsOptions(ciphers, ciphersuites, versions, on, preferClientCiphers);
    }

    public TlsOptions withPreferClientCiphers(boolean on) {
        return new TlsOptions(ciphers, ciphersuites, versions, noTlsTickets, on);
    }

    /** These settings completed by {@code defaults} where they are not set, as HAProxy's {@code ssl} keyword does. */
    public TlsOptions over(TlsOptions defaults) {
        return new TlsOptions(ciphers != null ? ciphers : defaults.ciphers,
                ciphersuites != null ? ciphersuites : defaults.ciphersuites,
                versions.over(defaults.versions), noTlsTickets || defaults.noTlsTickets,
                preferClientCiphers || defaults.preferClientCiphers);
    }
}
