package io.tollgate.engine.stats;

import java.util.concurrent.atomic.LongAdder;

/**
 * The live counters of a backend or of one server (HAProxy's {@code be_counters}, which serves
 * both). Which event moves which field:
 * <ul>
 *   <li>a request waits for a free slot: {@code qcur} (while it waits), {@code qmax}; the time it
 *       waited feeds {@code qtime};</li>
 *   <li>a session is assigned here: {@code stot}, {@code rate}, {@code scur} (until it ends),
 *       {@code smax}, {@code lastsess}; chosen by the balancer: {@code lbtot};</li>
 *   <li>a connection attempt to a server: {@code connect}; reused from the pool: {@code reuse};
 *       failed: {@code econ}; retried: {@code wretr}; retried on another server: {@code wredis};
 *       the time it took feeds {@code ctime};</li>
 *   <li>bytes sent to / received from servers for clients: {@code bin} / {@code bout};</li>
 *   <li>HTTP requests forwarded: {@code req_tot}; responses by class: {@code hrsp_*}; time to
 *       the response headers: {@code rtime}; whole session: {@code ttime};</li>
 *   <li>the client aborted: {@code cli_abrt}; the server aborted: {@code srv_abrt} (and
 *       {@code eresp}); a bad or missing response: {@code eresp}.</li>
 * </ul>
 */
public final class BackendCounters {
    public final Gauge queued = new Gauge();
    public final Gauge sessions = new Gauge();
    public final LongAdder sessionsTotal = new LongAdder();
    public final RateCounter sessionRate;
    public final LongAdder lbTotal = new LongAdder();
    public final LongAdder bytesIn = new LongAdder();
    public final LongAdder bytesOut = new LongAdder();
    public final LongAdder deniedRequests = new LongAdder();
    public final LongAdder deniedResponses = new LongAdder();
    public final LongAdder connectionErrors = new LongAdder();
    public final LongAdder responseErrors = new LongAdder();
    public final LongAdder retries = new LongAdder();
    public final LongAdder redispatches = new LongAdder();
    public final LongAdder requestsTotal = new LongAdder();
    public final LongAdder clientAborts = new LongAdder();
    public final LongAdder serverAborts = new LongAdder();
    public final LongAdder connects = new LongAdder();
    public final LongAdder reuses = new LongAdder();
    public final LongAdder failedRewrites = new LongAdder();
    public final LongAdder internalErrors = new LongAdder();
    public final HttpStatusCounters responses = new HttpStatusCounters();
    public final SlidingAverage queueTime = new SlidingAverage();
    public final SlidingAverage connectTime = new SlidingAverage();
    public final SlidingAverage responseTime = new SlidingAverage();
    public final SlidingAverage totalTime = new SlidingAverage();
    /** Wall-clock ms of the last session assigned here; 0 when never. */
    private volatile long lastSessionMillis;
    private final Ticker ticker;

    public BackendCounters(Ticker ticker) {
        this.ticker = ticker;
        this.sessionRate = new RateCounter(ticker);
    }

    /** A session (TCP connection or HTTP request) was assigned here. */
    public void sessionStarted() {
        sessionsTotal.increment();
        sessionRate.increment();
        sessions.increment();
        lastSessionMillis = ticker.wallMillis();
    }

    /**
     * Another connection attempt for a session already counted here (a retry): HAProxy counts
     * every attempt in {@code stot}, but the session is still one in {@code scur}.
     */
    public void sessionRetried() {
        sessionsTotal.increment();
        sessionRate.increment();
        lastSessionMillis = ticker.wallMillis();
    }

    public void sessionEnded() {
        sessions.decrement();
    }

    /**
     * {@code clear counters}: the peaks HAProxy resets on a backend or server ({@code qmax},
     * {@code smax}, {@code rate_max} and the {@code *time_max} fields).
     */
    public void clearMaxima() {
        queued.clearMax();
        sessions.clearMax();
        sessionRate.clearMax();
        queueTime.clearMax();
        connectTime.clearMax();
        responseTime.clearMax();
        totalTime.clearMax();
    }

    /**
     * {@code clear counters all}: every counter back to zero as after a restart ({@code lastsess}
     * back to "never"), but not {@code qcur} and {@code scur}, which count what is waiting and
     * served now. Fields are reset one by one under traffic: a racing event may be kept or lost.
     */
    public void clearAll() {
        clearMaxima();
        sessionsTotal.reset();
        sessionRate.clear();
        for (LongAdder a : new LongAdder[] {lbTotal, bytesIn, bytesOut, deniedRequests, deniedResponses,
                connectionErrors, responseErrors, retries, redispatches, requestsTotal, clientAborts, serverAborts,
                connects, reuses, failedRewrites, internalErrors}) {
            a.reset();
        }
        responses.clear();
        queueTime.clear();
        connectTime.clear();
        responseTime.clear();
        totalTime.clear();
        lastSessionMillis = 0;
    }

    /** Seconds since the last session was assigned, or -1 when never, as {@code lastsess}. */
    public long secondsSinceLastSession() {
        long last = lastSessionMillis;
        return last == 0 ? -1 : Math.max(0, (ticker.wallMillis() - last) / 1000);
    }
}
