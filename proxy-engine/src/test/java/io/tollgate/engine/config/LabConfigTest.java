package io.tollgate.engine.config;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference lab ({@code shared/reference/haproxy-2.6/lab.cfg}, copied into the test
 * resources) loads with the values HAProxy used when the reference outputs were captured: the
 * proxy ids and server ids below are those of {@code show-stat.csv}.
 */
class LabConfigTest {

    private static Config lab() throws ConfigException, URISyntaxException {
        Path dir = Path.of(LabConfigTest.class.getResource("/config/lab.cfg").toURI()).getParent();
        return ConfigLoader.load(List.of(Path.of("lab.cfg")), Map.of(), dir);
    }

    @Test
    void global() throws Exception {
        GlobalSettings g = lab().global();
        assertThat(g.maxconn()).isEqualTo(8000);
        assertThat(g.pidfile()).isEqualTo("run/lab-haproxy.pid");
        assertThat(g.logs()).extracting(Directive::args).containsExactly(
                List.of("127.0.0.1:5514", "local0", "info"), List.of("127.0.0.1:5514", "local1", "warning"));
        assertThat(g.statsSockets()).singleElement().extracting(Directive::args)
                .isEqualTo(List.of("socket", "run/lab-haproxy.sock", "mode", "600", "level", "admin"));
    }

    @Test
    void proxiesAndIdsMatchTheReferenceCsv() throws Exception {
        Config config = lab();
        assertThat(config.proxies()).extracting(p -> p.name() + "#" + p.id()).containsExactly(
                "http-in#2", "ms1#3", "ms2#4", "default_servers#5", "stats#6", "prometheus#7");
        assertThat(config.hasListeners()).isTrue();
        // every line parses; what the engine does not apply yet is announced, never silent
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void frontend() throws Exception {
        ProxyConfig fe = lab().proxy("http-in").orElseThrow();
        assertThat(fe.kind()).isEqualTo(ProxyKind.FRONTEND);
        assertThat(fe.mode()).isEqualTo(ProxyMode.HTTP);
        assertThat(fe.binds()).singleElement().extracting(BindConfig::addresses)
                .isEqualTo(List.of(new HostPort("127.0.0.1", 9001)));
        assertThat(fe.maxconn()).isEqualTo(8000);
        assertThat(fe.defaultBackend()).isEqualTo("default_servers");
        assertThat(fe.useBackends()).extracting(r -> r.backend() + " " + String.join(" ", r.condition()))
                .containsExactly("ms1 if url_ms1", "ms2 if url_ms2");
        assertThat(fe.acls()).extracting(Directive::args).containsExactly(
                List.of("url_ms1", "path_beg", "-i", "/ms1/"), List.of("url_ms2", "path_beg", "-i", "/ms2/"));
        assertThat(fe.timeouts()).isEqualTo(new Timeouts(5000, 10_000, 50_000, 20_000, 0, 0, 0, 0, 0, 0));
        assertThat(fe.httpConnectionMode()).isEqualTo(HttpConnectionMode.KEEP_ALIVE);
        assertThat(fe.forwardFor()).isEqualTo(new ForwardFor(ForwardFor.DEFAULT_HEADER, null, false));
        assertThat(fe.hasOption("httplog")).isTrue();
        assertThat(fe.logs()).extracting(Directive::args).containsExactly(List.of("global"));
    }

    @Test
    void backends() throws Exception {
        ProxyConfig ms1 = lab().proxy("ms1").orElseThrow();
        assertThat(ms1.balance()).isEqualTo("roundrobin");
        assertThat(ms1.cookieName()).isEqualTo("HA_STICKY_ms1");
        assertThat(ms1.retries()).isEqualTo(3);
        assertThat(ms1.servers()).containsExactly(
                new ServerConfig("ms1.srv1", 1, new HostPort("127.0.0.1", 18080), null, 1, 300, 0, 0, false, false,
                        "ms1.srv1", new CheckSettings(true, 2000, 0, 0, 2, 3, 0, null), new Source("lab.cfg", 33)),
                new ServerConfig("ms1.srv2", 2, new HostPort("127.0.0.1", 18081), null, 1, 300, 0, 0, false, false,
                        "ms1.srv2", new CheckSettings(true, 2000, 0, 0, 2, 3, 0, null), new Source("lab.cfg", 34)));
        assertThat(lab().proxy("default_servers").orElseThrow().servers()).extracting(ServerConfig::address)
                .containsExactly(new HostPort("127.0.0.1", 18084), new HostPort("127.0.0.1", 18085));
    }

    @Test
    void statsListenAndPrometheusFrontend() throws Exception {
        Config config = lab();
        ProxyConfig stats = config.proxy("stats").orElseThrow();
        assertThat(stats.kind()).isEqualTo(ProxyKind.LISTEN);
        assertThat(stats.stats()).extracting(Directive::args).containsExactly(
                List.of("refresh", "30s"), List.of("uri", "/stats"), List.of("realm", "HAProxy Stats"),
                List.of("auth", "admin:admin"), List.of("admin", "if", "TRUE"));
        ProxyConfig prometheus = config.proxy("prometheus").orElseThrow();
        assertThat(prometheus.httpRequestRules()).singleElement().extracting(d -> d.args().subList(0, 2))
                .isEqualTo(List.of("use-service", "prometheus-exporter"));
        assertThat(prometheus.logs()).isEmpty();
    }
}
