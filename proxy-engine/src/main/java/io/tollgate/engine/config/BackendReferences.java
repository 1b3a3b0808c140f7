package io.tollgate.engine.config;

import java.util.List;

/**
 * Resolves {@code default_backend} and static {@code use_backend} names once every proxy is
 * known, with HAProxy's checks ({@code check_config_validity()} in {@code src/cfgparse.c}): the
 * target must be a proxy with a backend (a frontend-only proxy of that name does not count),
 * not the proxy itself, and an HTTP frontend cannot hand requests to a TCP backend. The servers
 * named by {@code use-server} must exist in their backend.
 */
final class BackendReferences {
    private BackendReferences() {
    }

    static void check(List<ProxyState> proxies, Problems problems) {
        for (ProxyState proxy : proxies) {
            for (Directive rule : proxy.useServers) {
                String server = rule.args().get(0);
                if (proxy.servers.stream().noneMatch(s -> s.name.equals(server))) {
                    problems.alert(null, proxy.typeWord() + " '" + proxy.name + "' : unable to find server '" + server
                            + "' referenced in a 'use-server' rule.");
                }
            }
            if (!proxy.kind.isFrontend()) {
                continue;
            }
            if (proxy.defaultBackend != null) {
                ProxyState target = resolve(proxy, proxy.defaultBackend, "default_backend",
                        proxy.defaultBackendSource, proxies, problems);
                if (target != null && !proxy.servers.isEmpty()) {
                    problems.warn(proxy.source, "In proxy '" + proxy.name + "', the 'default_backend' rule always "
                            + "has precedence over the servers, which will never be used.");
                }
            }
            for (UseBackendRule rule : proxy.useBackends) {
                if (!rule.isDynamic()) {
                    resolve(proxy, rule.backend(), "use_backend", rule.source(), proxies, problems);
                }
            }
        }
    }

    private static ProxyState resolve(ProxyState proxy, String name, String keyword, Source source,
                                      List<ProxyState> proxies, Problems problems) {
        ProxyState target = proxies.stream().filter(p -> p.kind.isBackend() && p.name.equals(name))
                .findFirst().orElse(null);
        if (target == null) {
            problems.alert(source, "Proxy '" + proxy.name + "': unable to find required " + keyword + ": '" + name + "'.");
            return null;
        }
        if (target == proxy) {
            problems.alert(source, "Proxy '" + proxy.name + "': loop detected for " + keyword + ": '" + name + "'.");
            return null;
        }
        if (proxy.mode == ProxyMode.HTTP && target.mode == ProxyMode.TCP) {
            problems.alert(source, "http " + proxy.typeWord() + " '" + proxy.name + "' (" + proxy.source
                    + ") tries to use incompatible tcp " + target.typeWord() + " '" + target.name + "' ("
                    + target.source + ") " + (keyword.equals("default_backend") ? "as its default backend"
                    : "in a 'use_backend' rule") + " (see 'mode').");
            return null;
        }
        return target;
    }
}
