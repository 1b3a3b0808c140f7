package io.tollgate.engine.check;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's HAProxy 2.6 ({@code /usr/sbin/haproxy}, a test dependency in {@code bin/test}) runs the
 * backends of {@link TcpCheckCases} against the same test servers and must show what the cases
 * expect, the rows {@link TcpCheckTest} holds Tollgate to. HAProxy empties {@code last_chk} while
 * a check runs, so only rows of finished checks count.
 */
class TcpCheckHaproxyParityTest {
    private static final Path HAPROXY = Path.of("/usr/sbin/haproxy");

    @Test
    void haproxyShowsWhatTheCasesExpect() throws Exception {
        assertThat(Files.isExecutable(HAPROXY)).as("Debian's haproxy (bin/test installs it)").isTrue();
        try (TcpCheckCases cases = new TcpCheckCases()) {
            Map<String, List<String>> expected = new LinkedHashMap<>();
            cases.all().forEach(c -> expected.put(c.name(), c.expected()));
            assertThat(haproxy(cases, expected.keySet())).containsExactlyEntriesOf(expected);
        }
    }

    /** Each backend's server row once a check of it finished, in the order of {@code names}. */
    private static Map<String, List<String>> haproxy(TcpCheckCases cases, Iterable<String> names) throws Exception {
        int statsPort = ScriptedTcpServer.closedPort(); // free for the stats listener
        Path cfg = Files.createTempFile("tcp-check-parity", ".cfg");
        Path out = Files.createTempFile("tcp-check-parity", ".log");
        Files.writeString(cfg, cases.config(TcpCheckCases.DEFAULTS + """
                listen st
                  bind 127.0.0.1:%d
                  mode http
                  stats enable
                  stats uri /
                """.formatted(statsPort)));
        Process p = new ProcessBuilder(HAPROXY.toString(), "-db", "-f", cfg.toString())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try {
            HttpClient client = HttpClient.newHttpClient();
            HttpRequest csv = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + statsPort + "/;csv")).build();
            List<String> wanted = new ArrayList<>();
            names.forEach(wanted::add);
            Map<String, List<String>> seen = new LinkedHashMap<>();
            long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < end && !seen.keySet().containsAll(wanted)) {
                Thread.sleep(20);
                String body;
                try {
                    body = client.send(csv, HttpResponse.BodyHandlers.ofString()).body();
                } catch (IOException e) {
                    continue; // not listening yet
                }
                for (Map<String, String> row : rows(body)) {
                    String status = row.get("check_status");
                    if ("s".equals(row.get("svname")) && !status.isEmpty() && !status.startsWith("*")
                            && !status.equals("INI")) {
                        seen.putIfAbsent(row.get("pxname"), TcpCheckCases.observed(row));
                    }
                }
            }
            assertThat(seen.keySet()).as("servers haproxy checked; its output: %s", Files.readString(out))
                    .containsAll(wanted);
            Map<String, List<String>> ordered = new LinkedHashMap<>();
            wanted.forEach(n -> ordered.put(n, seen.get(n)));
            return ordered;
        } finally {
            p.destroy();
            p.waitFor();
            Files.deleteIfExists(cfg);
            Files.deleteIfExists(out);
        }
    }

    /** HAProxy's CSV: the header names the columns; no value of these backends holds a comma. */
    private static List<Map<String, String>> rows(String csv) {
        String[] lines = csv.split("\n");
        if (lines.length == 0 || !lines[0].startsWith("# ")) {
            return List.of();
        }
        String[] header = lines[0].substring(2).split(",", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] values = lines[i].split(",", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.length && c < values.length; c++) {
                row.put(header[c], values[c]);
            }
            rows.add(row);
        }
        return rows;
    }
}
