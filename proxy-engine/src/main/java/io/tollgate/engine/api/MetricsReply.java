package io.tollgate.engine.api;

/**
 * What to answer a scrape: {@code status} 200 with the exposition, or an error status (a bad
 * {@code scope}) with a short text body, as HAProxy's exporter answers.
 *
 * @param contentType the {@code Content-Type} header's value
 */
public record MetricsReply(int status, String contentType, byte[] body) {
}
