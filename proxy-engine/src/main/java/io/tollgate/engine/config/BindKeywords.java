package io.tollgate.engine.config;

import io.tollgate.engine.tls.Alpn;
import io.tollgate.engine.tls.BindTls;
import io.tollgate.engine.tls.CertificateFiles;
import io.tollgate.engine.tls.CertifiedKey;
import io.tollgate.engine.tls.CipherLists;
import io.tollgate.engine.tls.TlsDefaults;
import io.tollgate.engine.tls.TlsException;
import io.tollgate.engine.tls.TlsOptions;
import io.tollgate.engine.tls.TlsVersion;
import io.tollgate.engine.tls.TlsVersionFilter;
import io.tollgate.engine.tls.Verify;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bind <address>[,<address>...] [parameters]}: where a frontend listens. Addresses go
 * through {@link EnvExpansion} and {@link AddressParser}. Used parameters: {@code name},
 * {@code accept-proxy}, and TLS ({@code ssl}, {@code crt}, {@code ca-file}, {@code verify},
 * {@code alpn}, versions and ciphers, ...), whose files are read here so that a missing or
 * broken certificate is reported at its line, as {@code haproxy -c} does. Socket tunables and
 * TLS details the JDK has no equivalent for are ignored with a warning, while parameters that
 * would change what the listener accepts ({@code transparent}, {@code interface},
 * {@code crt-list}, {@code crl-file}, ...) are refused.
 */
final class BindKeywords {
    static final String USAGE = "'bind' expects {<path>|[addr1]:port1[-end1]}{,[addr]:port[-end]}... as arguments.";

    /** The bind line being built: what the parameters may change. */
    static final class BindState {
        final String address;
        final ConfigEnvironment environment;
        final TlsDefaults tlsDefaults;
        String name;
        boolean acceptProxy;
        boolean ssl;
        final List<CertifiedKey> certificates = new ArrayList<>();
        final List<X509Certificate> cas = new ArrayList<>();
        TlsOptions tls = TlsOptions.NONE;
        Verify verify = Verify.NONE;
        List<String> alpn = List.of();
        boolean strictSni;

        BindState(String address, ConfigEnvironment environment, TlsDefaults tlsDefaults) {
            this.address = address;
            this.environment = environment;
            this.tlsDefaults = tlsDefaults;
        }
    }

    private static final ParamTable<BindState> PARAMS = params();

    private BindKeywords() {
    }

    static void register(KeywordTable<ProxyState> table) {
        table.add("bind", Capabilities.notInDefaults(Capabilities.frontend(BindKeywords::bind)));
    }

    private static void bind(Line line, ProxyState proxy, Problems problems) throws KeywordException {
        if (!line.has(1)) {
            throw new KeywordException(USAGE);
        }
        List<HostPort> addresses = new ArrayList<>();
        String unixPath = null;
        for (String part : line.arg(1).split(",", -1)) {
            String expanded = EnvExpansion.expand(part, proxy.environment::get);
            AddressParser.Parsed parsed;
            try {
                parsed = AddressParser.parse(expanded, AddressParser.Use.BIND);
            } catch (KeywordException e) {
                throw new KeywordException("'bind' : " + e.getMessage());
            }
            addresses.addAll(parsed.hostPorts());
            if (parsed.unixPath() != null) {
                // refused rather than ignored: the listener would silently not exist
                throw new KeywordException(Unsupported.refusedMessage("bind") + " on a Unix socket ('"
                        + parsed.unixPath() + "')");
            }
        }
        BindState state = new BindState(line.arg(1), proxy.environment, proxy.environment.tls());
        PARAMS.apply(line, 2, state, problems, "'bind " + line.arg(1) + "' in section '" + proxy.section + "'");
        BindTls tls = state.ssl ? tls(state, proxy, line, problems) : null;
        proxy.binds.add(new BindConfig(List.copyOf(addresses), unixPath, state.name, line.source(), tls, state.acceptProxy));
    }

