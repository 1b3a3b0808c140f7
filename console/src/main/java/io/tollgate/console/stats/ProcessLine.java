package io.tollgate.console.stats;

import io.tollgate.engine.api.ProcessInfo;

import java.util.List;

/** A line of the "General process information" block: a bold label and its values. */
public record ProcessLine(String label, String text) {

    /** The block's lines, worded as HAProxy's so the numbers sit where its users look for them. */
    static List<ProcessLine> block(ProcessInfo p) {
        return List.of(
                new ProcessLine("pid = ", p.pid() + " (process #1, nbproc = 1, nbthread = " + p.nbthread() + ")"),
                new ProcessLine("uptime = ", uptime(p.uptimeSeconds())),
                new ProcessLine("system limits: ", "memmax = unlimited; ulimit-n = "
                        + (p.maxFiles() > 0 ? Long.toString(p.maxFiles()) : "unknown")),
                new ProcessLine("maxconn = ", p.maxconn() + "; maxpipes = 0"),
                new ProcessLine("current conns = ", p.currentConns() + "; current pipes = 0/0; conn rate = "
                        + p.connRate() + "/sec; bit rate = " + bitRate(p.bitRate())),
                new ProcessLine("Running tasks: ", p.runningTasks() + "/" + p.totalTasks()));
    }

    /** {@code 1.235 Mbps}: three decimals and the largest of k, M, G that keeps a unit, as HAProxy prints it. */
    static String bitRate(long bitsPerSecond) {
        double v = bitsPerSecond / 1000.0;
        char unit = 'k';
        for (char next : new char[] {'M', 'G'}) {
            if (v < 1000) {
                break;
            }
            v /= 1000;
            unit = next;
        }
        return String.format(java.util.Locale.ROOT, "%.3f %cbps", v, unit);
    }

    /** {@code 0d 0h00m02s}: days, then hours, minutes and seconds, as HAProxy prints its uptime. */
    static String uptime(long seconds) {
        return String.format("%dd %dh%02dm%02ds", seconds / 86400, seconds % 86400 / 3600, seconds % 3600 / 60,
                seconds % 60);
    }
}
