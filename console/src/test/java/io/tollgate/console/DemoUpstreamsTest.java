package io.tollgate.console;

import io.tollgate.engine.config.Config;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's built-in upstream servers, over real HTTP on 127.0.0.1. */
class DemoUpstreamsTest {

    @Test
    void eachUpstreamSaysItsNameAndAnswersTheHealthCheck() throws Exception {
        try (DemoUpstreams upstreams = DemoUpstreams.startOnFreePorts(List.of("ms1.srv1", "ms1.srv2"))) {
            for (DemoUpstreams.Upstream upstream : upstreams.upstreams()) {
                String base = "http://" + RunCommand.hostPort(upstream.address());

                HttpResponse<String> hello = Http.get(base + "/ms1/x");
                HttpResponse<String> health = Http.get(base + DemoUpstreams.HEALTH_CHECK_PATH);

                assertThat(hello.statusCode()).isEqualTo(200);
                assertThat(hello.body()).isEqualTo("Hello! This is " + upstream.name() + "!\n");
                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(health.body()).isEqualTo("ok\n");
            }
        }
    }

    @Test
    void theDemoConfigurationNamesSixLoopbackUpstreams() throws Exception {
        Config config = ConfigFiles.load(List.of(Path.of("..", "examples", "demo.cfg")));

        assertThat(DemoUpstreams.of(config))
                .extracting(DemoUpstreams.Upstream::name)
                .containsExactly("ms1.srv1", "ms1.srv2", "ms2.srv1", "ms2.srv2", "def.srv1", "def.srv2");
        assertThat(DemoUpstreams.of(config))
                .extracting(u -> u.address().getPort())
                .containsExactly(18080, 18081, 18082, 18083, 18084, 18085);
    }

    @Test
    void theJarCarriesTheRepositoryDemoConfiguration() throws Exception {
        try (var in = DemoCommand.class.getResourceAsStream("demo.cfg")) {
            assertThat(in).isNotNull();
            assertThat(new String(in.readAllBytes()))
                    .isEqualTo(Files.readString(Path.of("..", "examples", "demo.cfg")));
        }
    }
}
