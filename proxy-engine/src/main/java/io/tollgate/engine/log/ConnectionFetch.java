package io.tollgate.engine.log;

import java.util.function.Function;

/**
 * The sample fetches of {@code option httpslog} that read the client connection rather than the
 * request: HAProxy's {@code fc_err}, {@code ssl_fc_err}, {@code ssl_c_err}, {@code ssl_c_ca_err},
 * {@code ssl_fc_is_resumed} and {@code ssl_fc_sni}. They are answered from the
 * {@link LogEvent}, so they also work on the line of a connection whose handshake failed, where
 * there is no request to read.
 *
 * <p>Values are typed as HAProxy's are: the error codes and the resumed flag are integers (so
 * that {@code ssl_fc_err,hex} prints the 8 bytes of an integer, {@code 000000000A00009C}), the
 * SNI is a string. The {@code ssl_*} fetches yield nothing (written {@code -}) on a clear-text
 * connection, except {@code ssl_fc_is_resumed}, which says 0 as HAProxy's does.
 */
enum ConnectionFetch {
    FC_ERR("fc_err", e -> (long) e.connectionError),
    SSL_FC_ERR("ssl_fc_err", e -> e.tls ? e.sslError : null),
    /** Tollgate verifies no client certificates, so there is never a verification error to report. */
    SSL_C_ERR("ssl_c_err", e -> e.tls ? 0L : null),
    SSL_C_CA_ERR("ssl_c_ca_err", e -> e.tls ? 0L : null),
    SSL_FC_IS_RESUMED("ssl_fc_is_resumed", e -> e.resumed ? 1L : 0L),
    SSL_FC_SNI("ssl_fc_sni", e -> e.serverName);

    final String keyword;
    private final Function<LogEvent, Object> value;

    ConnectionFetch(String keyword, Function<LogEvent, Object> value) {
        this.keyword = keyword;
        this.value = value;
    }

    static ConnectionFetch named(String keyword) {
        for (ConnectionFetch f : values()) {
            if (f.keyword.equals(keyword)) {
                return f;
            }
        }
        return null;
    }

    /** The value for {@code e}: a Long, a String, or null when the fetch yields no sample. */
    Object value(LogEvent e) {
        return value.apply(e);
    }
}
