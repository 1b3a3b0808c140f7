package io.tollgate.console.stats;

import io.tollgate.engine.api.StatsPage;
import io.tollgate.engine.api.StatsPageRequest;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Draws the HTML stats page with Thymeleaf ({@code templates/stats/page.html}) for the engine,
 * which calls {@link #render} on an event loop. Drawing a large page takes a good part of a
 * second, so it happens on one daemon thread of this object's own, fed by a short queue: when
 * that is full the page fails at once (the engine answers 500) rather than piling work up.
 * Closing stops the thread and fails what was still waiting.
 */
public final class ThymeleafStatsPage implements StatsPage, AutoCloseable {
    /** Pages waiting to be drawn; a browser or two refreshing never comes close. */
    private static final int QUEUE = 16;

    private final TemplateEngine templates = PageTemplates.create();
    private final String productName;
    private final String versionLine;
    private final ThreadPoolExecutor executor;

    /**
     * @param productName what the page's first heading says with {@code stats hide-version}
     * @param versionLine what it says otherwise, e.g. {@code Tollgate version 0.1.0, released 2026/11/23}
     */
    public ThymeleafStatsPage(String productName, String versionLine) {
        this.productName = productName;
        this.versionLine = versionLine;
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE),
                task -> {
                    Thread t = new Thread(task, "tollgate-stats-page");
                    t.setDaemon(true);
                    return t;
                });
    }

    @Override
    public CompletableFuture<String> render(StatsPageRequest request) {
        Drawing drawing = new Drawing(request);
        try {
            executor.execute(drawing);
        } catch (RejectedExecutionException e) {
            drawing.page.completeExceptionally(e);
        }
        return drawing.page;
    }

    /** The page for {@code request}, drawn on the caller's thread (the executor's, and tests'). */
    String draw(StatsPageRequest request) {
        Context context = new Context(Locale.ROOT);
        context.setVariable("page", PageView.of(request, productName, versionLine));
        return templates.process(PageTemplates.PAGE, context);
    }

    @Override
    public void close() {
        List<Runnable> waiting = executor.shutdownNow();
        for (Runnable task : waiting) {
            ((Drawing) task).page.completeExceptionally(new RejectedExecutionException("the stats page is closed"));
        }
    }

    @Override
    public String toString() {
        return "stats page";
    }

    /** One page to draw, and the future its requester waits on. */
    private final class Drawing implements Runnable {
        final CompletableFuture<String> page = new CompletableFuture<>();
        private final StatsPageRequest request;

        Drawing(StatsPageRequest request) {
            this.request = request;
        }

        @Override
        public void run() {
            try {
                page.complete(draw(request));
            } catch (RuntimeException e) { // a template error must still answer its request
                page.completeExceptionally(e);
            } catch (Error e) {
                page.completeExceptionally(e);
                throw e;
            }
        }
    }
}
