package io.tollgate.engine.stats;

import io.tollgate.engine.config.BindConfig;
import io.tollgate.engine.config.CheckSettings;
import io.tollgate.engine.config.Config;
import io.tollgate.engine.config.GlobalSettings;
import io.tollgate.engine.config.HostPort;
import io.tollgate.engine.config.HttpConnectionMode;
import io.tollgate.engine.config.ProxyConfig;
import io.tollgate.engine.config.ProxyKind;
import io.tollgate.engine.config.ProxyMode;
import io.tollgate.engine.config.ServerConfig;
import io.tollgate.engine.config.Timeouts;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The reference's {@code lab.cfg} built by hand (the proxies whose rows are in show-stat.csv,
 * with the same ids), plus helpers to build other small configurations.
 */
final class LabConfig {
    static final CheckSettings CHECK = new CheckSettings(true, 2000, 0, 0, 2, 3, 0, null);

    private LabConfig() {
    }

    static Config lab() {
        List<ProxyConfig> proxies = new ArrayList<>();
        proxies.add(proxy("http-in", ProxyKind.FRONTEND, 2, ProxyMode.HTTP, 8000, "default_servers", null,
                List.of()));
        proxies.add(proxy("ms1", ProxyKind.BACKEND, 3, ProxyMode.HTTP, 0, null, "HA_STICKY_ms1", List.of(
                server("ms1.srv1", 1, "127.0.0.1", 18080, "ms1.srv1", CHECK),
                server("ms1.srv2", 2, "127.0.0.1", 18081, "ms1.srv2", CHECK))));
        proxies.add(proxy("ms2", ProxyKind.BACKEND, 4, ProxyMode.HTTP, 0, null, "HA_STICKY_ms2", List.of(
                server("ms2.srv1", 1, "127.0.0.1", 18082, "ms2.srv1", CHECK),
                server("ms2.srv2", 2, "127.0.0.1", 18083, "ms2.srv2", CHECK))));
        proxies.add(proxy("default_servers", ProxyKind.BACKEND, 5, ProxyMode.HTTP, 0, null, "HA_STICKY_def",
                List.of(server("def.srv1", 1, "127.0.0.1", 18084, "def.srv1", CHECK),
                        server("def.srv2", 2, "127.0.0.1", 18085, "def.srv2", CHECK))));
        proxies.add(proxy("stats", ProxyKind.LISTEN, 6, ProxyMode.HTTP, 0, null, null, List.of()));
        proxies.add(proxy("prometheus", ProxyKind.FRONTEND, 7, ProxyMode.HTTP, 0, null, null, List.of()));
        return config(8000, proxies);
    }

    static Config config(int globalMaxconn, List<ProxyConfig> proxies) {
        GlobalSettings global = new GlobalSettings(globalMaxconn, 0, null, false, null, List.of(), List.of());
        return new Config(global, proxies, List.of(), List.of());
    }

    static ProxyConfig proxy(String name, ProxyKind kind, int id, ProxyMode mode, int maxconn,
                             String defaultBackend, String cookieName, List<ServerConfig> servers) {
        List<BindConfig> binds = kind.isFrontend()
                ? List.of(new BindConfig(List.of(new HostPort("127.0.0.1", 0)), null, null, null))
                : List.of();
        return new ProxyConfig(name, kind, id, mode, binds, defaultBackend, "roundrobin", List.of(),
                Timeouts.NONE, maxconn, 0, 3, Set.of(), HttpConnectionMode.KEEP_ALIVE, null, cookieName,
                servers, null);
    }

    static ServerConfig server(String name, int id, String host, int port, String cookie, CheckSettings check) {
        return new ServerConfig(name, id, new HostPort(host, port), null, 1, 300, 0, 0, false, false, cookie,
                check, null);
    }

    static ServerConfig plainServer(String name, int id, String host, int port) {
        return new ServerConfig(name, id, new HostPort(host, port), null, 1, 0, 0, 0, false, false, null,
                CheckSettings.DEFAULT, null);
    }
}
