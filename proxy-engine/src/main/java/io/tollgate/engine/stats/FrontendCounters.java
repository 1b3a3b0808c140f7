package io.tollgate.engine.stats;

import java.util.concurrent.atomic.LongAdder;

/**
 * The live counters of a frontend (HAProxy's {@code fe_counters}), updated on the event loops
 * and read by {@link StatsRegistry} snapshots. Which event moves which field:
 * <ul>
 *   <li>a connection is accepted: {@code conn_tot}, {@code conn_rate}; it becomes a session:
 *       {@code stot}, {@code rate}, {@code scur} (until it closes), {@code smax};</li>
 *   <li>bytes read from / written to clients: {@code bin} / {@code bout};</li>
 *   <li>an HTTP request is parsed: {@code req_tot}, {@code req_rate}; a malformed one:
 *       {@code ereq}; its response: {@code hrsp_*};</li>
 *   <li>a request refused by a rule: {@code dreq}; a response refused: {@code dresp};
 *       answered by Tollgate itself (stats, redirects): {@code intercepted};</li>
 *   <li>a connection refused by {@code tcp-request connection}/{@code session}: {@code dcon}/
 *       {@code dses}; a failed header rewrite: {@code wrew}; an internal error: {@code eint}.</li>
 * </ul>
 */
public final class FrontendCounters {
    public final Gauge sessions = new Gauge();
    public final LongAdder sessionsTotal = new LongAdder();
    public final RateCounter sessionRate;
    public final LongAdder connectionsTotal = new LongAdder();
    public final RateCounter connectionRate;
    public final LongAdder requestsTotal = new LongAdder();
    public final RateCounter requestRate;
    public final LongAdder bytesIn = new LongAdder();
    public final LongAdder bytesOut = new LongAdder();
    public final LongAdder deniedRequests = new LongAdder();
    public final LongAdder deniedResponses = new LongAdder();
    public final LongAdder requestErrors = new LongAdder();
    public final LongAdder intercepted = new LongAdder();
    public final LongAdder deniedConnections = new LongAdder();
    public final LongAdder deniedSessions = new LongAdder();
    public final LongAdder failedRewrites = new LongAdder();
    public final LongAdder internalErrors = new LongAdder();
    public final HttpStatusCounters responses = new HttpStatusCounters();

    public FrontendCounters(Ticker ticker) {
        this.sessionRate = new RateCounter(ticker);
        this.connectionRate = new RateCounter(ticker);
        this.requestRate = new RateCounter(ticker);
    }

    /** A client connection was accepted and became a session. */
    public void sessionOpened() {
        connectionsTotal.increment();
        connectionRate.increment();
        sessionsTotal.increment();
        sessionRate.increment();
        sessions.increment();
    }

    public void sessionClosed() {
        sessions.decrement();
    }

    public void requestReceived() {
        requestsTotal.increment();
        requestRate.increment();
    }

    /**
     * {@code clear counters}: the peaks HAProxy's {@code cli_parse_clear_counters} resets on a
     * frontend ({@code smax}, {@code rate_max}, {@code req_rate_max}, {@code conn_rate_max}).
     */
    public void clearMaxima() {
        sessions.clearMax();
        sessionRate.clearMax();
        requestRate.clearMax();
        connectionRate.clearMax();
    }

    /**
     * {@code clear counters all}: every counter back to zero as after a restart, but not
     * {@code scur}, which counts live sessions rather than events. Each field is reset on its
     * own, without stopping traffic: an event racing the reset may be kept or lost.
     */
    public void clearAll() {
        clearMaxima();
        sessionsTotal.reset();
        sessionRate.clear();
        connectionsTotal.reset();
        connectionRate.clear();
        requestsTotal.reset();
        requestRate.clear();
        for (LongAdder a : new LongAdder[] {bytesIn, bytesOut, deniedRequests, deniedResponses, requestErrors,
                intercepted, deniedConnections, deniedSessions, failedRewrites, internalErrors}) {
            a.reset();
        }
        responses.clear();
    }
}
