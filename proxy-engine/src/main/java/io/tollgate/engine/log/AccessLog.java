package io.tollgate.engine.log;

import io.tollgate.engine.config.Directive;
import io.tollgate.engine.config.ProxyConfig;
import io.tollgate.engine.config.ProxyMode;
import io.tollgate.engine.runtime.Proxy;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The access log of one frontend: its compiled format (or HAProxy's legacy "Connect from" line
 * when it has none), the options that filter lines, and the sink. A frontend without any
 * effective {@code log} target has no {@code AccessLog} at all, so its sessions record nothing.
 *
 * <p>Each event loop renders into its own reused builder: one String per line.
 */
public final class AccessLog {
    /** HAProxy's {@code global.req_count}: one number per stream, for {@code %rt}. */
    private static final AtomicLong REQUESTS = new AtomicLong();
    private static final ThreadLocal<StringBuilder> LINE = ThreadLocal.withInitial(() -> new StringBuilder(256));
    private static final ThreadLocal<StringBuilder> SD = ThreadLocal.withInitial(() -> new StringBuilder(64));

    private final Proxy frontend;
    private final LogFormat format;
    /** {@code error-log-format}, or null for HAProxy's default error line. */
    private final LogFormat errorFormat;
    /** {@code log-format-sd}, or null: lines then carry no structured data object at all. */
    private final LogFormat sdFormat;
    private final AccessLogSink sink;
    private final boolean dontLogNull;
    private final boolean dontLogNormal;
    private final boolean separateErrors;
    private final List<CapturedHeaders.Capture> requestCaptures;
    private final List<CapturedHeaders.Capture> responseCaptures;
    private final AtomicLong lines = new AtomicLong();

    private AccessLog(Proxy frontend, LogFormat format, LogFormat errorFormat, LogFormat sdFormat, AccessLogSink sink) {
        ProxyConfig c = frontend.config();
        this.frontend = frontend;
        this.format = format;
        this.errorFormat = errorFormat;
        this.sdFormat = sdFormat;
        this.sink = sink;
        this.dontLogNull = c.hasOption("dontlognull");
        this.dontLogNormal = c.hasOption("dontlog-normal");
        this.separateErrors = c.hasOption("log-separate-errors");
        this.requestCaptures = CapturedHeaders.requestNames(c);
        this.responseCaptures = CapturedHeaders.responseNames(c);
    }

    /**
     * The access log of {@code frontend}, or null when it does not log: no {@code log} line of its
     * own that leads somewhere ({@code log global} counts when {@code global} has targets).
     */
    public static AccessLog of(Proxy frontend, List<Directive> globalLogs, AccessLogSink sink) {
        if (sink == null || !frontend.isFrontend() || !hasTargets(frontend.config().logs(), globalLogs)) {
            return null;
        }
        ProxyConfig c = frontend.config();
        boolean http = frontend.mode() == ProxyMode.HTTP;
        LogFormat format = compile(formatText(c), http, frontend);
        LogFormat errorFormat = compile(argument(c.rules().errorLogFormat()), http, frontend);
        LogFormat sdFormat = compile(argument(c.rules().logFormatSd()), http, frontend);
        return new AccessLog(frontend, format, errorFormat, sdFormat, sink);
    }

    private static String argument(Directive d) {
        return d == null ? null : d.args().get(0);
    }

    private static LogFormat compile(String text, boolean http, Proxy frontend) {
        try {
            return text == null ? null : LogFormat.compile(text, http);
        } catch (LogFormatException e) {
            // the configuration check compiled the same text already
            throw new IllegalStateException("log format of " + frontend.name() + ": " + e.getMessage(), e);
        }
    }

    static boolean hasTargets(List<Directive> logs, List<Directive> globalLogs) {
        for (Directive d : logs) {
            if (!d.args().isEmpty() && d.args().get(0).equals("global")) {
                if (!globalLogs.isEmpty()) {
                    return true;
                }
            } else {
                return true;
            }
        }
        return false;
    }

    /**
     * The format a proxy's settings select: its {@code log-format}, else the one of its
     * {@code option *log} (TCP frontends fall back to tcplog as HAProxy does), else null for the
     * legacy connection line.
     */
    public static String formatText(ProxyConfig c) {
        if (c.rules().logFormat() != null) {
            return c.rules().logFormat().args().get(0);
        }
        boolean http = c.mode() == ProxyMode.HTTP;
        for (String option : List.of("httplog-clf", "httplog", "httpslog", "tcplog")) {
            if (c.hasOption(option)) {
                return BuiltInFormats.forOption(http ? option : "tcplog");
            }
        }
        return null;
    }

    public Proxy frontend() {
        return frontend;
    }

    /** Whether lines are built per request/session; false for the legacy line written at accept. */
    public boolean hasFormat() {
        return format != null;
    }

