package io.tollgate.engine.log;

import io.tollgate.engine.runtime.Proxy;
import io.tollgate.engine.runtime.Server;

import java.net.InetSocketAddress;

/**
 * The facts of one HTTP request or TCP session that an access-log line can show, filled by the
 * session as they happen and read once when the line is built. One instance per client
 * connection, {@link #reset reset} for each keep-alive request, so that logging allocates
 * nothing per request. Times are milliseconds, -1 when the event never happened (HAProxy's
 * convention); strings are references to what the session already holds.
 */
public final class LogEvent {
    /** Who or what ended the session (HAProxy's {@code SF_ERR_*}): the first {@code %ts} char. */
    public static final char END_NORMAL = '-';
    public static final char END_LOCAL = 'L';
    public static final char END_CLIENT_TIMEOUT = 'c';
    public static final char END_CLIENT = 'C';
    public static final char END_SERVER_TIMEOUT = 's';
    public static final char END_SERVER = 'S';
    public static final char END_PROXY = 'P';
    public static final char END_RESOURCE = 'R';
    public static final char END_INTERNAL = 'I';

    /** Where the session was when it ended (HAProxy's {@code SF_FINST_*}): the second char. */
    public static final char AT_NONE = '-';
    public static final char AT_REQUEST = 'R';
    public static final char AT_QUEUE = 'Q';
    public static final char AT_CONNECT = 'C';
    public static final char AT_HEADERS = 'H';
    public static final char AT_DATA = 'D';
    public static final char AT_LAST = 'L';
    public static final char AT_TARPIT = 'T';

    public Proxy frontend;
    public Proxy backend;
    public Server server;
    /** The stats applet answered: the server shows as {@code <STATS>}. */
    public boolean stats;
    public InetSocketAddress client;
    public InetSocketAddress frontendAddress;
    public InetSocketAddress serverAddress;
    public InetSocketAddress backendSource;
    public boolean tls;
    public boolean http;
    /**
     * The connection's TLS facts, set once its handshake ended (kept across keep-alive requests):
     * HAProxy's {@code fc_err} and {@code ssl_fc_err}, the protocol and cipher as OpenSSL names them
     * ({@code %sslv}, {@code %sslc}), the SNI and whether the session was resumed.
     */
    public int connectionError;
    public long sslError;
    public String sslVersion;
    public String sslCipher;
    public String serverName;
    public boolean resumed;

    /** Wall-clock date of the accept (or of the end of the previous request on the connection). */
    public long acceptEpochMillis;
    public long handshakeMillis;
    public long idleMillis;
    public long requestMillis = -1;
    public long queueMillis = -1;
    public long connectMillis = -1;
    public long responseMillis = -1;
    public long activeMillis = -1;
    public long totalMillis;

    public long bytesToClient;
    public long bytesFromClient;
    public int status;
    public int retries;
    public boolean redispatched;

    public long activeConnections;
    public long frontendConnections;
    public long backendConnections;
    public long serverConnections;
    public long serverQueuePosition;
    public long backendQueuePosition;

    public char endedBy = END_NORMAL;
    public char endedAt = AT_NONE;
    /** The persistence cookie as the client sent it (3rd char) and as it was answered (4th). */
    public char requestCookie = '-';
    public char responseCookie = '-';

    /** The request line's parts as received; {@code method} null for an unparsable request. */
    public String method;
    public String uri;
    public String version;
    /** Captured header values in {@code capture} order, null where absent; null without captures. */
    public String[] requestCaptures;
    public String[] responseCaptures;
    public long requestCounter;
    /** What {@code %[sample]} expressions read; set only when the format has one. */
    public io.tollgate.engine.acl.RequestView view;

    /** Clears what one request sets, keeping the connection's facts (addresses, TLS, captures' arrays). */
    public void reset() {
        backend = null;
        server = null;
        stats = false;
        serverAddress = null;
        backendSource = null;
        handshakeMillis = 0;
        idleMillis = 0;
        requestMillis = -1;
        queueMillis = -1;
        connectMillis = -1;
        responseMillis = -1;
        activeMillis = -1;
        totalMillis = 0;
        bytesToClient = 0;
        bytesFromClient = 0;
        status = -1;
        retries = 0;
        redispatched = false;
        serverQueuePosition = 0;
        backendQueuePosition = 0;
        endedBy = END_NORMAL;
        endedAt = AT_NONE;
        requestCookie = '-';
        responseCookie = '-';
        method = null;
        uri = null;
        version = null;
        if (requestCaptures != null) {
            java.util.Arrays.fill(requestCaptures, null);
        }
        if (responseCaptures != null) {
            java.util.Arrays.fill(responseCaptures, null);
        }
    }

    /** Whether this is an error as HAProxy's {@code strm_log} counts one ({@code log-separate-errors}, {@code dontlog-normal}). */
    public boolean isError() {
        return redispatched || (endedBy != END_NORMAL && endedBy != END_LOCAL)
                || (endedBy == END_NORMAL && retries > 0) || (http && status >= 500);
    }
}
