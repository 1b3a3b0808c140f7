package io.tollgate.engine.api;

/**
 * The "General process information" block of the stats page (FORMATS §7.4): pid, uptime,
 * threads, limits and what the process carries right now.
 *
 * @param bitRate      bits per second through the frontends since the previous reading
 * @param runningTasks tasks queued on the event loops right now (HAProxy's run queue)
 * @param totalTasks   what the process keeps running: health checks, agents and connections
 * @param node        the global {@code node} name, or null
 * @param description the global {@code description}, or null
 * @param maxconn     the process's {@code maxconn} in force ({@code set maxconn global} lowers it)
 * @param hardMaxconn the configured one, which {@code maxconn} may not exceed
 * @param idlePct     share of time the event loops were idle lately (HAProxy's {@code Idle_pct})
 * @param listeners   sockets the engine listens on (frontends' binds; admin sockets are counted apart)
 * @param droppedLogs log messages dropped so far (HAProxy's {@code DroppedLogs})
 */
public record ProcessInfo(long pid, long startMillis, long nowMillis, int nbthread, int maxconn, long currentConns,
                          long connRate, long maxFiles, String node, String description, long bitRate,
                          long runningTasks, long totalTasks, int hardMaxconn, int idlePct, int listeners,
                          long droppedLogs) {

    /** Figures without a log shipper: nothing dropped. */
    public ProcessInfo(long pid, long startMillis, long nowMillis, int nbthread, int maxconn, long currentConns,
                       long connRate, long maxFiles, String node, String description, long bitRate,
                       long runningTasks, long totalTasks, int hardMaxconn, int idlePct, int listeners) {
        this(pid, startMillis, nowMillis, nbthread, maxconn, currentConns, connRate, maxFiles, node, description,
                bitRate, runningTasks, totalTasks, hardMaxconn, idlePct, listeners, 0);
    }

    /** Figures without loop measurements (tests, tools): configured maxconn, idle, nothing listening. */
    public ProcessInfo(long pid, long startMillis, long nowMillis, int nbthread, int maxconn, long currentConns,
                       long connRate, long maxFiles, String node, String description, long bitRate,
                       long runningTasks, long totalTasks) {
        this(pid, startMillis, nowMillis, nbthread, maxconn, currentConns, connRate, maxFiles, node, description,
                bitRate, runningTasks, totalTasks, maxconn, 100, 0);
    }

    /** Seconds since start. */
    public long uptimeSeconds() {
        return Math.max(0, (nowMillis - startMillis) / 1000);
    }
}
