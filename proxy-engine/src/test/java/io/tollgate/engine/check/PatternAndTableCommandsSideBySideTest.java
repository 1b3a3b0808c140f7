package io.tollgate.engine.check;

import io.tollgate.engine.admin.AccessLevel;
import io.tollgate.engine.admin.Actor;
import io.tollgate.engine.admin.RuntimeApi;
import io.tollgate.engine.config.Config;
import io.tollgate.engine.config.ConfigLoader;
import io.tollgate.engine.runtime.Proxies;
import io.tollgate.engine.stats.Ticker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's HAProxy 2.6 and Tollgate run the same stick table, ACL and map commands on the same
 * configuration and files, HAProxy over its stats socket: every answer must be the same, entry
 * addresses ({@code 0x...}), remaining milliseconds ({@code exp=}) and the configuration's file
 * name aside. HAProxy's {@code show acl} also lists two ACLs of its HTTP client, which Tollgate
 * does not have (it skips their ids): those two lines are left out of the comparison.
 */
class PatternAndTableCommandsSideBySideTest {
    private static final Actor ADMIN = new Actor("test", "side-by-side", "socket", AccessLevel.ADMIN);

    @TempDir
    Path dir;

    @Test
    void sameAnswersAsHaproxy() throws Exception {
        Path blocked = Files.writeString(dir.resolve("blocked.lst"), "127.0.0.2\n# not this\n10.0.0.0/8\n");
        Path paths = Files.writeString(dir.resolve("paths.map"), "/api api\n/static   files\n");
        Path socket = dir.resolve("h.sock");
        int statsPort = LocalPorts.unused();
        String config = """
                global
                    stats socket %s level admin
                defaults
                    mode http
                    timeout connect 2s
                    timeout client 5s
                    timeout server 5s
                listen stats
                    bind 127.0.0.1:%d
                    stats uri /
                frontend fe
                    bind 127.0.0.1:%d
                    acl bad src -f %s
                    acl named hdr(x) -i -f %s
                    http-request deny if bad named
                    http-request set-header X-P %%[path,map_beg(%s,none)]
                    default_backend be_a
                backend be_a
                    stick-table type ip size 200k expire 30s store gpc0,conn_rate(10s),http_req_cnt
                    server s1 127.0.0.1:%d
                backend be_b
                    stick-table type string len 32 size 1k store server_id,gpt0
                    server s1 127.0.0.1:%d
                backend ti
                    stick-table type integer size 10 store gpc0,bytes_in_cnt,server_id
                """.formatted(socket, statsPort, LocalPorts.unused(), blocked, blocked, paths, LocalPorts.unused(),
                LocalPorts.unused());
        Path cfg = Files.writeString(dir.resolve("t.cfg"), config);
        Config parsed = ConfigLoader.load(List.of(cfg), Map.of(), dir);
        RuntimeApi tollgate = new RuntimeApi(new Proxies(parsed, Ticker.SYSTEM));

        List<String> commands = List.of(
                "show table",
                "set table be_a key 127.0.0.1 data.gpc0 5",
                "set table be_a key 127.0.0.2 data.http_req_cnt 7 data.gpc0 1",
                "set table be_a key 127.0.0.3 data.conn_rate 4",
                "show table be_a",
                "show table be_a data.gpc0 gt 2",
                "show table be_a data.gpc0 eq 1 data.http_req_cnt ge 7",
                "show table be_a data.conn_rate eq 4",
                "show table be_a key 127.0.0.2",
                "show table be_a key 9.9.9.9",
                "show table be_a data.gpt0 eq 1",
                "show table be_a data.gpc0 lt x",
                "show table be_a data.gpc0 eq 0 data.gpc0 eq 0 data.gpc0 eq 0 data.gpc0 eq 0 data.gpc0 eq 0",
                "show table be_a bogus",
                "show table nope",
                "set table be_b key hello data.server_id 3 data.gpt0 2",
                "show table be_b",
                "set table ti key 12 data.bytes_in_cnt 99999999999 data.server_id -3",
                "set table ti key -1 data.gpc0 1",
                "show table ti",
                "clear table be_a key 127.0.0.1",
                "clear table be_a data.gpc0 eq 1",
                "show table be_a",
                "clear table be_a",
                "show table",
                "show acl " + blocked,
                "show map " + paths,
                "show map #0",
                "add acl " + blocked + " 1.2.3.4",
                "add acl " + blocked + " not-an-address",
                "show acl " + blocked,
                "get acl " + blocked + " 1.2.3.4",
                "get acl " + blocked + " 10.9.9.9",
                "get acl " + blocked + " 192.0.2.1",
                "get map " + paths + " /static/x",
                "get map " + paths + " /other",
                "add map " + paths + " /s small",
                "set map " + paths + " /api v2",
                "set map " + paths + " /nope v2",
                "get map " + paths + " /api/x",
                "get map " + paths + " /s",
                "del map " + paths + " /static",
                "del map " + paths + " /static",
                "show map " + paths,
                "del acl " + blocked + " 127.0.0.2",
                "del acl " + blocked + " #0x1",
                "show acl " + blocked,
                "clear acl " + blocked,
                "show acl " + blocked,
                "clear map " + paths,
                "show map " + paths,
                "show acl /nope",
                "get map /nope x",
                "add acl " + blocked,
                "add map " + paths + " k",
                "set map " + paths + " k",
                "del acl " + blocked,
                "clear acl",
                "get acl",
                "add acl #1 192.0.2.1",
                "get acl #1 192.0.2.1",
                "show acl #1",
                "show acl #2",
                "del acl #2 " + "nothing",
                "prepare acl " + blocked,
                "prepare acl " + blocked,
                "add acl @2 " + blocked + " 3.3.3.3",
                "add acl @1 " + blocked + " 4.4.4.4",
                "add acl @3 " + blocked + " 4.4.4.4",
                "show acl @2 " + blocked,
                "show acl @1 " + blocked,
                "get acl " + blocked + " 3.3.3.3",
                "show acl",
                "clear acl @1 " + blocked,
                "commit acl @5 " + blocked,
                "commit acl " + blocked,
                "commit acl @2 " + blocked,
                "show acl " + blocked,
                "get acl " + blocked + " 3.3.3.3",
                "commit acl @2 " + blocked,
                "add acl @0 " + blocked + " 5.5.5.5",
                "show acl @0 " + blocked,
                "prepare map " + paths,
                "add map @1 " + paths + " /v v1",
                "show map @1 " + paths,
                "get map " + paths + " /v/x",
                "commit map @1 " + paths,
                "show map " + paths,
                "get map " + paths + " /v/x",
                "prepare acl /nope",
                "show acl",
                "show map");

        List<String> ours = new ArrayList<>();
        for (String c : commands) {
            ours.add(normalize(tollgate.execute(c, ADMIN)));
        }
        List<String> theirs = new ArrayList<>();
        try (HaproxyProcess haproxy = HaproxyProcess.start(config, statsPort)) {
            for (String c : commands) {
                String answer = ask(socket, c);
                // the CLI ends each answer with an empty line, which RuntimeApi leaves to the socket
                assertThat(answer).as(c).endsWith("\n");
                theirs.add(answer.substring(0, answer.length() - 1));
            }
        }
        for (int i = 0; i < commands.size(); i++) {
            assertThat(ours.get(i)).as(commands.get(i)).isEqualTo(normalize(theirs.get(i)));
        }
    }

    /** Entry addresses, remaining times, the configuration's name and HAProxy's own ACLs (see above). */
    private static String normalize(String answer) {
        String text = answer.replaceAll("0x[0-9a-f]+", "0x?").replaceAll("exp=[0-9]+", "exp=?")
                .replaceAll("file '[^']*\\.cfg' line", "file 'CFG' line");
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.endsWith("file 'httpclient' line 0. curr_ver=0 next_ver=0 entry_cnt=1")) {
                continue;
            }
            out.append(line).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }

    /** One command over HAProxy's UNIX stats socket, in its non-interactive mode: the answer up to the close. */
    private static String ask(Path socket, String command) throws IOException {
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            ch.write(ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.UTF_8)));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteBuffer buf = ByteBuffer.allocate(8192);
            while (ch.read(buf) >= 0) {
                out.write(buf.array(), 0, buf.position());
                buf.clear();
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
