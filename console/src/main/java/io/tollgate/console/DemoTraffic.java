package io.tollgate.console;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The demo's light traffic: a few requests per second to the frontend, cycling through
 * {@code /}, {@code /ms1/x} and {@code /ms2/y}, so every counter moves. It is an ordinary client on
 * its own threads (one scheduler, one small pool for the JDK's {@link HttpClient}); it shares
 * nothing with the engine's event loops. No cookie store: each request is balanced afresh.
 * At most a few requests are in flight: a tick is skipped while earlier ones are still pending.
 */
final class DemoTraffic implements AutoCloseable {

    static final List<String> PATHS = List.of("/", "/ms1/x", "/ms2/y");

    private static final int MAX_IN_FLIGHT = 8;

    private final URI base;
    private final ScheduledExecutorService ticker;
    private final ExecutorService clientThreads;
    private final HttpClient client;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private long next;

    private DemoTraffic(URI base) {
        this.base = base;
        this.ticker = Executors.newSingleThreadScheduledExecutor(daemon("demo-traffic"));
        this.clientThreads = Executors.newFixedThreadPool(2, daemon("demo-traffic-client"));
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .executor(clientThreads)
                .build();
    }

    /** Starts sending {@code perSecond} requests a second to {@code base} (e.g. {@code http://127.0.0.1:9001}). */
    static DemoTraffic start(URI base, int perSecond) {
        DemoTraffic traffic = new DemoTraffic(base);
        long periodMicros = 1_000_000L / Math.max(1, perSecond);
        traffic.ticker.scheduleAtFixedRate(traffic::sendOne, periodMicros, periodMicros, TimeUnit.MICROSECONDS);
        return traffic;
    }

    private void sendOne() {
        if (inFlight.get() >= MAX_IN_FLIGHT) {
            return;
        }
        String path = PATHS.get((int) (next++ % PATHS.size()));
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(5))
                .header("User-Agent", "tollgate-demo-traffic")
                .GET()
                .build();
        inFlight.incrementAndGet();
        sent.incrementAndGet();
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .whenComplete((response, error) -> {
                    inFlight.decrementAndGet();
                    if (error == null && response.statusCode() < 500) {
                        answered.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                    }
                });
    }

    long sent() {
        return sent.get();
    }

    long answered() {
        return answered.get();
    }

    long failed() {
        return failed.get();
    }

    /** Stops sending; requests still in flight are abandoned. */
    @Override
    public void close() {
        ticker.shutdownNow();
        clientThreads.shutdownNow();
        try {
            ticker.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "demo traffic";
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
