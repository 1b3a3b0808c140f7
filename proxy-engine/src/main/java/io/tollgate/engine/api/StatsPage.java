package io.tollgate.engine.api;

import java.util.concurrent.CompletableFuture;

/**
 * Draws the HTML stats page (the console's job: the engine serves the exports itself). Called
 * on an event loop for each page request that passed the page's access rules; it must not block
 * the caller, so an implementation renders on a thread of its own and completes the future with
 * the page, which the engine then sends as {@code text/html}.
 */
public interface StatsPage {
    CompletableFuture<String> render(StatsPageRequest request);
}
