package io.tollgate.engine.config;

import java.util.List;

/**
 * {@code stats ...} in proxies: the stats page settings (FORMATS.md section 7.1). Each line is
 * checked with HAProxy's rules and kept as a {@link Directive} for the stats-page issue. As in
 * HAProxy, a proxy's first {@code stats} line replaces whatever its defaults section set.
 */
final class StatsKeywords {
    private static final String EXPECTS = "expects 'admin', 'uri', 'realm', 'auth', 'scope', 'enable', "
            + "'hide-version', 'show-node', 'show-desc' or 'show-legends'.";

    private static final KeywordTable<ProxyState> SUB = sub();

    private StatsKeywords() {
    }

    static void register(KeywordTable<ProxyState> table) {
        table.add("stats", StatsKeywords::stats);
    }

    private static void stats(Line line, ProxyState proxy, Problems problems) throws KeywordException {
        String sub = line.arg(1);
        if (sub.isEmpty()) {
            throw new KeywordException("missing keyword in 'stats', " + EXPECTS);
        }
        Keyword<ProxyState> parser = SUB.find(sub).orElseThrow(
                () -> new KeywordException("unknown stats parameter '" + sub + "', " + EXPECTS));
        if (proxy.statsInherited) {
            proxy.stats.clear();
            proxy.statsInherited = false;
        }
        parser.parse(line, proxy, problems);
        proxy.stats.add(line.toDirective());
    }

    private static KeywordTable<ProxyState> sub() {
        KeywordTable<ProxyState> t = new KeywordTable<>();
        t.add("admin", notInDefaults((line, proxy, problems) -> condition(line, proxy)));
        t.add("http-request", notInDefaults(StatsKeywords::httpRequest));
        t.add("uri", needs("'uri' needs an URI prefix."));
        t.add("realm", needs("'realm' needs an realm name."));
        t.add("scope", needs("'scope' needs a proxy name."));
        t.add("auth", (line, proxy, problems) -> {
            if (line.arg(2).indexOf(':') < 0) {
                throw new KeywordException("'auth' needs a user:password account.");
            }
        });
        t.add("refresh", (line, proxy, problems) -> Units.time(line.arg(2), "stats refresh", 1000));
        for (String flag : List.of("enable", "hide-version", "show-legends", "show-modules", "show-node", "show-desc")) {
            t.add(flag, (line, proxy, problems) -> { });
        }
        return t;
    }

    /** {@code stats http-request {allow | deny | auth [realm <realm>]} [{if | unless} <cond>]}. */
    private static void httpRequest(Line line, ProxyState proxy, Problems problems) throws KeywordException {
        String action = line.arg(2);
        int conditionAt = 3;
        switch (action) {
            case "allow", "deny" -> { }
            case "auth" -> {
                if (line.arg(3).equals("realm")) {
                    conditionAt = 5;
                }
            }
            default -> throw new KeywordException("'stats http-request' expects 'allow', 'deny', 'auth' (got '"
                    + action + "').");
        }
        AclConditions.check(line.from(conditionAt), proxy.acls, "stats http-request");
    }

    private static void condition(Line line, ProxyState proxy) throws KeywordException {
        List<String> condition = line.from(2);
        if (condition.isEmpty()) {
            throw new KeywordException("'stats admin' requires either 'if' or 'unless' followed by a condition.");
        }
        AclConditions.check(condition, proxy.acls, "stats admin");
    }

    private static Keyword<ProxyState> needs(String message) {
        return (line, proxy, problems) -> {
            if (line.arg(2).isEmpty()) {
                throw new KeywordException(message);
            }
        };
    }

    private static Keyword<ProxyState> notInDefaults(Keyword<ProxyState> parser) {
        return (line, proxy, problems) -> {
            if (proxy.isDefaults()) {
                throw new KeywordException("'stats " + line.arg(1) + "' not allowed in 'defaults' section.");
            }
            parser.parse(line, proxy, problems);
        };
    }
}
