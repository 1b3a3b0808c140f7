package io.tollgate.engine.config;

import io.tollgate.engine.log.AccessLog;
import io.tollgate.engine.log.LogFormat;
import io.tollgate.engine.log.LogFormatException;

import java.util.List;

/**
 * {@code log-format <fmt>}: the frontend's access-log format, replacing any {@code option *log}
 * (the last one wins, as in HAProxy). The string is compiled once the section's mode is known,
 * with HAProxy's errors ({@code Parsing [file:line]: failed to parse log-format : ...}).
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
        if (http && proxy.hasOption("httpslog")) {
            problems.warn(null, "frontend '" + proxy.name() + "' : 'option httpslog' is not acted on yet by Tollgate: "
                    + "its lines use the 'option httplog' format.");
        }
        String text = AccessLog.formatText(proxy);
        if (text == null) {
            return;
        }
        try {
            LogFormat.compile(text, http);
        } catch (LogFormatException e) {
            Source where = proxy.rules().logFormat() != null ? proxy.rules().logFormat().source() : proxy.source();
            problems.alert(null, "Parsing [" + where + "]: failed to parse log-format : " + e.getMessage() + ".");
        }
    }
}
