package io.tollgate.engine.api;

/**
 * One scrape as the client asked for it.
 *
 * @param query  the request's query string without its {@code ?} ({@code scope=frontend&scope=server},
 *               {@code no-maint}), empty when there is none
 * @param accept the request's {@code Accept} header, or null (OpenMetrics is chosen from it)
 * @param head   true for a HEAD request: the reply's headers are sent without its body
 */
public record MetricsRequest(String query, String accept, boolean head) {
}