    /**
     * The TLS settings of an {@code ssl} bind over the global defaults, checked as HAProxy checks
     * them once the configuration is read ({@code ssl_sock_prepare_bind_conf}), with its
     * messages: they name the proxy and the bind rather than a parsing position.
     */
    private static BindTls tls(BindState b, ProxyState proxy, Line line, Problems problems) {
        String where = " for bind '" + b.address + "' at [" + line.source() + "]";
        String px = "Proxy '" + proxy.name + "': ";
        boolean ok = true;
        if (b.certificates.isEmpty()) {
            problems.alert(null, px + "no SSL certificate specified" + where + " (use 'crt').");
            ok = false;
        }
        if (b.verify != Verify.NONE && b.cas.isEmpty()) {
            problems.alert(null, px + "verify is enabled but no CA file specified" + where + ".");
            ok = false;
        }
        TlsOptions options = b.tls.over(b.tlsDefaults.bind());
        TlsVersionFilter.Resolution versions = options.versions().resolve(TlsVersion.TLSV12);
        if (versions.optionsIgnored()) {
            problems.warn(null, px + "no-sslv3/no-tlsv1x are ignored" + where + ". Use only 'ssl-min-ver' and 'ssl-max-ver' to fix.");
        }
        if (versions.minFromMax() != null) {
            problems.warn(null, px + "Ambiguous configuration" + where + ": the ssl-min-ver value is not configured and the ssl-max-ver value is "
                    + "lower than the default ssl-min-ver value (" + TlsVersion.TLSV12.haproxyName() + "). Setting the "
                    + "ssl-min-ver to " + versions.minFromMax().haproxyName() + ". Use 'ssl-min-ver' to fix this.");
        }
        if (versions.hole() != null) {
            problems.warn(null, px + "SSL/TLS versions range not contiguous" + where + ". Hole find for "
                    + versions.hole().haproxyName() + ". Use only 'ssl-min-ver' and 'ssl-max-ver' to fix.");
        }
        if (versions.enabled().isEmpty()) {
            problems.alert(null, px + "all SSL/TLS versions are disabled" + where + ".");
            ok = false;
        }
        CipherLists.Parsed ciphers = options.ciphers() == null ? null : CipherLists.ciphers(options.ciphers());
        CipherLists.Parsed suites13 = options.ciphersuites() == null ? null : CipherLists.ciphersuites(options.ciphersuites());
        ok &= checkCiphers(ciphers, "SSL cipher list", px, where, problems);
        ok &= checkCiphers(suites13, "TLS 1.3 cipher suites", px, where, problems);
        if (!ok) {
            return null;
        }
        return new BindTls(b.certificates, versions.jdkNames(), CipherLists.combine(ciphers, suites13), b.alpn,
                b.verify, b.cas, b.strictSni, options.preferClientCiphers());
    }

    private static boolean checkCiphers(CipherLists.Parsed list, String what, String px, String where, Problems problems) {
        if (list == null) {
            return true;
        }
        if (list.isEmpty()) {
            problems.alert(null, px + "unable to set " + what + " to '" + list.text() + "'" + where + ".");
            return false;
        }
        if (!list.unusable().isEmpty()) {
            problems.warn(null, px + "'" + String.join(":", list.unusable()) + "' in the " + what + where
                    + " are not known to this JDK, ignored.");
        }
        if (!list.aliases().isEmpty()) {
            problems.warn(null, px + "OpenSSL cipher sets '" + String.join(":", list.aliases()) + "' in the " + what + where
                    + " are not expanded by Tollgate: the JDK's default cipher suites are used.");
        }
        return true;
    }

    private static ParamTable<BindState> params() {
        ParamTable<BindState> table = new ParamTable<>();
        table.add("name", 1, (line, bind, problems) -> bind.name = line.arg(1));
        table.add("accept-proxy", 0, (line, bind, problems) -> bind.acceptProxy = true);
        tlsParams(table);
        // Refused: the listener would accept other traffic, or traffic in another form.
        table.addAll(List.of("transparent", "generate-certificates", "quic-force-retry"), 0, Unsupported.refused());
        table.addAll(List.of("accept-netscaler-cip", "interface", "namespace", "proto"), 1, Unsupported.refused());
        table.add("crt-list", 1, (line, bind, problems) -> {
            throw new KeywordException(Unsupported.refusedMessage("crt-list")
                    + ": name the certificates with 'crt' (a file or a directory of files)");
        });
        // refused: ignoring it would accept revoked client certificates
        table.add("crl-file", 1, Unsupported.refused());
        // Ignored: socket tunables, and TLS details the JDK offers no control of.
        table.addAll(List.of("allow-0rtt", "defer-accept", "no-ca-names", "tfo", "v4v6", "v6only"), 0,
                BindKeywords::ignored);
        table.addAll(List.of("backlog", "ca-sign-file", "ca-sign-pass", "curves", "ecdhe", "expose-fd", "gid", "group",
                "id", "level", "maxconn", "mode", "mss", "nice", "npn", "process", "severity-output", "shards",
                "tcp-ut", "thread", "tls-ticket-keys", "uid", "user"), 1, BindKeywords::ignored);
        return table;
    }

