package io.tollgate.engine.config;

import java.util.List;

/**
 * {@code [no] option <name> [args]}. Tollgate acts on the connection mode
 * ({@code http-keep-alive}, {@code http-server-close}, {@code httpclose}), {@code forwardfor},
 * the log options ({@code httplog [clf]}, {@code httpslog}, {@code tcplog}, {@code dontlognull},
 * {@code dontlog-normal}, {@code log-separate-errors})
 * {@code redispatch}, {@code allbackups}, {@code persist}, {@code log-health-checks} and the health-check types ({@code httpchk},
 * {@code tcp-check}, {@link ProtocolCheckOptions the protocol checks}); the other real options are ignored
 * with a warning (logging, TCP and HTTP tunables, health-check types that a later issue
 * implements) or refused when they change which server is used ({@code transparent}). Options
 * HAProxy 2.6 itself removed get its message.
 */
final class OptionKeywords {
    /** Boolean options (HAProxy's cfg_opts/cfg_opts2) that only tune or log. */
    private static final List<String> IGNORED_FLAGS = List.of("abortonclose", "checkcache", "clitcpka", "contstats",
            "http-buffer-request", "http-ignore-probes", "idle-close-on-response", "prefer-last-server", "logasap",
            "nolinger", "srvtcpka", "tcpka", "splice-request", "splice-response", "splice-auto",
            "accept-invalid-http-request", "accept-invalid-http-response",
            "socket-stats", "tcp-smart-accept", "tcp-smart-connect", "independent-streams",
            "http-use-proxy-header", "http-pretend-keepalive", "http-no-delay", "h1-case-adjust-bogus-client",
            "h1-case-adjust-bogus-server", "disable-h2-upgrade");
    /** Options with arguments that only add headers or configure health checks (a later issue). */
    private static final List<String> IGNORED_WITH_ARGS = List.of("ldap-check", "spop-check",
            "external-check", "originalto", "http-restrict-req-hdr-names");
    private static final List<String> LOG_FORMATS = List.of("httplog", "httpslog", "tcplog");
    /** They change which server gets a connection. */
    private static final List<String> REFUSED = List.of("transparent");

    private static final KeywordTable<ProxyState> OPTIONS = options();

    private OptionKeywords() {
    }

    static void register(KeywordTable<ProxyState> table) {
        table.add("option", OptionKeywords::option);
    }

    private static void option(Line line, ProxyState proxy, Problems problems) throws KeywordException {
        String name = line.arg(1);
        if (name.isEmpty()) {
            throw new KeywordException("'option' expects an option name.");
        }
        Keyword<ProxyState> parser = OPTIONS.find(name).orElseThrow(() -> {
            String best = OPTIONS.suggest(name, List.of());
            return new KeywordException("unknown option '" + name + "'"
                    + (best == null ? "." : "; did you mean '" + best + "' maybe ?"));
        });
        parser.parse(line, proxy, problems);
    }

    private static KeywordTable<ProxyState> options() {
        KeywordTable<ProxyState> t = new KeywordTable<>();
        t.add("http-keep-alive", connectionMode(HttpConnectionMode.KEEP_ALIVE));
        t.add("http-server-close", connectionMode(HttpConnectionMode.SERVER_CLOSE));
        t.add("httpclose", connectionMode(HttpConnectionMode.CLOSE));
        t.add("forwardfor", notNegatable(ForwardForOption::parse));
        t.add("httplog", notNegatable(OptionKeywords::httplog));
        t.add("httpslog", notNegatable(logFormat("httpslog")));
        t.add("tcplog", notNegatable(logFormat("tcplog")));
        t.add("dontlognull", Capabilities.frontend(flag("dontlognull")));
        t.add("dontlog-normal", Capabilities.frontend(flag("dontlog-normal")));
        t.add("log-separate-errors", Capabilities.frontend(flag("log-separate-errors")));
        t.add("redispatch", Capabilities.backend(OptionKeywords::redispatch));
        t.add("allbackups", Capabilities.backend(flag("allbackups")));
        t.add("persist", Capabilities.backend(flag("persist")));
        // each check that changes a server's status or health is logged, and state changes lose their reason
        t.add("log-health-checks", Capabilities.backend(flag("log-health-checks")));
        t.add("forceclose", removed("option '%s' is not supported any more since HAProxy 2.0, please just remove it, "
                + "or use 'option httpclose' if absolutely needed."));
        t.add("http-tunnel", removed("option '%s' is not supported any more since HAProxy 2.1, please just remove it, "
                + "it shouldn't be needed."));
        t.add("http_proxy", removed("option '%s' is not supported any more since HAProxy 2.5. This option stopped "
                + "working in HAProxy 1.9 and usually had nasty side effects. It can be more reliably implemented "
                + "with combinations of 'http-request set-dst' and 'http-request set-uri', and even "
                + "'http-request do-resolve' if DNS resolution is desired."));
        t.add("httpchk", Capabilities.backend(HttpCheckKeywords::option));
        t.add("mysql-check", notNegatable(Capabilities.backend(ProtocolCheckOptions::mysql)));
        t.add("pgsql-check", notNegatable(Capabilities.backend(ProtocolCheckOptions::pgsql)));
        t.add("redis-check", notNegatable(Capabilities.backend(ProtocolCheckOptions::redis)));
        t.add("smtpchk", notNegatable(Capabilities.backend(ProtocolCheckOptions::smtp)));
        t.add("ssl-hello-chk", notNegatable(Capabilities.backend(ProtocolCheckOptions::sslHello)));
        t.add("tcp-check", Capabilities.backend(notNegatable(TcpCheckKeywords::option)));
        IGNORED_FLAGS.forEach(o -> t.add(o, ignored(o)));
        IGNORED_WITH_ARGS.forEach(o -> t.add(o, ignored(o)));
        REFUSED.forEach(o -> t.add(o, Unsupported.refused("option " + o)));
        return t;
    }

