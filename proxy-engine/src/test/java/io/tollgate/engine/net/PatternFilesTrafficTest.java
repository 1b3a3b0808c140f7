package io.tollgate.engine.net;

import io.tollgate.engine.admin.AccessLevel;
import io.tollgate.engine.admin.Actor;
import io.tollgate.engine.admin.RuntimeApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.tollgate.engine.net.RunningEngine.freePort;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runtime API's ACL and map commands change what the next request over a real socket meets:
 * a {@code -f} file shared by a named and an anonymous ACL, a map choosing the backend in
 * {@code use_backend %[...]}, a map filling a header; the files on disk stay as they were.
 */
class PatternFilesTrafficTest {
    private static final Actor USER = new Actor("ops", "/run/t.sock", "socket", AccessLevel.USER);

    @RegisterExtension
    final TestResources resources = new TestResources();
    @TempDir
    Path dir;

    private int port;
    private RuntimeApi api;
    private Path blocked;
    private Path hosts;
    private Path tiers;

    private void start() throws Exception {
        blocked = Files.writeString(dir.resolve("blocked.lst"), "# nobody yet\n10.0.0.0/8\n");
        hosts = Files.writeString(dir.resolve("hosts.map"), "b.example be_b\n");
        tiers = Files.writeString(dir.resolve("tiers.map"), "/head gold\n");
        Upstream a = resources.upstream("a");
        Upstream b = resources.upstream("b");
        port = freePort();
        RunningEngine e = resources.engine("""
                defaults
                    mode http
                    timeout connect 2s
                    timeout client 10s
                    timeout server 10s
                frontend fe
                    bind 127.0.0.1:%d
                    acl blocked src -f %s
                    http-request deny if blocked
                    http-request deny if { src -f %s } { path /anon }
                    http-request set-header X-Tier %%[path,map_beg(%s,none)]
                    use_backend %%[req.hdr(host),lower,map(%s,be_a)]
                backend be_a
                    server a 127.0.0.1:%d
                backend be_b
                    server b 127.0.0.1:%d
                """.formatted(port, blocked, blocked, tiers, hosts, a.port(), b.port()));
        api = new RuntimeApi(e.engine().proxies());
    }