    private static void tlsParams(ParamTable<BindState> t) {
        t.add("ssl", 0, (line, b, p) -> b.ssl = true);
        t.add("crt", 1, (line, b, p) -> {
            String path = b.tlsDefaults.crtPath(line.arg(1));
            try {
                b.certificates.addAll(CertificateFiles.load(path, b.environment.paths.resolve(path)));
            } catch (TlsException e) {
                throw new KeywordException(e.getMessage());
            }
        });
        t.addAll(List.of("ca-file", "ca-verify-file"), 1, (line, b, p) -> {
            String path = b.tlsDefaults.caPath(line.arg(1));
            try {
                b.cas.addAll(CertificateFiles.loadCas(path, b.environment.paths.resolve(path)));
            } catch (TlsException e) {
                throw new KeywordException("'" + line.keyword() + "' : " + e.getMessage());
            }
        });
        t.add("verify", 1, (line, b, p) -> b.verify = verify(line, true));
        t.add("alpn", 1, (line, b, p) -> b.alpn = alpn(line, "bind " + b.address, p));
        t.add("ciphers", 1, (line, b, p) -> b.tls = b.tls.withCiphers(line.arg(1)));
        t.add("ciphersuites", 1, (line, b, p) -> b.tls = b.tls.withCiphersuites(line.arg(1)));
        t.addAll(List.of("ssl-min-ver", "ssl-max-ver"), 1, (line, b, p) ->
                b.tls = b.tls.withVersions(withBound(b.tls.versions(), line)));
        t.addAll(versionOptions(), 0, (line, b, p) -> b.tls = b.tls.withVersions(withOption(b.tls.versions(), line)));
        t.add("prefer-client-ciphers", 0, (line, b, p) -> b.tls = b.tls.withPreferClientCiphers(true));
        t.add("strict-sni", 0, (line, b, p) -> b.strictSni = true);
        t.add("no-tls-tickets", 0, (line, b, p) -> p.warn(line.source(), "'no-tls-tickets' on 'bind " + b.address
                + "' has no effect in Tollgate: the JDK decides on TLS session tickets "
                + "(jdk.tls.server.enableSessionTicketExtension)."));
        t.addAll(List.of("crt-ignore-err", "ca-ignore-err"), 1, (line, b, p) -> p.warn(line.source(), "'" + line.keyword()
                + "' on 'bind " + b.address + "' is not supported yet by Tollgate: certificate errors are not ignored."));
    }

    /** {@code no-sslv3} ... {@code no-tlsv13} and {@code force-sslv3} ... {@code force-tlsv13}. */
    static List<String> versionOptions() {
        List<String> words = new ArrayList<>();
        for (String prefix : List.of("no-", "force-")) {
            for (String v : List.of("sslv3", "tlsv10", "tlsv11", "tlsv12", "tlsv13")) {
                words.add(prefix + v);
            }
        }
        return words;
    }

    static TlsVersionFilter withBound(TlsVersionFilter f, Line line) throws KeywordException {
        try {
            return f.withBound(line.keyword(), line.arg(1));
        } catch (IllegalArgumentException e) {
            throw new KeywordException(e.getMessage());
        }
    }

    static TlsVersionFilter withOption(TlsVersionFilter f, Line line) throws KeywordException {
        try {
            return f.withOption(line.keyword());
        } catch (IllegalArgumentException e) {
            throw new KeywordException(e.getMessage());
        }
    }

    /** The ALPN list Tollgate offers, warning when it drops protocols it does not speak. */
    static List<String> alpn(Line line, String owner, Problems problems) throws KeywordException {
        Alpn.Parsed parsed;
        try {
            parsed = Alpn.parse(line.arg(1));
        } catch (IllegalArgumentException e) {
            throw new KeywordException(e.getMessage());
        }
        if (!parsed.dropped().isEmpty()) {
            problems.warn(line.source(), "'alpn " + line.arg(1) + "' on '" + owner + "' : Tollgate speaks HTTP/1.1 only, '"
                    + String.join("', '", parsed.dropped()) + "' not offered.");
        }
        return parsed.offered();
    }

    static Verify verify(Line line, boolean bindSide) throws KeywordException {
        try {
            return Verify.parse(line.arg(1), bindSide);
        } catch (IllegalArgumentException e) {
            throw new KeywordException(e.getMessage());
        }
    }

    private static void ignored(Line line, BindState bind, Problems problems) {
        problems.warn(line.source(), "'" + line.keyword() + "' on 'bind " + bind.address
                + "' is not supported yet by Tollgate, ignored");
    }
}
