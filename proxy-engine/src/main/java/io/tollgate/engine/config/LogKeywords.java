package io.tollgate.engine.config;

import io.tollgate.logship.LogTarget;

import java.util.List;
import java.util.Set;

/**
 * {@code log} lines, in {@code global} and in proxies: {@code log global}, {@code no log}, or
 * {@code log <target> [len <n>] [format <fmt>] [sample <ranges>:<size>] <facility> [<level>
 * [<minlevel>]]} (FORMATS.md section 6.5). The line is checked here, its target by the log
 * shipper's own parser so that {@code -c} reports a bad one, and kept as a {@link Directive};
 * the engine's {@code LogRoutes} turns the directives into targets at start.
 */
final class LogKeywords {
    static final List<String> FACILITIES = List.of("kern", "user", "mail", "daemon", "auth", "syslog", "lpr",
            "news", "uucp", "cron", "auth2", "ftp", "ntp", "audit", "alert", "cron2",
            "local0", "local1", "local2", "local3", "local4", "local5", "local6", "local7");
    static final List<String> LEVELS = List.of("emerg", "alert", "crit", "err", "warning", "notice", "info", "debug");
    private static final Set<String> FORMATS = Set.of("local", "rfc3164", "rfc5424", "priority", "short", "timed",
            "iso", "raw");

    private LogKeywords() {
    }

    static void register(KeywordTable<ProxyState> table) {
        table.add("log", (line, proxy, problems) -> apply(line, proxy.logs));
    }

    /** Checks {@code line} and updates {@code logs}: {@code no log} empties it. */
    static void apply(Line line, List<Directive> logs) throws KeywordException {
        if (line.isNegated()) {
            Args.atMost(line, 0, "no log");
            logs.clear();
            return;
        }
        check(line);
        logs.add(line.toDirective());
    }

    static void check(Line line) throws KeywordException {
        String usage = "'log' expects either <address[:port]> and <facility> or 'global' as arguments.";
        if (line.arg(1).isEmpty()) {
            throw new KeywordException(usage);
        }
        if (line.arg(1).equals("global")) {
            Args.atMost(line, 1, "log global");
            return;
        }
        int i = 2;
        while (List.of("len", "format", "sample").contains(line.arg(i))) {
            String option = line.arg(i);
            String value = line.arg(i + 1);
            if (value.isEmpty()) {
                throw new KeywordException("'log' : '" + option + "' expects a value.");
            }
            if (option.equals("len")) {
                Args.number(value, "log len", 80, 65535);
            } else if (option.equals("format") && !FORMATS.contains(value)) {
                throw new KeywordException("unknown log format '" + value + "'");
            }
            i += 2;
        }
        String facility = line.arg(i);
        if (facility.isEmpty()) {
            throw new KeywordException(usage);
        }
        if (!FACILITIES.contains(facility)) {
            throw new KeywordException("unknown log facility '" + facility + "'");
        }
        for (int level = i + 1; level <= i + 2 && line.has(level); level++) {
            if (!LEVELS.contains(line.arg(level))) {
                throw new KeywordException("unknown optional log level '" + line.arg(level) + "'");
            }
        }
        Args.atMost(line, i + 2, "log");
        try {
            // the target itself (address, port, prefix) is only understood by the shipper's parser
            LogTarget.parse(line.toDirective().args());
        } catch (IllegalArgumentException e) {
            throw new KeywordException(e.getMessage());
        }
    }
}