    private static Keyword<ProxyState> connectionMode(HttpConnectionMode mode) {
        return (line, proxy, problems) -> {
            Args.atMost(line, 1, "option " + line.arg(1));
            if (!line.isNegated()) {
                proxy.httpConnectionMode = mode;
            } else if (proxy.httpConnectionMode == mode) {
                proxy.httpConnectionMode = HttpConnectionMode.KEEP_ALIVE;
            }
        };
    }

    private static void httplog(Line line, ProxyState proxy, Problems problems) throws KeywordException {
        if (line.has(2) && !line.arg(2).equals("clf")) {
            throw new KeywordException("'option httplog' only supports the 'clf' option (got '" + line.arg(2) + "').");
        }
        Args.atMost(line, 2, "option httplog");
        logFormat("httplog").parse(line, proxy, problems);
        if (line.has(2) && proxy.options.contains("httplog")) {
            proxy.options.add("httplog-clf");
        }
    }

    /**
     * The access-log formats replace one another, as in HAProxy where the last one wins (with a
     * warning inside a defaults section); a backend does not log, so there they are ignored.
     */
    private static Keyword<ProxyState> logFormat(String option) {
        return (line, proxy, problems) -> {
            if (!option.equals("httplog")) {
                Args.atMost(line, 1, "option " + option);
            }
            if (!proxy.isFrontend()) {
                problems.warn(line.source(), "backend '" + proxy.name + "' : 'option " + option
                        + "' directive is ignored in backends.");
                return;
            }
            String previous = LOG_FORMATS.stream().filter(proxy.options::contains).reduce((a, b) -> b).orElse(null);
            if (previous != null && proxy.isDefaults()) {
                String label = previous.equals("httplog") && proxy.options.contains("httplog-clf") ? "httplog clf" : previous;
                problems.warn(line.source(), "'option " + String.join(" ", line.from(1)) + "' overrides previous 'option "
                        + label + "' in 'defaults' section.");
            }
            proxy.options.removeAll(List.of("httplog", "httplog-clf", "httpslog", "tcplog"));
            proxy.logFormat = null;
            proxy.options.add(option);
            proxy.logOptionSource = line.source();
        };
    }

    private static Keyword<ProxyState> flag(String option) {
        return (line, proxy, problems) -> {
            Args.atMost(line, 1, "option " + option);
            if (line.isNegated()) {
                proxy.options.remove(option);
            } else {
                proxy.options.add(option);
            }
        };
    }

    /** {@code option redispatch [<interval>]}; the interval is checked but not used yet. */
    private static void redispatch(Line line, ProxyState proxy, Problems problems) throws KeywordException {
        if (line.has(2)) {
            Args.integer(line, 2, "option redispatch", Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
        Args.atMost(line, 2, "option redispatch");
        flag("redispatch").parse(new Line(line.source(), line.from(0).subList(0, 2), line.modifier()), proxy, problems);
    }

    private static Keyword<ProxyState> notNegatable(Keyword<ProxyState> parser) {
        return (line, proxy, problems) -> {
            if (line.modifier() != Line.Modifier.NONE) {
                throw new KeywordException("negation/default is not supported for option '" + line.arg(1) + "'.");
            }
            parser.parse(line, proxy, problems);
        };
    }

    private static Keyword<ProxyState> ignored(String option) {
        return (line, proxy, problems) ->
                problems.warn(line.source(), Unsupported.ignoredMessage((line.isNegated() ? "no " : "") + "option " + option));
    }

    private static Keyword<ProxyState> removed(String message) {
        return (line, proxy, problems) -> {
            throw new KeywordException(message.replace("%s", line.arg(1)));
        };
    }
}
