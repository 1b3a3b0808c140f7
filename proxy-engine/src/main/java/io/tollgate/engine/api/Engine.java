package io.tollgate.engine.api;

import io.tollgate.engine.config.Config;
import io.tollgate.engine.net.NetEngine;
import io.tollgate.engine.runtime.Proxies;
import io.tollgate.engine.runtime.StateChanges;
import io.tollgate.engine.stats.StatsRegistry;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A running Tollgate: the proxies of one configuration, listening and forwarding. The console
 * and tests see the engine through this face.
 */
public interface Engine extends AutoCloseable {

    /** Binds every listener of {@code config} and starts forwarding; fails if a bind fails. */
    static Engine start(Config config) throws InterruptedException {
        return NetEngine.start(config, List.of());
    }

    /**
     * As {@link #start(Config)}, with {@code listeners} told of every state change from the
     * first health check on (added after start, a listener can miss what the first checks find,
     * which HAProxy logs).
     */
    static Engine start(Config config, List<StateChanges.Listener> listeners) throws InterruptedException {
        return NetEngine.start(config, listeners);
    }

    /**
     * The problems {@link #start} would stop at that reading the configuration cannot see
     * (servers' TLS files, SOCKS4 proxy names), in HAProxy's form, without binding anything;
     * empty when there are none. For {@code -c}.
     */
    static List<String> check(Config config) {
        return NetEngine.check(config);
    }

    /** The counters of every proxy and server, as snapshots. */
    StatsRegistry stats();

    /** The runtime API's command layer: the admin socket, the stats page's actions and tests run commands here. */
    io.tollgate.engine.admin.RuntimeApi runtimeApi();

    /**
     * Reopens every {@code file@} log target (after an external logrotate moved them; the runtime
     * API's {@code reopen logs} and the console's {@code SIGHUP} come here). Never blocks: the
     * future completes once the log shipper's thread has reopened them, at once when there is none.
     */
    CompletableFuture<Void> reopenLogs();

    /**
     * HAProxy's soft stop (SIGUSR1): every proxy, in configuration order, stops listening and says
     * so ({@code Proxy fe stopped (cumulated conns: FE: 12, BE: 0).} at warning, on stderr's
     * listeners and the proxy's log targets); idle HTTP connections close, and those with a
     * request under way close after its response. Sessions still open finish at their pace;
     * {@link #liveSessions()} says how many remain. Calling it again does nothing.
     */
    void softStop();

    /** The client sessions still open (TCP connections and HTTP connections, idle ones included). */
    int liveSessions();

    /** Who draws the HTML stats page of every proxy with {@code stats} lines (the exports need no one). */
    void statsPage(StatsPage page);

    /**
     * Who renders the Prometheus exposition for frontends with {@code http-request use-service
     * prometheus-exporter}; until one is given they answer 503.
     */
    void metricsPage(MetricsPage page);

    /** The runtime objects (proxies, servers, state changes). */
    Proxies proxies();

    /** The local addresses actually bound, in configuration order (port 0 binds resolved). */
    List<InetSocketAddress> boundAddresses();

    /** The addresses bound by one proxy's {@code bind} lines. */
    List<InetSocketAddress> boundAddresses(String proxyName);

    /** Stops listening, closes connections and releases the event loops; waits for them. */
    @Override
    void close();
}
