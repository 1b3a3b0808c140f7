package io.tollgate.engine.config;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a syslog message says it comes from: {@code log-tag <tag>} (global, and per proxy, inherited
 * from {@code defaults}) replaces the program name in the header; {@code log-send-hostname
 * [<name>]} (global) puts a hostname in it, the machine's when no name is given, and turns the
 * targets whose {@code format} was not given from {@code local} into {@code rfc3164}
 * (FORMATS.md section 6.4). Errors and tolerances as HAProxy 2.6's: a global {@code log-tag}
 * takes one argument, a proxy's ignores the extra ones, {@code log-send-hostname} ignores all
 * but its first.
 */
final class LogTagKeywords {
    private LogTagKeywords() {
    }

    static void register(KeywordTable<ProxyState> table) {
        table.add("log-tag", (line, proxy, problems) -> proxy.logTag = tag(line));
    }

    static void registerGlobal(KeywordTable<GlobalState> table) {
        table.add("log-tag", (line, global, problems) -> {
            Args.atMost(line, 1);
            global.logTag = tag(line);
        });
        table.add("log-send-hostname", (line, global, problems) ->
                global.logHostname = line.arg(1).isEmpty() ? machineHostname() : line.arg(1));
    }

    private static String tag(Line line) throws KeywordException {
        if (line.arg(1).isEmpty()) {
            throw new KeywordException("'log-tag' expects a tag for use in syslog.");
        }
        return line.arg(1);
    }

    /**
     * The kernel's node name, as HAProxy's {@code gethostname()}: no DNS lookup, so the name is
     * the short one the machine calls itself.
     */
    static String machineHostname() {
        try {
            String name = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
            if (!name.isEmpty()) {
                return name;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: ask the JVM below
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
