package io.tollgate.engine.config;

import io.tollgate.logship.LogTarget;

import java.util.List;

/**
 * {@code log} lines, in {@code global} and in proxies: {@code log global}, {@code no log}, or
 * {@code log <target> [len <n>] [format <fmt>] [sample <ranges>:<size>] [file options] <facility>
 * [<level> [<minlevel>]]} (FORMATS.md section 6.5; the file options are Tollgate's, see
 * {@link LogTarget}). Beyond {@code global} and {@code no log}, the log shipper's own parser judges
 * the line, so {@code -c} accepts exactly what the shipper will run, and refuses with its words:
 * HAProxy's where HAProxy refuses the same line. As HAProxy, every message is headed
 * {@code log : }. The line is kept as a {@link Directive}; the engine's {@code LogRoutes} turns the
 * directives into targets at start.
 */
final class LogKeywords {

    private LogKeywords() {
    }

    static void register(KeywordTable<ProxyState> table) {
        table.add("log", (line, proxy, problems) -> apply(line, proxy.logs, false));
    }

    /** A {@code log} line of the {@code global} section, where {@code log global} means nothing. */
    static void applyGlobal(Line line, List<Directive> logs) throws KeywordException {
        apply(line, logs, true);
    }

    /** Checks {@code line} and updates {@code logs}: {@code no log} empties it. */
    private static void apply(Line line, List<Directive> logs, boolean inGlobal) throws KeywordException {
        if (line.isNegated()) {
            if (line.has(1)) {
                throw new KeywordException("log : 'no log' does not expect arguments");
            }
            logs.clear();
            return;
        }
        if (line.arg(1).equals("global") && !line.has(2)) {
            if (inGlobal) {
                throw new KeywordException("log : 'global' is not supported for a global syslog server");
            }
            logs.add(line.toDirective());
            return;
        }
        if (!line.has(2)) {
            // HAProxy 2.6's text, double space in global included
            throw new KeywordException("log : expects <address> and <facility> " + (inGlobal ? "" : "or global")
                    + " as arguments");
        }
        try {
            LogTarget.parse(line.toDirective().args());
        } catch (IllegalArgumentException e) {
            throw new KeywordException("log : " + e.getMessage());
        }
        logs.add(line.toDirective());
    }
}
