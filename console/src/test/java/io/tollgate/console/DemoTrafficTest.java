package io.tollgate.console;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's traffic generator against a real upstream on 127.0.0.1. */
class DemoTrafficTest {

    @Test
    void sendsRequestsThatGetAnswered() throws Exception {
        try (DemoUpstreams upstream = DemoUpstreams.startOnFreePorts(List.of("target"))) {
            URI base = URI.create("http://" + RunCommand.hostPort(upstream.upstreams().get(0).address()) + "/");
            DemoTraffic traffic = DemoTraffic.start(base, 50);
            try {
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (traffic.answered() < 6 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
            } finally {
                traffic.close();
            }
            assertThat(traffic.answered()).isGreaterThanOrEqualTo(6);
            assertThat(traffic.failed()).isZero();
        }
    }
}
