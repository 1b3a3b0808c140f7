package io.tollgate.engine.config;

import java.util.List;

/**
 * Checks, once every proxy is known, that each {@code track-sc*} and {@code stick} rule names a table that exists:
 * its {@code table <name>}, or else its own proxy's {@code stick-table}, as HAProxy's
 * check_config_validity() does.
 */
final class TableReferences {
    private TableReferences() {
    }

    static void check(List<ProxyState> proxies, Problems problems) {
        for (ProxyState proxy : proxies) {
            for (Directive d : proxy.httpRequestRules) {
                check(proxy, d.args(), 0, proxies, problems);
            }
            for (Directive d : proxy.httpResponseRules) {
                check(proxy, d.args(), 0, proxies, problems);
            }
            for (Directive d : proxy.tcpRequestRules) {
                check(proxy, d.args(), 1, proxies, problems);
            }
            for (Directive d : proxy.stickRules) {
                String table = ProxyRules.stickTableName(d.args(), proxy.name);
                if (!hasTable(proxies, table)) {
                    problems.alert(null, "Proxy '" + proxy.name + "': unable to find stick-table '" + table + "'.");
                }
            }
        }
    }

    private static boolean hasTable(List<ProxyState> proxies, String table) {
        return proxies.stream().anyMatch(p -> p.name.equals(table) && p.stickTable != null);
    }

    private static void check(ProxyState proxy, List<String> args, int actionAt, List<ProxyState> proxies,
                              Problems problems) {
        if (args.size() <= actionAt || !args.get(actionAt).startsWith("track-sc")) {
            return;
        }
        String action = args.get(actionAt);
        int tableAt = args.indexOf("table");
        String table = tableAt > actionAt && tableAt + 1 < args.size() ? args.get(tableAt + 1) : proxy.name;
        if (!hasTable(proxies, table)) {
            problems.alert(null, "Proxy '" + proxy.name + "': unable to find table '" + table + "' referenced by "
                    + action + ".");
        }
    }
}
