package io.tollgate.engine.net;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static io.tollgate.engine.net.RunningEngine.freePort;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's {@code prometheus-haproxy-exporter} pointed at Tollgate's {@code <uri>;csv} exports
 * every metric it knows, without a parse failure, as it does for HAProxy.
 */
class HaproxyExporterTest {
    private static final Path EXPORTER = Path.of("/usr/bin/prometheus-haproxy-exporter");

    @RegisterExtension
    final TestResources resources = new TestResources();

    @Test
    void theExporterReadsTheCsvWithoutFailures() throws Exception {
        assertThat(Files.isExecutable(EXPORTER)).as("Debian's prometheus-haproxy-exporter (bin/test installs it)").isTrue();
        Upstream a = resources.upstream("a");
        int stats = freePort();
        int front = freePort();
        resources.engine("""
                defaults
                    mode http
                    timeout connect 2s
                    timeout client 10s
                    timeout server 10s
                listen st
                    bind 127.0.0.1:%d
                    stats uri /st
                    stats auth admin:secret
                frontend fe
                    bind 127.0.0.1:%d
                    default_backend app
                backend app
                    option httpchk GET /
                    server a1 127.0.0.1:%d check inter 200
                    server a2 127.0.0.1:%d disabled
                """.formatted(stats, front, a.port(), a.port()));
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 5; i++) {
            assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + front + "/")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        }
        int metricsPort = freePort();
        Process exporter = new ProcessBuilder(EXPORTER.toString(),
                "--haproxy.scrape-uri=http://admin:secret@127.0.0.1:" + stats + "/st;csv",
                "--web.listen-address=127.0.0.1:" + metricsPort)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String metrics = null;
            for (int i = 0; i < 100 && metrics == null; i++) {
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + metricsPort + "/metrics")).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    metrics = r.body();
                } catch (IOException e) {
                    Thread.sleep(100);
                }
            }
            assertThat(metrics).as("the exporter answered").isNotNull();
            assertThat(metrics).contains("haproxy_up 1")
                    .contains("haproxy_exporter_csv_parse_failures_total 0")
                    .contains("haproxy_frontend_http_requests_total{frontend=\"fe\"} 5")
                    .contains("haproxy_backend_up{backend=\"app\"} 1")
                    .contains("haproxy_server_up{backend=\"app\",server=\"a1\"} 1")
                    .contains("haproxy_server_up{backend=\"app\",server=\"a2\"} 0")
                    .contains("haproxy_server_http_responses_total{backend=\"app\",code=\"2xx\",server=\"a1\"} 5")
                    .contains("haproxy_server_check_failures_total{backend=\"app\",server=\"a1\"} 0");
        } finally {
            exporter.destroy();
            exporter.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
