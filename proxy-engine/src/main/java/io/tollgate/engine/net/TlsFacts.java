package io.tollgate.engine.net;

import io.netty.handler.ssl.CipherSuiteConverter;
import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import io.tollgate.engine.log.ConnectionError;
import io.tollgate.engine.log.LogEvent;

import java.nio.channels.ClosedChannelException;

import javax.net.ssl.SSLSession;

/**
 * What a client connection's TLS handshake tells its access log, in the words HAProxy's OpenSSL
 * uses: the protocol ({@code TLSv1.3}), the cipher's OpenSSL name ({@code ECDHE-RSA-AES256-GCM-SHA384},
 * not the JDK's {@code TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384}), the SNI, and for a failed handshake
 * HAProxy's error code and, where the cause is one OpenSSL names the same way, OpenSSL's error.
 */
final class TlsFacts {
    /** OpenSSL 3's {@code ERR_PACK(ERR_LIB_SSL, 0, reason)} for the records it refuses before any handshake. */
    private static final long SSL_R_HTTP_REQUEST = 0x0A00009CL;
    private static final long SSL_R_HTTPS_PROXY_REQUEST = 0x0A00009BL;
    private static final long SSL_R_WRONG_VERSION_NUMBER = 0x0A00010BL;
    private static final String NOT_TLS = "not an SSL/TLS record: ";

    private TlsFacts() {
    }

    /**
     * Records a handshake that succeeded. The JDK's engine does not say whether it resumed a
     * session; a session older than the connection ({@code acceptedMillis}) can only have been.
     */
    static void established(LogEvent e, SslHandler tls, long acceptedMillis) {
        SSLSession session = tls.engine().getSession();
        e.connectionError = 0;
        e.sslError = 0;
        e.sslVersion = session.getProtocol();
        e.sslCipher = CipherSuiteConverter.toOpenSsl(session.getCipherSuite(), false);
        e.serverName = ClientConnection.serverName(tls);
        e.resumed = session.getCreationTime() < acceptedMillis;
    }

    /**
     * Records a handshake that failed with {@code cause}, as OpenSSL shows one to HAProxy: the
     * highest protocol the listener offers (OpenSSL's version before negotiation) and no cipher.
     */
    static ConnectionError failed(LogEvent e, SslHandler tls, Throwable cause) {
        ConnectionError error = classify(cause);
        e.connectionError = error.code();
        e.sslError = error == ConnectionError.SSL_HANDSHAKE ? opensslError(cause) : 0;
        String highest = null;
        for (String p : tls.engine().getEnabledProtocols()) {
            if (highest == null || p.compareTo(highest) > 0) {
                highest = p;
            }
        }
        e.sslVersion = highest;
        e.sslCipher = "(NONE)";
        e.serverName = null;
        e.resumed = false;
        return error;
    }

    static ConnectionError classify(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof SslHandshakeTimeoutException) {
                return ConnectionError.SSL_TIMEOUT;
            }
            if (t instanceof ClosedChannelException
                    || (t.getMessage() != null && t.getMessage().contains("closed while SSL/TLS handshake"))) {
                return ConnectionError.SSL_EMPTY;
            }
        }
        return ConnectionError.SSL_HANDSHAKE;
    }

    /**
     * OpenSSL's error for a first record that is not TLS (Netty's message carries its bytes in
     * hex): an HTTP request, an HTTP proxy's CONNECT, or anything else (a wrong version). Other
     * failures have no OpenSSL code in the JDK's engine: 0.
     */
    static long opensslError(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof NotSslRecordException && t.getMessage() != null) {
                int at = t.getMessage().indexOf(NOT_TLS);
                String head = at < 0 ? "" : ascii(t.getMessage().substring(at + NOT_TLS.length()), 5);
                if (head.startsWith("GET ") || head.startsWith("POST ") || head.startsWith("HEAD ")
                        || head.startsWith("PUT ")) {
                    return SSL_R_HTTP_REQUEST;
                }
                return head.startsWith("CONNE") ? SSL_R_HTTPS_PROXY_REQUEST : SSL_R_WRONG_VERSION_NUMBER;
            }
        }
        return 0;
    }

    /** The first {@code n} bytes of a hex dump as characters. */
    private static String ascii(String hex, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i + 1 < hex.length() && sb.length() < n; i += 2) {
            int hi = Character.digit(hex.charAt(i), 16);
            int lo = Character.digit(hex.charAt(i + 1), 16);
            if (hi < 0 || lo < 0) {
                break;
            }
            sb.append((char) (hi * 16 + lo));
        }
        return sb.toString();
    }
}
