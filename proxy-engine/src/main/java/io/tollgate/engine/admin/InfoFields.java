package io.tollgate.engine.admin;

import io.tollgate.engine.api.ProcessInfo;
import io.tollgate.engine.stats.RowType;
import io.tollgate.engine.stats.StatField;
import io.tollgate.engine.stats.StatRow;
import io.tollgate.engine.stats.StatsSnapshot;

import java.util.ArrayList;
import java.util.List;

/**
 * The fields of {@code show info} in HAProxy 2.6.12's order, positions, tags and types
 * (FORMATS §2; 45-46 are absent as in a build without zlib, 51 only with a description).
 * Values come from the process and the frontends' counters; what Tollgate has no notion of
 * (pools, pipes, SSL rates, compression, peers...) is 0, so parsers find every field.
 */
final class InfoFields {
    /** One line: {@code <name>: <value>}, with what typed and JSON output add. */
    record Field(int pos, String name, String tag, String type, Object value) {
    }

    private InfoFields() {
    }

    static List<Field> of(ProductVersion product, ProcessInfo p, int otherListeners, StatsSnapshot snapshot) {
        Totals t = Totals.of(snapshot);
        long up = p.uptimeSeconds();
        List<Field> f = new ArrayList<>(72);
        f.add(new Field(0, "Name", "POS", "str", product.name()));
        f.add(new Field(1, "Version", "POS", "str", product.version()));
        f.add(new Field(2, "Release_date", "POS", "str", product.releaseDate()));
        f.add(new Field(3, "Nbthread", "CGS", "u32", p.nbthread()));
        f.add(new Field(4, "Nbproc", "CGS", "u32", 1));
        f.add(new Field(5, "Process_num", "KGP", "u32", 1));
        f.add(new Field(6, "Pid", "SGP", "u32", p.pid()));
        f.add(new Field(7, "Uptime", "MDP", "str", String.format("%dd %dh%02dm%02ds",
                up / 86400, up / 3600 % 24, up / 60 % 60, up % 60)));
        f.add(new Field(8, "Uptime_sec", "MDP", "u32", up));
        zeros(f, 9, "CLP Memmax_MB", "MGP PoolAlloc_MB", "MGP PoolUsed_MB", "MCP PoolFailed");
        f.add(new Field(13, "Ulimit-n", "CLP", "u32", p.maxFiles()));
        f.add(new Field(14, "Maxsock", "CLP", "u32", p.maxFiles()));
        f.add(new Field(15, "Maxconn", "CLP", "u32", p.maxconn()));
        f.add(new Field(16, "Hard_maxconn", "CLP", "u32", p.hardMaxconn()));
        f.add(new Field(17, "CurrConns", "MGP", "u32", p.currentConns()));
        f.add(new Field(18, "CumConns", "MCP", "u32", t.connections));
        f.add(new Field(19, "CumReq", "MCP", "u32", t.requests));
        zeros(f, 20, "MMP MaxSslConns", "MGP CurrSslConns", "MCP CumSslConns", "CLP Maxpipes", "MGP PipesUsed",
                "MGP PipesFree");
        f.add(new Field(26, "ConnRate", "MRP", "u32", p.connRate()));
        f.add(new Field(27, "ConnRateLimit", "CLP", "u32", 0));
        f.add(new Field(28, "MaxConnRate", "MMP", "u32", t.maxConnRate));
        f.add(new Field(29, "SessRate", "MRP", "u32", t.sessionRate));
        f.add(new Field(30, "SessRateLimit", "CLP", "u32", 0));
        f.add(new Field(31, "MaxSessRate", "MRP", "u32", t.maxSessionRate)); // MRP, not MMP: HAProxy's tag
        zeros(f, 32, "MRP SslRate", "CLP SslRateLimit", "MMP MaxSslRate", "MGP SslFrontendKeyRate",
                "MMP SslFrontendMaxKeyRate", "MGP SslFrontendSessionReuse_pct", "MRP SslBackendKeyRate",
                "MMP SslBackendMaxKeyRate", "MCP SslCacheLookups", "MCP SslCacheMisses", "MRP CompressBpsIn",
                "MRP CompressBpsOut", "CLP CompressBpsRateLim");
        f.add(new Field(47, "Tasks", "MGP", "u32", p.totalTasks()));
        f.add(new Field(48, "Run_queue", "MGP", "u32", p.runningTasks()));
        f.add(new Field(49, "Idle_pct", "MaP", "u32", p.idlePct()));
        f.add(new Field(50, "node", "COS", "str", p.node() != null ? p.node() : hostname()));
        if (p.description() != null) {
            f.add(new Field(51, "description", "COS", "str", p.description()));
        }
        f.add(new Field(52, "Stopping", "MGP", "u32", 0));
        f.add(new Field(53, "Jobs", "MGP", "u32", p.currentConns()));
        zeros(f, 54, "MGP Unstoppable Jobs");
        f.add(new Field(55, "Listeners", "MGP", "u32", p.listeners() + otherListeners));
        zeros(f, 56, "MGP ActivePeers", "MGP ConnectedPeers");
        f.add(new Field(58, "DroppedLogs", "MGP", "u32", p.droppedLogs()));
        zeros(f, 59, "MGP BusyPolling", "MGP FailedResolutions");
        f.add(new Field(61, "TotalBytesOut", "MGP", "u64", t.bytesOut));
        f.add(new Field(62, "TotalSplicdedBytesOut", "MGP", "u64", 0));
        f.add(new Field(63, "BytesOutRate", "MRP", "u64", p.bitRate() / 8));
        zeros(f, 64, "MGP DebugCommandsIssued", "MCP CumRecvLogs");
        f.add(new Field(66, "Build info", "POS", "str", product.version()));
        f.add(new Field(67, "Memmax_bytes", "CLP", "u32", 0));
        f.add(new Field(68, "PoolAlloc_bytes", "MGP", "u64", 0));
        f.add(new Field(69, "PoolUsed_bytes", "MGP", "u64", 0));
        f.add(new Field(70, "Start_time_sec", "MDP", "u32", p.startMillis() / 1000));
        f.add(new Field(71, "Tainted", "SGP", "str", "0"));
        return f;
    }

    /** Consecutive u32 fields at 0, each given as {@code "<tag> <name>"} (names may hold a space). */
    private static void zeros(List<Field> f, int firstPos, String... tagAndNames) {
        for (int i = 0; i < tagAndNames.length; i++) {
            String s = tagAndNames[i];
            f.add(new Field(firstPos + i, s.substring(4), s.substring(0, 3), "u32", 0));
        }
    }

    private static String hostname() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "";
        }
    }

    /** Sums over the FRONTEND rows: HAProxy counts these process-wide. */
    private record Totals(long connections, long requests, long maxConnRate, long sessionRate, long maxSessionRate,
                          long bytesOut) {
        static Totals of(StatsSnapshot s) {
            long[] v = new long[6];
            for (StatRow r : s.rows()) {
                if (r.type() == RowType.FRONTEND) {
                    v[0] += value(r, StatField.CONN_TOT);
                    v[1] += value(r, StatField.REQ_TOT);
                    v[2] += value(r, StatField.CONN_RATE_MAX);
                    v[3] += value(r, StatField.RATE);
                    v[4] += value(r, StatField.RATE_MAX);
                    v[5] += value(r, StatField.BOUT);
                }
            }
            return new Totals(v[0], v[1], v[2], v[3], v[4], v[5]);
        }

        private static long value(StatRow r, StatField f) {
            return r.has(f) ? r.number(f) : 0;
        }
    }
}
