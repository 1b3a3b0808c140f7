package io.tollgate.engine.api;

import java.util.concurrent.CompletableFuture;

/**
 * Renders the Prometheus exposition (the console's collector, built on simpleclient; the engine
 * knows nothing of Prometheus). The engine calls it on an event loop for each request that a
 * frontend's {@code http-request use-service prometheus-exporter} rule sent to it, so an
 * implementation renders on a thread of its own and completes the future; the engine then sends
 * the reply as it is.
 */
public interface MetricsPage {
    CompletableFuture<MetricsReply> render(MetricsRequest request);
}
