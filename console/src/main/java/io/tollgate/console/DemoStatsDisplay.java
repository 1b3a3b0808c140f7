package io.tollgate.console;

import io.tollgate.engine.stats.CsvStatsWriter;
import io.tollgate.engine.stats.StatsRegistry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The demo's counters on the terminal, until the stats page exists: the full stats CSV each time
 * Enter is pressed, and a short summary every {@code period} seconds. Snapshots are taken on this
 * class's own threads, never on an event loop. When standard input ends (closed, or
 * {@code </dev/null}) the key reader simply stops; the periodic summary goes on.
 */
final class DemoStatsDisplay implements AutoCloseable {

    private final StatsRegistry stats;
    private final PrintWriter out;
    private final ScheduledExecutorService summaries;
    private final Thread keys;

    private DemoStatsDisplay(StatsRegistry stats, PrintWriter out, InputStream keyboard) {
        this.stats = stats;
        this.out = out;
        this.summaries = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "demo-stats-summary");
            t.setDaemon(true);
            return t;
        });
        this.keys = new Thread(() -> readKeys(keyboard), "demo-stats-keys");
        this.keys.setDaemon(true);
    }

    static DemoStatsDisplay start(StatsRegistry stats, PrintWriter out, InputStream keyboard, long periodSeconds) {
        DemoStatsDisplay display = new DemoStatsDisplay(stats, out, keyboard);
        display.summaries.scheduleAtFixedRate(display::printSummary, periodSeconds, periodSeconds, TimeUnit.SECONDS);
        display.keys.start();
        return display;
    }

    private void readKeys(InputStream keyboard) {
        BufferedReader lines = new BufferedReader(new InputStreamReader(keyboard, StandardCharsets.UTF_8));
        try {
            while (lines.readLine() != null) {
                printCsv();
            }
        } catch (IOException e) {
            // standard input is gone; the summaries still tell the story
        }
    }

    private void printCsv() {
        print(() -> new CsvStatsWriter().write(stats.snapshot()));
    }

    private void printSummary() {
        print(() -> StatsSummaryWriter.write(stats.snapshot()));
    }

    /** Prints one rendering; a failure is reported and must not end the reader or the schedule. */
    private void print(Supplier<String> rendering) {
        String text;
        try {
            text = rendering.get();
        } catch (RuntimeException e) {
            text = "[WARNING] cannot read counters: " + e + System.lineSeparator();
        }
        synchronized (out) {
            out.print(text);
            out.flush();
        }
    }

    @Override
    public void close() {
        summaries.shutdownNow();
        keys.interrupt();
        try {
            summaries.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "demo counters display";
    }
}
