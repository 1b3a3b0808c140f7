package io.tollgate.engine.log;

import java.util.HashMap;
import java.util.Map;

import static io.tollgate.engine.log.LogText.address;
import static io.tollgate.engine.log.LogText.number;
import static io.tollgate.engine.log.LogText.port;
import static io.tollgate.engine.log.LogText.text;

/**
 * The {@code %<name>} variables of HAProxy 2.6's log-format, each with its name, whether it is
 * reserved for {@code mode http} frontends (as {@code haproxy -c} refuses it elsewhere) and how
 * it is written (FORMATS.md section 6.2). A variable returns false when it wrote nothing, so
 * that the separator after it is not doubled.
 */
enum LogVariable {
    CLIENT_IP("ci", false, (e, sb, f) -> address(sb, e.client, f)),
    CLIENT_PORT("cp", false, (e, sb, f) -> port(sb, e.client, f)),
    FRONTEND_IP("fi", false, (e, sb, f) -> address(sb, e.frontendAddress, f)),
    FRONTEND_PORT("fp", false, (e, sb, f) -> port(sb, e.frontendAddress, f)),
    BACKEND_IP("bi", false, (e, sb, f) -> address(sb, e.backendSource, f)),
    BACKEND_PORT("bp", false, (e, sb, f) -> port(sb, e.backendSource, f)),
    SERVER_IP("si", false, (e, sb, f) -> address(sb, e.serverAddress, f)),
    SERVER_PORT("sp", false, (e, sb, f) -> port(sb, e.serverAddress, f)),
    ACCEPT_DATE("t", false, (e, sb, f) -> dateLocal(sb, e.acceptEpochMillis, f)),
    ACCEPT_DATE_GMT("T", false, (e, sb, f) -> dateGmt(sb, e.acceptEpochMillis, f)),
    ACCEPT_DATE_LOCAL("Tl", false, (e, sb, f) -> dateOffset(sb, e.acceptEpochMillis, f)),
    ACCEPT_SECONDS("Ts", false, (e, sb, f) -> number(sb, Math.floorDiv(e.acceptEpochMillis, 1000L), f)),
    ACCEPT_MILLIS("ms", false, (e, sb, f) -> {
        if ((f & LogText.HEX) != 0) {
            LogText.hex(sb, Math.floorMod(e.acceptEpochMillis, 1000L), 2);
        } else {
            LogDates.appendMillis(sb, e.acceptEpochMillis);
        }
    }),
    REQUEST_DATE("tr", true, (e, sb, f) -> dateLocal(sb, requestDate(e), f)),
    REQUEST_DATE_GMT("trg", true, (e, sb, f) -> dateGmt(sb, requestDate(e), f)),
    REQUEST_DATE_LOCAL("trl", true, (e, sb, f) -> dateOffset(sb, requestDate(e), f)),
    FRONTEND("f", false, (e, sb, f) -> text(sb, e.frontend.name(), f)),
    FRONTEND_TRANSPORT("ft", false, (e, sb, f) -> {
        boolean quote = (f & LogText.QUOTE) != 0;
        if (quote) {
            sb.append('"');
        }
        sb.append(e.frontend.name());
        if (e.tls) {
            sb.append('~');
        }
        if (quote) {
            sb.append('"');
        }
    }),
    BACKEND("b", false, (e, sb, f) -> text(sb, (e.backend != null ? e.backend : e.frontend).name(), f)),
    SERVER("s", false, (e, sb, f) -> text(sb, e.server != null ? e.server.name() : e.stats ? "<STATS>" : "<NOSRV>", f)),
    TH("Th", false, (e, sb, f) -> sb.append(e.handshakeMillis)),
    TI("Ti", true, (e, sb, f) -> sb.append(e.idleMillis)),
    TQ("Tq", true, (e, sb, f) -> sb.append(e.requestMillis < 0 ? -1 : e.handshakeMillis + e.idleMillis + e.requestMillis)),
    TR("TR", true, (e, sb, f) -> sb.append(e.requestMillis)),
    TW("Tw", false, (e, sb, f) -> sb.append(e.queueMillis)),
    TC("Tc", false, (e, sb, f) -> sb.append(e.connectMillis)),
    TR_SERVER("Tr", true, (e, sb, f) -> sb.append(e.responseMillis)),
    TA("Ta", true, (e, sb, f) -> sb.append(e.activeMillis)),
    TT("Tt", false, (e, sb, f) -> sb.append(e.totalMillis)),
    TU("Tu", false, (e, sb, f) -> sb.append(e.totalMillis - e.idleMillis)),
    TD("Td", false, (e, sb, f) -> sb.append(dataTime(e))),
    STATUS("ST", false, (e, sb, f) -> sb.append(e.http ? e.status : 0)),
    BYTES_OUT("B", false, (e, sb, f) -> sb.append(e.bytesToClient)),
    BYTES_IN("U", false, (e, sb, f) -> sb.append(e.bytesFromClient)),
    COOKIE_CLIENT("CC", true, (e, sb, f) -> text(sb, null, f)),
    COOKIE_SERVER("CS", true, (e, sb, f) -> text(sb, null, f)),
    TERMINATION("ts", false, (e, sb, f) -> sb.append(e.endedBy).append(e.endedAt)),
    TERMINATION_COOKIE("tsc", false, (e, sb, f) -> sb.append(e.endedBy).append(e.endedAt)
            .append(e.http ? e.requestCookie : '-').append(e.http ? e.responseCookie : '-')),
    ACTCONN("ac", false, (e, sb, f) -> sb.append(e.activeConnections)),
    FECONN("fc", false, (e, sb, f) -> sb.append(e.frontendConnections)),
    BECONN("bc", false, (e, sb, f) -> sb.append(e.backendConnections)),
    SRVCONN("sc", false, (e, sb, f) -> sb.append(e.serverConnections)),
    RETRIES("rc", false, (e, sb, f) -> {
        if (e.redispatched) {
            sb.append('+');
        }
        sb.append(e.retries);
    }),
    SERVER_QUEUE("sq", false, (e, sb, f) -> sb.append(e.serverQueuePosition)),
    BACKEND_QUEUE("bq", false, (e, sb, f) -> sb.append(e.backendQueuePosition)),
    REQUEST_HEADERS("hr", false, null),
    RESPONSE_HEADERS("hs", false, null),
    REQUEST_HEADER_LIST("hrl", false, null),
    RESPONSE_HEADER_LIST("hsl", false, null),
    REQUEST("r", true, (e, sb, f) -> {
        boolean quote = (f & LogText.QUOTE) != 0;
        if (quote) {
            sb.append('"');
        }
        if (e.method == null) {
            sb.append("<BADREQ>");
        } else {
            LogText.encoded(sb, e.method);
            sb.append(' ');
            LogText.encoded(sb, e.uri);
            sb.append(' ');
            LogText.encoded(sb, e.version);
        }
        if (quote) {
            sb.append('"');
        }
    }),
    METHOD("HM", true, (e, sb, f) -> requestPart(sb, e.method, f)),
    URI("HU", true, (e, sb, f) -> requestPart(sb, e.uri, f)),
    PATH("HP", true, (e, sb, f) -> requestPart(sb, e.uri == null ? null : beforeQuery(e.uri), f)),
    PATH_ONLY("HPO", true, (e, sb, f) -> requestPart(sb, e.uri == null ? null : pathOnly(e.uri), f)),
    QUERY("HQ", true, (e, sb, f) -> requestPart(sb, e.uri == null ? null : query(e.uri), f)),
    VERSION("HV", true, (e, sb, f) -> requestPart(sb, e.version, f)),
    SSL_VERSION("sslv", false, (e, sb, f) -> text(sb, e.tls ? e.sslVersion : null, f)),
    SSL_CIPHER("sslc", false, (e, sb, f) -> text(sb, e.tls ? e.sslCipher : null, f)),
    UNIQUE_ID("ID", false, (e, sb, f) -> text(sb, null, f)),
    PID("pid", false, (e, sb, f) -> number(sb, Host.PID, f)),
    HOSTNAME("H", false, (e, sb, f) -> text(sb, Host.NAME, f)),
    REQUEST_COUNTER("rt", false, (e, sb, f) -> number(sb, e.requestCounter, f)),
    LOG_COUNTER("lc", false, null),
    /** Not a value: its flags apply to every variable after it. */
    OPTIONS("o", false, null);

