package io.tollgate.engine.net;

import io.tollgate.engine.runtime.Proxy;
import io.tollgate.engine.runtime.Server;
import io.tollgate.engine.stats.HiddenServers;
import io.tollgate.engine.stats.StatField;
import io.tollgate.engine.stats.StatRow;
import io.tollgate.engine.stats.RowType;
import io.tollgate.engine.stats.StatsSnapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The options after a stats URI (FORMATS §7.2), found anywhere after the prefix as HAProxy finds
 * them: the format ({@code ;csv}, {@code ;json}, {@code ;typed}, else the HTML page),
 * {@code ;up} (hide servers that are not up), {@code ;no-maint} (hide servers in maintenance),
 * {@code ;norefresh}, {@code ;st=<code>} after an action, and {@code scope=<text>} (a
 * case-insensitive part of proxy names, at most 20 characters, ended by {@code ;}, {@code &} or a
 * space).
 */
record StatsQuery(Format format, boolean up, boolean noMaint, boolean noRefresh, String result, String scope) {
    enum Format { HTML, CSV, JSON, TYPED }

    private static final int SCOPE_MAX = 20;

    static StatsQuery parse(String rest) {
        Format format = Format.HTML;
        if (rest.contains(";csv")) {
            format = Format.CSV;
        } else if (rest.contains(";json")) {
            format = Format.JSON;
        } else if (rest.contains(";typed")) {
            format = Format.TYPED;
        }
        return new StatsQuery(format, rest.contains(";up"), rest.contains(";no-maint"), rest.contains(";norefresh"),
                value(rest, ";st=", 4), value(rest, "scope=", SCOPE_MAX));
    }

    private static String value(String rest, String key, int max) {
        int at = rest.indexOf(key);
        if (at < 0) {
            return null;
        }
        int start = at + key.length();
        int end = start;
        while (end < rest.length() && end - start < max && ";& ".indexOf(rest.charAt(end)) < 0) {
            end++;
        }
        return rest.substring(start, end);
    }

    /**
     * The rows this query and the page's {@code stats scope} lines let through: proxies in scope
     * ({@code .} is the serving proxy), servers hidden by {@code ;up} and {@code ;no-maint}; the
     * legend columns ({@code addr}, {@code cookie}, {@code algo}) only with {@code stats show-legends}.
     */
    StatsSnapshot filter(StatsSnapshot snapshot, Proxy serving, List<String> scopes, boolean legends) {
        List<StatRow> rows = new ArrayList<>();
        for (StatRow r : snapshot.rows()) {
            if (!inScope(r.proxyName(), serving.name(), scopes)) {
                continue;
            }
            if (r.type() == RowType.SERVER) {
                Proxy backend = serving.peer(r.proxyName());
                Server s = backend == null ? null : backend.server(r.svname());
                if (s != null && HiddenServers.hidden(s, up, noMaint)) {
                    continue;
                }
            }
            // over HTTP, HAProxy fills these only with "stats show-legends" (the CLI always does)
            rows.add(legends ? r : r.without(StatField.ADDR, StatField.COOKIE, StatField.ALGO));
        }
        return new StatsSnapshot(snapshot.takenAtMillis(), rows);
    }

    private boolean inScope(String proxy, String servingProxy, List<String> scopes) {
        if (!scopes.isEmpty() && !scopes.contains(proxy) && !(scopes.contains(".") && proxy.equals(servingProxy))) {
            return false;
        }
        return scope == null || scope.isEmpty()
                || proxy.toLowerCase(Locale.ROOT).contains(scope.toLowerCase(Locale.ROOT));
    }
}
