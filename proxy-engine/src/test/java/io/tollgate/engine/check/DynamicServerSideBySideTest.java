package io.tollgate.engine.check;

import io.tollgate.engine.admin.AccessLevel;
import io.tollgate.engine.admin.Actor;
import io.tollgate.engine.admin.RuntimeApi;
import io.tollgate.engine.config.Config;
import io.tollgate.engine.config.ConfigLoader;
import io.tollgate.engine.runtime.Proxies;
import io.tollgate.engine.stats.CsvRows;
import io.tollgate.engine.stats.Ticker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code add server} and {@code del server} sent in the same order to Debian's haproxy 2.6.12 (over
 * its TCP stats socket, one command per connection as {@code socat} sends it) and to Tollgate's
 * runtime API on the same configuration: the bytes must be the same, given that the admin socket
 * ends each answer with an empty line as HAProxy's does. Then {@code show servers state} and
 * {@code show stat} must show the added servers alike (times and the differences said below aside).
 */
class DynamicServerSideBySideTest {
    @TempDir
    Path dir;

    private static String config(int socket, int stats, int up1, int up2, int up3) {
        return """
                global
                  stats socket ipv4@127.0.0.1:%d level admin
                defaults
                  mode http
                  timeout connect 1s
                  timeout client 5s
                  timeout server 5s
                listen probe
                  bind 127.0.0.1:%d
                  stats uri /
                backend rr
                  balance roundrobin
                  default-server inter 1s weight 7
                  server s1 127.0.0.1:%d
                  server s2 127.0.0.1:%d check
                backend st
                  balance static-rr
                  server a 127.0.0.1:%d
                backend us
                  use-server a if TRUE
                  server a 127.0.0.1:%d
                  server b 127.0.0.1:%d track rr/s2
                """.formatted(socket, stats, up1, up2, up1, up1, up2, up3);
    }

    private static String haproxy(int socket, String command) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", socket), 2000);
            s.setSoTimeout(5000);
            s.getOutputStream().write((command + "\n").getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.US_ASCII);
        }
    }

    /** A {@code show servers state} line without its backend id and seconds since the last change. */
    private static List<String> stateLines(String dump) {
        List<String> lines = new ArrayList<>();
        for (String line : dump.split("\n")) {
            String[] f = line.split(" ");
            if (f.length > 9 && Character.isDigit(line.charAt(0))) {
                f[0] = "-";
                f[9] = "-";
                lines.add(String.join(" ", f));
            }
        }
        return lines;
    }

    @Test
    void answersAndTheStateOfAddedServersAreHaproxys() throws Exception {
        int socket = LocalPorts.unused();
        int stats = LocalPorts.unused();
        int up1 = LocalPorts.unused();
        int up2 = LocalPorts.unused();
        int up3 = LocalPorts.unused();
        String text = config(socket, stats, up1, up2, up3);
        Path cfg = dir.resolve("t.cfg");
        Files.writeString(cfg, text);
        Config config = ConfigLoader.load(List.of(cfg), Map.of(), dir);
        RuntimeApi api = new RuntimeApi(new Proxies(config, Ticker.SYSTEM));
        Actor admin = new Actor("test", "test", "test", AccessLevel.ADMIN);
        List<String> commands = List.of(
                "add server rr/n1 127.0.0.1:" + up3,
                "add server rr/n1 127.0.0.1:" + up3,
                "add server st/n1 127.0.0.1:1",
                "add server nope/n1 127.0.0.1:1",
                "add server rr",
                "add server rr/",
                "add server rr/n2",
                "add server rr/n2 127.0.0.1:1 cookie c",
                "add server rr/n2 127.0.0.1:1 init-addr none",
                "add server rr/n2 127.0.0.1:1 foo",
                "add server rr/n2 127.0.0.1:1 track rr/s1",
                "add server rr/n2 127.0.0.1:1 track rr/n1",
                "add server rr/n2 127.0.0.1:1 track nope/s1",
                "add server rr/n2 127.0.0.1:1 track rr/zz",
                "add server rr/n3 127.0.0.1:1 id 3",
                "add server rr/n4 127.0.0.1:" + up3 + " enabled weight 5 maxconn 10",
                "add server rr/n5 127.0.0.1:" + up3 + " disabled backup",
                "add server rr/n6 127.0.0.1:" + up3 + " track s2",
                "del server rr/s1",
                "del server rr/s2",
                "del server us/a",
                "del server us/b",
                "del server rr/zz",
                "del server nope/x",
                "del server rr",
                "del server rr/n4",
                "del server rr/n1",
                "add server rr/n7 127.0.0.1:" + up3);
        try (HaproxyProcess h = HaproxyProcess.start(text, stats)) {
            for (String command : commands) {
                assertThat(api.execute(command, admin) + "\n").as(command).isEqualTo(haproxy(socket, command));
            }
            for (String command : List.of("add server rr/c1 127.0.0.1:" + up3 + " check",
                    "add server rr/g1 127.0.0.1:" + up3 + " agent-check agent-port " + up2)) {
                assertThat(api.execute(command, admin) + "\n").as(command).isEqualTo(haproxy(socket, command));
            }
            List<String> theirs = stateLines(haproxy(socket, "show servers state rr"));
            List<String> ours = stateLines(api.execute("show servers state rr", admin));
            assertThat(ours).hasSize(8);
            // s2 is checked (and DOWN) in haproxy only; c1's check state is 2 there (configured,
            // not paused: HAProxy pauses checks on entering maintenance, which a new server
            // never did) and 10 here (paused while in maintenance)
            assertThat(ours.subList(2, 6)).isEqualTo(theirs.subList(2, 6));
            assertThat(ours.get(6).replace(" 0 10 0 0 0 - ", " 0 2 0 0 0 - ")).isEqualTo(theirs.get(6));
            // the agent's state (18: configured, not enabled) needs a running engine's agent: see
            // DynamicServerTrafficTest; without one the runtime API alone shows 0
            assertThat(ours.get(7).replace(" 0 0 0 0 - ", " 0 18 0 0 - ")).isEqualTo(theirs.get(7));

            Map<String, Map<String, String>> theirStats = CsvRows.parse(haproxy(socket, "show stat"));
            Map<String, Map<String, String>> ourStats = CsvRows.parse(api.execute("show stat", admin));
            for (String server : List.of("n5", "n6", "n7", "c1", "g1")) {
                Map<String, String> their = new java.util.TreeMap<>(theirStats.get("rr/" + server));
                Map<String, String> our = new java.util.TreeMap<>(ourStats.get("rr/" + server));
                // src_ilim: HAProxy shows 0 for dynamic servers only (their idle-connection
                // limit), Tollgate no limit as for every server
                for (Map<String, String> row : List.of(their, our)) {
                    row.remove("lastchg");
                    row.remove("src_ilim");
                }
                assertThat(our).as(server).isEqualTo(their);
            }
        }
    }
}