    private RawHttp.Response get(String path, String host) throws IOException {
        try (RawHttp c = new RawHttp(port)) {
            c.send("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
            return c.read(false);
        }
    }

    private String run(String command) {
        return api.execute(command, USER);
    }

    @Test
    void addAndDelAclTakeEffectOnTheNextRequest() throws Exception {
        start();
        assertThat(get("/", "x").status()).isEqualTo(200);

        assertThat(run("add acl " + blocked + " 127.0.0.1")).isEmpty();
        assertThat(get("/", "x").status()).isEqualTo(403);
        // the anonymous ACL on the same file sees the same change
        assertThat(run("del acl " + blocked + " 127.0.0.1")).isEmpty();
        assertThat(get("/anon", "x").status()).isEqualTo(200);
        assertThat(run("add acl #0 127.0.0.0/8")).isEmpty();
        assertThat(get("/anon", "x").status()).isEqualTo(403);

        String listed = run("show acl " + blocked);
        assertThat(listed).matches("0x[0-9a-f]+ 10\\.0\\.0\\.0/8\n0x[0-9a-f]+ 127\\.0\\.0\\.0/8\n");
        String entry = listed.split("\n")[1].split(" ")[0];
        assertThat(run("del acl " + blocked + " #" + entry)).isEmpty();
        assertThat(get("/", "x").status()).isEqualTo(200);

        assertThat(run("add acl " + blocked + " 127.0.0.1")).isEmpty();
        assertThat(get("/", "x").status()).isEqualTo(403);
        assertThat(run("clear acl " + blocked)).isEmpty();
        assertThat(run("show acl " + blocked)).isEmpty();
        assertThat(get("/", "x").status()).isEqualTo(200);

        // a prepared version is filled apart and reaches traffic only when committed
        assertThat(run("prepare acl " + blocked)).isEqualTo("New version created: 1\n");
        assertThat(run("add acl @1 " + blocked + " 127.0.0.1")).isEmpty();
        assertThat(get("/", "x").status()).isEqualTo(200);
        assertThat(run("commit acl @1 " + blocked)).isEmpty();
        assertThat(get("/", "x").status()).isEqualTo(403);
        assertThat(run("clear acl " + blocked)).isEmpty();
        assertThat(get("/", "x").status()).isEqualTo(200);

        // refused: nothing changes
        assertThat(run("add acl " + blocked + " not-an-ip")).isEqualTo("'not-an-ip' is not a valid IPv4 or IPv6 address.\n");
        assertThat(run("show acl " + blocked)).isEmpty();
        assertThat(Files.readString(blocked)).isEqualTo("# nobody yet\n10.0.0.0/8\n");
    }

    @Test
    void mapsChooseTheBackendAndFillHeadersAsChanged() throws Exception {
        start();
        assertThat(get("/", "B.example").text()).isEqualTo("Hello! This is b!\n");
        assertThat(get("/", "c.example").text()).isEqualTo("Hello! This is a!\n");

        assertThat(run("add map " + hosts + " c.example be_b")).isEmpty();
        assertThat(get("/", "c.example").text()).isEqualTo("Hello! This is b!\n");
        assertThat(run("set map " + hosts + " b.example be_a")).isEmpty();
        assertThat(get("/", "b.example").text()).isEqualTo("Hello! This is a!\n");
        assertThat(run("del map " + hosts + " c.example")).isEmpty();
        assertThat(get("/", "c.example").text()).isEqualTo("Hello! This is a!\n");
        assertThat(run("get map " + hosts + " b.example"))
                .isEqualTo("type=str, case=sensitive, found=yes, idx=tree, key=\"b.example\", value=\"be_a\", type=\"str\"\n");

        assertThat(get("/headers", "x").text()).contains("X-Tier: gold\n");
        assertThat(run("set map " + tiers + " /head silver")).isEmpty();
        assertThat(get("/headers", "x").text()).contains("X-Tier: silver\n");
        assertThat(run("clear map " + tiers)).isEmpty();
        assertThat(get("/headers", "x").text()).contains("X-Tier: none\n");
        assertThat(run("add map " + tiers + " /h bronze")).isEmpty();
        assertThat(get("/headers", "x").text()).contains("X-Tier: bronze\n");

        assertThat(Files.readString(hosts)).isEqualTo("b.example be_b\n");
        assertThat(Files.readString(tiers)).isEqualTo("/head gold\n");
    }

    @Test
    void showListsEachFileOnceWithEveryLineUsingIt() throws Exception {
        start();
        String cfg = "file '[^']+' line ";
        assertThat(run("show acl")).matches("# id \\(file\\) description\n"
                + "0 \\(" + blocked + "\\) pattern loaded from file '" + blocked + "' used by acl at " + cfg + "8, by acl at "
                + cfg + "10\\. curr_ver=0 next_ver=0 entry_cnt=1\n"
                + "1 \\(\\) acl 'src' " + cfg + "8\\. curr_ver=0 next_ver=0 entry_cnt=0\n"
                + "2 \\(\\) acl 'src' " + cfg + "10\\. curr_ver=0 next_ver=0 entry_cnt=0\n"
                + "3 \\(\\) acl 'path' " + cfg + "10\\. curr_ver=0 next_ver=0 entry_cnt=1\n");
        assertThat(run("show map")).matches("# id \\(file\\) description\n"
                + "4 \\(" + tiers + "\\) pattern loaded from file '" + tiers + "' used by map at " + cfg
                + "11\\. curr_ver=0 next_ver=0 entry_cnt=1\n"
                + "7 \\(" + hosts + "\\) pattern loaded from file '" + hosts + "' used by map at " + cfg
                + "12\\. curr_ver=0 next_ver=0 entry_cnt=1\n");
        assertThat(run("show map #0")).isEqualTo("Unknown map identifier. Please use #<id> or <file>.\n");
        assertThat(run("show acl #4")).isEqualTo("Unknown ACL identifier. Please use #<id> or <file>.\n");
        // the patterns written on an ACL line can be changed too, as in HAProxy
        assertThat(run("show acl #3")).matches("0x[0-9a-f]+ /anon\n");
        assertThat(run("add acl #3 /anon2")).isEmpty();
        assertThat(run("add acl #2 127.0.0.1")).isEmpty();
        assertThat(get("/anon2", "x").status()).isEqualTo(403);
        assertThat(get("/other", "x").status()).isEqualTo(200);
    }
}