    /** The {@code capture request header} lines, in {@code %hr} order. */
    public List<CapturedHeaders.Capture> requestCaptures() {
        return requestCaptures;
    }

    public List<CapturedHeaders.Capture> responseCaptures() {
        return responseCaptures;
    }

    /** Whether the session must hand its {@link LogEvent} a request view for {@code %[sample]}. */
    public boolean usesSamples() {
        return format != null && format.usesSamples();
    }

    /** A new event for one client connection, with room for this frontend's captures. */
    public LogEvent newEvent() {
        LogEvent e = new LogEvent();
        e.frontend = frontend;
        e.http = frontend.mode() == ProxyMode.HTTP;
        if (e.http && !requestCaptures.isEmpty()) {
            e.requestCaptures = new String[requestCaptures.size()];
        }
        if (e.http && !responseCaptures.isEmpty()) {
            e.responseCaptures = new String[responseCaptures.size()];
        }
        return e;
    }

    /** The next stream number ({@code %rt}). */
    public static long nextRequest() {
        return REQUESTS.getAndIncrement();
    }

    /**
     * HAProxy's line for a frontend without format, at accept time:
     * {@code Connect from 127.0.0.1:56228 to 127.0.0.1:28085 (fe/TCP)}.
     */
    public void accepted(InetSocketAddress client, InetSocketAddress local) {
        if (format != null) {
            return;
        }
        StringBuilder sb = line();
        String mode = frontend.mode() == ProxyMode.HTTP ? "HTTP" : "TCP";
        if (client == null || client.getAddress() == null) {
            sb.append("Connect from unknown source to listener ").append(frontend.id());
        } else {
            sb.append("Connect from ").append(client.getAddress().getHostAddress()).append(':').append(client.getPort())
                    .append(" to ");
            LogText.address(sb, local, 0);
            sb.append(':').append(local == null ? 0 : local.getPort());
        }
        sb.append(" (").append(frontend.name()).append('/').append(mode).append(')');
        sink.log(frontend, AccessLogSink.INFO, sb.toString());
    }

    /**
     * The line of a finished request or session, filtered as HAProxy's {@code strm_log}:
     * {@code dontlognull} drops sessions that received nothing, {@code dontlog-normal} keeps only
     * errors, {@code log-separate-errors} raises errors to {@code err}.
     */
    public void finished(LogEvent e) {
        if (format == null) {
            return;
        }
        if (dontLogNull && e.bytesFromClient == 0) {
            return;
        }
        boolean error = e.isError();
        if (dontLogNormal && !error) {
            return;
        }
        StringBuilder sb = line();
        long count = lines.getAndIncrement();
        format.render(e, sb, count);
        send(error && separateErrors ? AccessLogSink.ERR : AccessLogSink.INFO, sb, e, count);
    }

    /**
     * The line of a connection that failed before any request, as HAProxy's
     * {@code session_kill_embryonic}: its {@code error-log-format}, else
     * {@code 127.0.0.1:50326 [23/Nov/2026:22:48:23.544] fe/1: SSL handshake failure}, at
     * {@code info} ({@code err} under {@code log-separate-errors}); {@code dontlognull} hides a
     * client that closed without a word. {@code e} holds the connection's facts; this sets what
     * its line shows of the request that never came.
     *
     * @param bind the {@code bind} line's {@code name}, else its listener's number in the frontend
     */
    public void connectionFailed(LogEvent e, ConnectionError error, String bind) {
        if (format == null || (dontLogNull && error.isNull())) {
            return;
        }
        e.connectionError = error.code();
        e.status = 0;
        e.endedBy = LogEvent.END_PROXY;
        e.endedAt = LogEvent.AT_REQUEST;
        e.activeMillis = 0;
        e.totalMillis = e.handshakeMillis;
        int level = separateErrors ? AccessLogSink.ERR : AccessLogSink.INFO;
        StringBuilder sb = line();
        if (errorFormat != null) {
            long count = lines.getAndIncrement();
            errorFormat.render(e, sb, count);
            send(level, sb, e, count);
            return;
        }
        LogText.address(sb, e.client, 0);
        sb.append(':');
        LogText.port(sb, e.client, 0);
        sb.append(" [");
        LogDates.current().appendLocal(sb, e.acceptEpochMillis);
        sb.append("] ").append(frontend.name()).append('/').append(bind).append(": ").append(error.message());
        sink.log(frontend, level, sb.toString());
    }

    private void send(int level, StringBuilder line, LogEvent e, long count) {
        if (sdFormat == null) {
            sink.log(frontend, level, line.toString());
            return;
        }
        StringBuilder sd = SD.get();
        sd.setLength(0);
        sdFormat.render(e, sd, count);
        sink.log(frontend, level, line.toString(), sd.toString());
    }

    private static StringBuilder line() {
        StringBuilder sb = LINE.get();
        sb.setLength(0);
        return sb;
    }
}
