package io.tollgate.engine.config;

import java.util.List;

/**
 * The other {@code global} keywords of HAProxy 2.6 (as built by Debian: with OpenSSL and Lua,
 * without 51Degrees, WURFL or DeviceAtlas). None of them decides where traffic goes, so all are
 * accepted with a warning: process management, polling and threading tunables, the OpenSSL
 * specifics of TLS (engines, providers, extra files; the TLS keywords Tollgate applies are in
 * {@link GlobalKeywords}), Lua loading (a rule that would call Lua is refused where it is
 * declared), rate limits, and the whole {@code tune.*} namespace.
 */
final class GlobalUnsupportedKeywords {
    static final List<String> IGNORED = List.of(
            // process and startup
            "master-worker", "mworker-max-reloads", "quiet", "zero-warning", "hard-stop-after", "close-spread-time",
            "grace", "localpeer", "cluster-secret", "insecure-fork-wanted", "insecure-setuid-wanted",
            "set-dumpable", "strict-limits", "expose-experimental-directives", "external-check", "unix-bind",
            "server-state-base", "server-state-file", "pp2-never-send-local", "fd-hard-limit",
            // polling and threads
            "busy-polling", "noepoll", "nokqueue", "noevports", "nopoll", "nosplice", "nogetaddrinfo",
            "noreuseport", "no-memory-trimming", "cpu-map", "numa-cpu-mapping", "thread-group", "thread-groups",
            "max-spread-checks",
            // limits
            "maxconnrate", "maxsessrate", "maxsslrate", "maxsslconn", "maxpipes", "maxzlibmem", "maxcomprate",
            "maxcompcpuusage",
            // OpenSSL specifics
            "issuers-chain-path", "ssl-default-bind-curves", "ssl-engine", "ssl-load-extra-del-ext",
            "ssl-load-extra-files", "ssl-mode-async", "ssl-propquery", "ssl-provider", "ssl-provider-path",
            "ssl-skip-self-issued-ca",
            // HTTP client, variables, profiling
            "httpclient.resolvers.id",
            "httpclient.resolvers.prefer", "httpclient.ssl.ca-file", "httpclient.ssl.verify", "set-var",
            "set-var-fmt", "profiling.memory", "profiling.tasks", "h1-case-adjust", "h1-case-adjust-file",
            "h1-accept-payload-with-any-method", "h2-workaround-bogus-websocket-clients");

    private GlobalUnsupportedKeywords() {
    }

    static void register(KeywordTable<GlobalState> t) {
        t.addAll(IGNORED, Unsupported.ignored());
        t.addAll(List.of("lua-load", "lua-load-per-thread", "lua-prepend-path"), Unsupported.lua());
        t.addPrefix("tune.", Unsupported.ignored());
        t.add("tune.chksize", Unsupported.removed(
                "option '%s' is not supported any more (tune.bufsize is used instead)."));
    }
}
