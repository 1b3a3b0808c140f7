package io.tollgate.engine.api;

import io.tollgate.engine.config.StatsSettings;
import io.tollgate.engine.stats.StatsSnapshot;

/**
 * What one HTML stats page shows: the rows the URL's options and the page's scope let through,
 * the page's settings, and the request's place and rights.
 *
 * @param snapshot    the rows to show, already filtered ({@code ;up}, {@code ;no-maint}, scopes)
 * @param settings    the serving proxy's {@code stats} lines
 * @param proxyName   the proxy serving the page
 * @param baseUri     the page's URI ({@code stats uri}), for links and forms
 * @param up          {@code ;up}: hide servers that are not up
 * @param noMaint     {@code ;no-maint}
 * @param noRefresh   {@code ;norefresh}
 * @param scope       {@code scope=} text, or null
 * @param result      {@code ;st=} code of a previous action, or null
 * @param admin       whether the request may act ({@code stats admin})
 * @param user        the authenticated user, or null
 * @param process     the process block's figures
 * @param csrfToken   the token the page's action form must post back (field {@code token}); null without admin rights
 */
public record StatsPageRequest(StatsSnapshot snapshot, StatsSettings settings, String proxyName, String baseUri,
                               boolean up, boolean noMaint, boolean noRefresh, String scope, String result,
                               boolean admin, String user, ProcessInfo process, String csrfToken) {
}