    /** What a variable writes from an event. */
    interface Writer {
        void write(LogEvent e, StringBuilder sb, int flags);
    }

    private static final Map<String, LogVariable> BY_NAME = new HashMap<>();

    static {
        for (LogVariable v : values()) {
            BY_NAME.put(v.name, v);
        }
    }

    final String name;
    final boolean httpOnly;
    final Writer writer;

    LogVariable(String name, boolean httpOnly, Writer writer) {
        this.name = name;
        this.httpOnly = httpOnly;
        this.writer = writer;
    }

    static LogVariable named(String name) {
        return BY_NAME.get(name);
    }

    private static long requestDate(LogEvent e) {
        return e.acceptEpochMillis + e.handshakeMillis + Math.max(0, e.idleMillis);
    }

    private static long dataTime(LogEvent e) {
        if (e.http) {
            if (e.activeMillis < 0 || e.requestMillis < 0 || e.queueMillis < 0 || e.connectMillis < 0
                    || e.responseMillis < 0) {
                return -1;
            }
            return e.activeMillis - (e.requestMillis + e.queueMillis + e.connectMillis + e.responseMillis);
        }
        if (e.queueMillis < 0 || e.connectMillis < 0) {
            return -1;
        }
        return e.totalMillis - (e.handshakeMillis + e.queueMillis + e.connectMillis);
    }

