package io.tollgate.engine.log;

import io.tollgate.engine.config.Config;
import io.tollgate.engine.config.ConfigLoader;
import io.tollgate.engine.runtime.Proxies;
import io.tollgate.engine.runtime.Proxy;
import io.tollgate.engine.stats.Ticker;
import io.tollgate.logship.Endpoint;
import io.tollgate.logship.LogRoute;
import io.tollgate.logship.LogTarget;
import io.tollgate.logship.SyslogFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which targets and identity each proxy's messages get, resolved from the configuration. */
class LogRoutesTest {
    @TempDir
    Path dir;

    private Config config(String global, String proxies) throws Exception {
        Path cfg = dir.resolve("t.cfg");
        Files.writeString(cfg, "global\n" + global + "defaults\n  timeout client 5s\n  timeout connect 5s\n"
                + "  timeout server 5s\n" + proxies);
        return ConfigLoader.load(List.of(cfg), Map.of(), dir);
    }

    private static List<Integer> ports(LogRoute route) {
        return route.targets().stream().map(t -> ((Endpoint.Udp) t.endpoint()).port()).toList();
    }

    @Test
    void eachProxyGetsItsOwnLinesTheGlobalOnesOrNone() throws Exception {
        Config config = config("  log 127.0.0.1:1001 local0\n", """
                frontend fe
                    bind :8080
                    log global
                    log 127.0.0.1:1002 local1
                    default_backend be
                backend be
                    log 127.0.0.1:1003 local2
                    server s1 127.0.0.1:80
                backend silent
                    log global
                    no log
                    server s2 127.0.0.1:80
                backend plain
                    server s3 127.0.0.1:80
                listen li
                    bind :8081
                    log global
                    server s4 127.0.0.1:80
                """);
        LogRoutes routes = LogRoutes.of(config);
        Proxies proxies = new Proxies(config, Ticker.SYSTEM);
        assertThat(ports(routes.frontend("fe"))).containsExactly(1001, 1002);
        assertThat(ports(routes.of(proxies.proxy("fe")))).containsExactly(1001, 1002);
        assertThat(ports(routes.of(proxies.backend("be")))).containsExactly(1003);
        assertThat(routes.of(proxies.backend("silent"))).isNull();
        assertThat(routes.of(proxies.backend("plain"))).isNull();
        assertThat(routes.of(proxies.proxy("li"))).isSameAs(routes.frontend("li"));
        assertThat(ports(routes.global())).containsExactly(1001);
        assertThat(routes.frontend("be")).isNull();
        assertThat(routes.isEmpty()).isFalse();
    }

    @Test
    void aFrontendAndABackendOfTheSameNameKeepTheirOwnRoutes() throws Exception {
        Config config = config("", """
                frontend app
                    bind :8080
                    log 127.0.0.1:1001 local0
                    default_backend app
                backend app
                    log 127.0.0.1:1002 local0
                    server s1 127.0.0.1:80
                """);
        LogRoutes routes = LogRoutes.of(config);
        Proxies proxies = new Proxies(config, Ticker.SYSTEM);
        Proxy frontend = proxies.all().stream().filter(Proxy::isFrontend).findFirst().orElseThrow();
        assertThat(ports(routes.of(frontend))).containsExactly(1001);
        assertThat(ports(routes.of(proxies.backend("app")))).containsExactly(1002);
        assertThat(routes.global()).isNull();
    }

    @Test
    void tagsAndHostname() throws Exception {
        Config config = config("  log-tag gtag\n  log-send-hostname h1\n  log 127.0.0.1:1001 local0\n"
                + "  log 127.0.0.1:1002 format local local0\n", """
                frontend fe
                    bind :8080
                    log global
                    default_backend be
                backend be
                    log-tag btag
                    log global
                    server s1 127.0.0.1:80
                """);
        LogRoutes routes = LogRoutes.of(config);
        assertThat(routes.frontend("fe").identity().tag()).isEqualTo("gtag");
        assertThat(routes.frontend("fe").identity().hostname()).isEqualTo("h1");
        assertThat(routes.global().identity().tag()).isEqualTo("gtag");
        Proxies proxies = new Proxies(config, Ticker.SYSTEM);
        LogRoute be = routes.of(proxies.backend("be"));
        assertThat(be.identity().tag()).isEqualTo("btag");
        assertThat(be.targets()).extracting(LogTarget::format).containsExactly(SyslogFormat.RFC3164, SyslogFormat.LOCAL);
        assertThat(LogRoutes.of(config("  log 127.0.0.1:1001 local0\n", "frontend fe\n  bind :8080\n  log global\n"))
                .frontend("fe").identity()).satisfies(id -> {
                    assertThat(id.tag()).isEqualTo(LogRoutes.TAG);
                    assertThat(id.hostname()).isNull();
                });
    }

    @Test
    void nothingToLogMeansNoRoutes() throws Exception {
        LogRoutes routes = LogRoutes.of(config("", "frontend fe\n  bind :8080\n  log global\n"));
        assertThat(routes.isEmpty()).isTrue();
        assertThat(routes.frontend("fe")).isNull();
    }
}
