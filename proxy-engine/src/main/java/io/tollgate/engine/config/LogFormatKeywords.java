package io.tollgate.engine.config;

import io.tollgate.engine.log.AccessLog;
import io.tollgate.engine.log.LogFormat;
import io.tollgate.engine.log.LogFormatException;

import java.util.List;

/**
 * {@code log-format <fmt>}: the frontend's access-log format, replacing any {@code option *log}
 * (the last one wins, as in HAProxy); {@code error-log-format <fmt>}: the line of a connection
 * that fails before any request (a TLS handshake); {@code log-format-sd <fmt>}: the structured
 * data of its lines on {@code format rfc5424} targets. The strings are compiled once the
 * section's mode is known, with HAProxy's errors
 * ({@code Parsing [file:line]: failed to parse log-format : ...}).
 */
final class LogFormatKeywords {
    private LogFormatKeywords() {
    }

    static void register(KeywordTable<ProxyState> table) {
        table.add("log-format", (line, proxy, problems) -> {
            if (line.arg(1).isEmpty()) {
                throw new KeywordException("log-format expects an argument.");
            }
            if (line.has(2)) {
                throw new KeywordException("log-format expects only one argument, don't forget to escape spaces!");
            }
            if (!proxy.isFrontend()) {
                problems.warn(line.source(), "backend '" + proxy.name + "' : 'log-format' directive is ignored in backends.");
                return;
            }
            proxy.options.removeAll(List.of("httplog", "httplog-clf", "httpslog", "tcplog"));
            proxy.logFormat = line.toDirective();
        });
        table.add("error-log-format", (line, proxy, problems) -> {
            if (oneFormat(line, proxy, problems)) {
                proxy.errorLogFormat = line.toDirective();
            }
        });
        table.add("log-format-sd", (line, proxy, problems) -> {
            if (oneFormat(line, proxy, problems)) {
                proxy.logFormatSd = line.toDirective();
            }
        });
    }

    /** HAProxy's checks of a format keyword's one argument; false when a backend ignores it. */
    private static boolean oneFormat(Line line, ProxyState proxy, Problems problems) throws KeywordException {
        String keyword = line.arg(0);
        if (line.arg(1).isEmpty()) {
            throw new KeywordException(keyword + " expects an argument.");
        }
        if (line.has(2)) {
            throw new KeywordException(keyword + " expects only one argument, don't forget to escape spaces!");
        }
        if (!proxy.isFrontend()) {
            problems.warn(line.source(), "backend '" + proxy.name + "' : '" + keyword + "' directive is ignored in backends.");
            return false;
        }
        return true;
    }

    /**
     * After the sections are read: a frontend's format compiles for its mode; an HTTP log option
     * in a TCP frontend falls back to tcplog with HAProxy's warning.
     */
    static void check(ProxyState state, ProxyConfig proxy, Problems problems) {
        if (!proxy.kind().isFrontend()) {
            return;
        }
        boolean http = proxy.mode() == ProxyMode.HTTP;
        if (!http && proxy.rules().logFormat() == null) {
            for (String option : List.of("httplog", "httpslog")) {
                if (proxy.hasOption(option)) {
                    Source where = state.logOptionSource != null ? state.logOptionSource : proxy.source();
                    problems.warn(null, "parsing [" + where + "] : 'option " + option
                            + "' not usable with frontend '" + proxy.name() + "' (needs 'mode http'). Falling back to 'option tcplog'.");
                }
            }
        }
        Directive logFormat = proxy.rules().logFormat();
        String text = AccessLog.formatText(proxy);
        if (text != null) {
            compile("log-format", text, logFormat != null ? logFormat.source() : proxy.source(), http, problems);
        }
        Directive sd = proxy.rules().logFormatSd();
        if (sd != null) {
            // HAProxy names the log-format line here (or none): it keeps one place per proxy for both
            compile("log-format-sd", sd.args().get(0), logFormat != null ? logFormat.source() : null, http, problems);
        }
        Directive error = proxy.rules().errorLogFormat();
        if (error != null) {
            compile("error-log-format", error.args().get(0), error.source(), http, problems);
        }
    }

    private static void compile(String keyword, String text, Source where, boolean http, Problems problems) {
        try {
            LogFormat.compile(text, http);
        } catch (LogFormatException e) {
            problems.alert(null, "Parsing [" + (where == null ? "(null):0" : where) + "]: failed to parse " + keyword
                    + " : " + e.getMessage() + ".");
        }
    }
}
