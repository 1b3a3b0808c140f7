package io.tollgate.engine.tls;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

/**
 * The TLS side of one {@code bind ... ssl} line: a Netty {@link SslContext} built once when the
 * listener starts, and a fresh {@link SslHandler} for every accepted connection. Uses the JDK's
 * TLS implementation; certificates are chosen per handshake by {@link SniKeyManager}.
 */
public final class BindTlsContext {
    private final SslContext context;
    private final boolean preferClientCiphers;

    private BindTlsContext(SslContext context, boolean preferClientCiphers) {
        this.context = context;
        this.preferClientCiphers = preferClientCiphers;
    }

    /** Builds the context; call it off the event loops (it may take a few milliseconds). */
    public static BindTlsContext build(BindTls tls) throws SSLException {
        SslContextBuilder b = SslContextBuilder.forServer(new SniKeyManager(tls.certificates(), tls.strictSni()))
                .sslProvider(SslProvider.JDK)
                .protocols(tls.protocols())
                .clientAuth(switch (tls.verify()) {
                    case NONE -> ClientAuth.NONE;
                    case OPTIONAL -> ClientAuth.OPTIONAL;
                    case REQUIRED -> ClientAuth.REQUIRE;
                });
        if (tls.cipherSuites() != null) {
            b.ciphers(tls.cipherSuites(), SupportedCipherSuiteFilter.INSTANCE);
        }
        if (!tls.clientCas().isEmpty()) {
            b.trustManager(tls.clientCas());
        }
        if (!tls.alpn().isEmpty()) {
            b.applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                    // a client that offers none of ours goes on without ALPN, as with OpenSSL
                    ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                    ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, tls.alpn()));
        }
        return new BindTlsContext(b.build(), tls.preferClientCiphers());
    }

    /** A handler for one accepted connection. */
    public SslHandler newHandler(ByteBufAllocator alloc) {
        SSLEngine engine = context.newEngine(alloc);
        if (preferClientCiphers) {
            // the JDK server follows its own order by default, as HAProxy does without this option
            SSLParameters p = engine.getSSLParameters();
            p.setUseCipherSuitesOrder(false);
            engine.setSSLParameters(p);
        }
        return new SslHandler(engine);
    }
}
