package io.tollgate.engine.tls;

import java.util.List;

/**
 * What a {@code server ... ssl} line asks for, as written: file names are kept unresolved and
 * unread ({@code crt-base}/{@code ca-base} and the files apply when the engine starts, see
 * {@link ServerTlsContext}). {@code verify} is null when the line does not say, so that
 * {@code ssl-server-verify} decides; {@code options} are the line's own, before the
 * {@code ssl-default-server-*} defaults; {@code alpn} is what will be offered.
 */
public record ServerTls(Verify verify, String caFile, String crt, SniExpression sni, String verifyHost,
                        List<String> alpn, TlsOptions options) {

    public static final ServerTls DEFAULT = new ServerTls(null, null, null, null, null, List.of(), TlsOptions.NONE);

    public ServerTls {
        alpn = List.copyOf(alpn);
    }

    public ServerTls withVerify(Verify v) {
        return new ServerTls(v, caFile, crt, sni, verifyHost, alpn, options);
    }

    public ServerTls withCaFile(String f) {
        return new ServerTls(verify, f, crt, sni, verifyHost, alpn, options);
    }

    public ServerTls withCrt(String f) {
        return new ServerTls(verify, caFile, f, sni, verifyHost, alpn, options);
    }

    public ServerTls withSni(SniExpression e) {
        return new ServerTls(verify, caFile, crt, e, verifyHost, alpn, options);
    }

    public ServerTls withVerifyHost(String h) {
        return new ServerTls(verify, caFile, crt, sni, h, alpn, options);
    }

    public ServerTls withAlpn(List<String> a) {
        return new ServerTls(verify, caFile, crt, sni, verifyHost, a, options);
    }

    public ServerTls withOptions(TlsOptions o) {
        return new ServerTls(verify, caFile, crt, sni, verifyHost, alpn, o);
    }
}
