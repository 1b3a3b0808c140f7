package io.tollgate.engine.config;

/**
 * HAProxy's warnings for HTTP-only settings in a proxy that is not in HTTP mode: it ignores them
 * rather than refusing the file, and so does Tollgate ({@link ProxyState#toConfig} drops them).
 */
final class HttpOnlySettings {
    private HttpOnlySettings() {
    }

    static void warn(ProxyState proxy, Problems problems) {
        if (proxy.isDefaults() || !proxy.kind.isBackend() || proxy.mode == ProxyMode.HTTP) {
            return;
        }
        if (proxy.cookie != null) {
            problems.warn(null, "cookie will be ignored for " + proxy.typeWord() + " '" + proxy.name
                    + "' (needs 'mode http').");
        }
        for (ServerState server : proxy.servers) {
            if (server.cookie != null) {
                problems.warn(null, proxy.typeWord() + " '" + proxy.name + "' : ignoring cookie for server '"
                        + server.name + "' as HTTP mode is disabled.");
            }
        }
    }
}
