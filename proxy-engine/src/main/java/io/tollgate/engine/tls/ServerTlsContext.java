package io.tollgate.engine.tls;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.tollgate.engine.acl.RequestView;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

/**
 * The TLS side of connections to one {@code ssl} server: a Netty {@link SslContext} built once
 * when the engine starts, from the server's {@link ServerTls} over the global defaults, and an
 * {@link SslHandler} per connection, whose SNI may depend on the request.
 *
 * <p>Certificate checks follow HAProxy 2.6: with {@code verify required} (the default unless
 * {@code ssl-server-verify none}) the chain must lead to the {@code ca-file}; the host name is
 * checked against the SNI sent, else {@code verifyhost}, and not at all when neither is set.
 */
public final class ServerTlsContext {
    private final SslContext context;
    private final SniExpression sni;
    private final String verifyHost;
    private final boolean checksHost;

    private ServerTlsContext(SslContext context, SniExpression sni, String verifyHost, boolean checksHost) {
        this.context = context;
        this.sni = sni;
        this.verifyHost = verifyHost;
        this.checksHost = checksHost;
    }

    /**
     * Reads the server's files and builds its context; call it off the event loops.
     *
     * @param resolve turns a path as configured (after {@code crt-base}/{@code ca-base}) into a file
     * @throws TlsException with HAProxy's message when a file or setting cannot be used
     */
    public static ServerTlsContext build(ServerTls tls, TlsDefaults defaults, Function<String, Path> resolve)
            throws TlsException, SSLException {
        TlsOptions options = tls.options().over(defaults.server());
        SslContextBuilder b = SslContextBuilder.forClient().sslProvider(SslProvider.JDK);
        if (!options.versions().isEmpty()) {
            TlsVersionFilter.Resolution r = options.versions().resolve(null);
            if (r.enabled().isEmpty()) {
                throw new TlsException("all SSL/TLS versions are disabled.");
            }
            b.protocols(r.jdkNames());
        }
        List<String> suites = suites(options);
        if (suites != null) {
            b.ciphers(suites, SupportedCipherSuiteFilter.INSTANCE);
        }
        Verify verify = tls.verify() != null ? tls.verify() : defaults.serverVerifyRequired() ? Verify.REQUIRED : Verify.NONE;
        boolean checksHost = false;
        if (verify == Verify.REQUIRED) {
            if (tls.caFile() == null) {
                throw new TlsException(defaults.serverVerifyRequired()
                        ? "verify is enabled by default but no CA file specified. If you're running on a LAN where you're "
                        + "certain to trust the server's certificate, please set an explicit 'verify none' statement on the "
                        + "'server' line, or use 'ssl-server-verify none' in the global section to disable server-side "
                        + "verifications by default."
                        : "verify is enabled but no CA file specified.");
            }
            String ca = defaults.caPath(tls.caFile());
            List<X509Certificate> cas;
            try {
                cas = CertificateFiles.loadCas(ca, resolve.apply(ca));
            } catch (TlsException e) {
                throw new TlsException("'ca-file' : " + e.getMessage() + ".");
            }
            b.trustManager(cas);
            checksHost = tls.sni() != null || tls.verifyHost() != null;
        } else {
            b.trustManager(InsecureTrustManagerFactory.INSTANCE);
        }
        b.endpointIdentificationAlgorithm(checksHost ? "HTTPS" : null);
        if (tls.crt() != null) {
            String crt = defaults.crtPath(tls.crt());
            CertifiedKey key = CertificateFiles.loadFile(crt, resolve.apply(crt));
            b.keyManager(key.key(), key.chain());
        }
        if (!tls.alpn().isEmpty()) {
            b.applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                    ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                    ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, tls.alpn()));
        }
        return new ServerTlsContext(b.build(), tls.sni(), tls.verifyHost(), checksHost);
    }

    private static List<String> suites(TlsOptions options) throws TlsException {
        CipherLists.Parsed ciphers = options.ciphers() == null ? null : CipherLists.ciphers(options.ciphers());
        if (ciphers != null && ciphers.isEmpty()) {
            throw new TlsException("unable to set SSL cipher list to '" + options.ciphers() + "'.");
        }
        CipherLists.Parsed suites13 = options.ciphersuites() == null ? null : CipherLists.ciphersuites(options.ciphersuites());
        if (suites13 != null && suites13.isEmpty()) {
            throw new TlsException("unable to set TLS 1.3 cipher suites to '" + options.ciphersuites() + "'.");
        }
        return CipherLists.combine(ciphers, suites13);
    }

    /** True when connections differ by request (their SNI does), so one must not serve another's requests. */
    public boolean dependsOnRequest() {
        return sni != null && sni.dependsOnRequest();
    }

    /**
     * A handler for one connection to the server at {@code port}.
     *
     * @param request   what is being forwarded, for {@code sni req.hdr(...)}; null when unknown
     * @param clientSni the SNI the client sent to the listener, for {@code sni ssl_fc_sni}
     */
    public SslHandler newHandler(ByteBufAllocator alloc, int port, RequestView request, Supplier<String> clientSni) {
        String name = sni == null ? null : hostName(sni.evaluate(request, clientSni));
        String peer = name != null ? name : verifyHost;
        SSLEngine engine = peer == null ? context.newEngine(alloc) : context.newEngine(alloc, peer, port);
        if (peer != null || checksHost) {
            SSLParameters p = engine.getSSLParameters();
            // set, not left to the JDK, which sends no SNI for a name without a dot ("localhost")
            // and would send verifyhost's name, which names what to check, not what to ask for
            p.setServerNames(name == null ? List.of() : List.of(new SNIHostName(name)));
            if (peer == null) {
                // HAProxy checks no host name when there is neither SNI nor verifyhost
                p.setEndpointIdentificationAlgorithm(null);
            }
            engine.setSSLParameters(p);
        }
        return new SslHandler(engine);
    }

    /** {@code value} when it can be sent as SNI (a DNS name, not an address or "host:port"), else null. */
    static String hostName(String value) {
        if (value == null) {
            return null;
        }
        String v = value.endsWith(".") ? value.substring(0, value.length() - 1) : value;
        if (v.isEmpty() || Character.isDigit(v.charAt(v.length() - 1)) && v.chars().allMatch(c -> c == '.' || Character.isDigit(c))) {
            return null;
        }
        try {
            new SNIHostName(v);
            return v;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