    private static void dateLocal(StringBuilder sb, long millis, int flags) {
        if ((flags & LogText.HEX) != 0) {
            LogText.hex(sb, Math.floorDiv(millis, 1000L), 8);
            sb.append(':');
            LogText.hex(sb, Math.floorMod(millis, 1000L) * 1000, 4);
        } else {
            LogDates.current().appendLocal(sb, millis);
        }
    }

    private static void dateGmt(StringBuilder sb, long millis, int flags) {
        if ((flags & LogText.HEX) != 0) {
            LogText.hex(sb, Math.floorDiv(millis, 1000L), 8);
        } else {
            LogDates.current().appendGmt(sb, millis);
        }
    }

    private static void dateOffset(StringBuilder sb, long millis, int flags) {
        if ((flags & LogText.HEX) != 0) {
            LogText.hex(sb, Math.floorDiv(millis, 1000L), 8);
        } else {
            LogDates.current().appendLocalWithOffset(sb, millis);
        }
    }

    /**
     * A piece of the request line, encoded as {@code %r} is: {@code <BADREQ>} when there is no
     * request line, and nothing (not {@code -}) when the piece is empty.
     */
    private static void requestPart(StringBuilder sb, CharSequence part, int flags) {
        boolean quote = (flags & LogText.QUOTE) != 0;
        if (quote) {
            sb.append('"');
        }
        if (part == null) {
            sb.append("<BADREQ>");
        } else {
            LogText.encoded(sb, part);
        }
        if (quote) {
            sb.append('"');
        }
    }

    private static CharSequence beforeQuery(String uri) {
        int q = uri.indexOf('?');
        return q < 0 ? uri : uri.subSequence(0, q);
    }

    /** The path without scheme and authority (absolute-form targets) and without the query. */
    private static CharSequence pathOnly(String uri) {
        int start = 0;
        int scheme = uri.indexOf("://");
        if (scheme > 0 && uri.indexOf('/') > scheme) {
            int slash = uri.indexOf('/', scheme + 3);
            start = slash < 0 ? uri.length() : slash;
        }
        int q = uri.indexOf('?', start);
        return uri.subSequence(start, q < 0 ? uri.length() : q);
    }

    private static CharSequence query(String uri) {
        int q = uri.indexOf('?');
        return q < 0 ? "" : uri.subSequence(q, uri.length());
    }

    /** The host name, read once ({@code %H}). */
    private static final class Host {
        static final String NAME = read();
        static final long PID = ProcessHandle.current().pid();

        private static String read() {
            try {
                return java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.net.UnknownHostException e) {
                return "localhost";
            }
        }
    }
}
