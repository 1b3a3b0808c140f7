package io.tollgate.engine.api;

/**
 * The "General process information" block of the stats page (FORMATS §7.4): pid, uptime,
 * threads, limits and what the process carries right now.
 *
 * @param node        the global {@code node} name, or null
 * @param description the global {@code description}, or null
 */
public record ProcessInfo(long pid, long startMillis, long nowMillis, int nbthread, int maxconn, long currentConns,
                          long connRate, long maxFiles, String node, String description) {

    /** Seconds since start. */
    public long uptimeSeconds() {
        return Math.max(0, (nowMillis - startMillis) / 1000);
    }
}
