package io.tollgate.console.stats;

import io.tollgate.engine.api.StatsPageRequest;

/**
 * The "Display option" links, each keeping the page's other options: the scope form, hide or
 * show DOWN servers ({@code ;up}), disable or enable refresh ({@code ;norefresh}, only with
 * {@code stats refresh}), refresh now, and the CSV and JSON exports.
 *
 * @param scope        the {@code scope=} text in the box, "" for none
 * @param scopeAction  where the scope form goes (the page with its options, the box adds {@code ?scope=})
 * @param refreshLink  null without {@code stats refresh}
 * @param liveLink     the JSON the page's script reads for live updates
 */
public record DisplayOptions(String scope, String scopeAction, String upLink, String upLabel, String refreshLink,
                             String refreshLabel, String nowLink, String csvLink, String jsonLink, String schemaLink,
                             String liveLink) {

    static DisplayOptions of(StatsPageRequest r) {
        String uri = r.baseUri();
        String scope = r.scope() == null ? "" : r.scope();
        // HAProxy adds "?scope=" even after a URI with a query (the default "/haproxy?stats"); the
        // engine finds "scope=" anywhere after the prefix, so the links work either way
        String scoped = scope.isEmpty() ? "" : "?scope=" + scope;
        boolean hasRefresh = r.settings().refreshSeconds() > 0;
        return new DisplayOptions(scope,
                page(uri, r.up(), r.noMaint(), r.noRefresh()),
                page(uri, !r.up(), r.noMaint(), r.noRefresh()) + scoped,
                r.up() ? "Show all servers" : "Hide 'DOWN' servers",
                hasRefresh ? page(uri, r.up(), r.noMaint(), !r.noRefresh()) + scoped : null,
                r.noRefresh() ? "Enable refresh" : "Disable refresh",
                page(uri, r.up(), r.noMaint(), r.noRefresh()) + scoped,
                uri + ";csv;norefresh" + scoped,
                uri + ";json;norefresh" + scoped,
                uri + ";json-schema",
                uri + ";json;norefresh" + scoped);
    }

    private static String page(String uri, boolean up, boolean noMaint, boolean noRefresh) {
        return uri + (up ? ";up" : "") + (noMaint ? ";no-maint" : "") + (noRefresh ? ";norefresh" : "");
    }
}
