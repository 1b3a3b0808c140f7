package io.tollgate.engine.admin;

import io.tollgate.engine.config.Config;
import io.tollgate.engine.config.ConfigLoader;
import io.tollgate.engine.runtime.Proxies;
import io.tollgate.engine.stats.Ticker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.tollgate.engine.admin.CliActors.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ACL and map commands on {@code -f} and map files: answers and errors as
 * {@code haproxy -db} 2.6.12 gave them for the same files (entry addresses aside).
 */
class PatternCommandsTest {

    @TempDir
    Path dir;
    private RuntimeApi api;
    private String blocked;
    private String hosts;

    @BeforeEach
    void load() throws Exception {
        blocked = Files.writeString(dir.resolve("blocked.lst"), "127.0.0.2\n10.0.0.0/8\n").toString();
        hosts = Files.writeString(dir.resolve("hosts.map"), "a.example be_a\nb.example   be_b\n").toString();
        Path cfg = dir.resolve("t.cfg");
        Files.writeString(cfg, """
                defaults
                  mode http
                  timeout connect 1s
                  timeout client 1s
                  timeout server 1s
                frontend fe
                  bind 127.0.0.1:28080
                  acl bad src -f %1$s
                  http-request deny if bad
                  http-request deny if { src -f %1$s }
                  use_backend %%[req.hdr(host),lower,map(%2$s,be_a)]
                backend be_a
                  acl s hdr(x) -f %1$s
                  acl s2 hdr(x) -i -f %1$s
                  acl s3 hdr(x) -m beg -f %1$s
                  http-request deny if s s2 s3
                  server s1 127.0.0.1:28081
                backend be_b
                  server s1 127.0.0.1:28081
                """.formatted(blocked, hosts));
        Config config = ConfigLoader.load(List.of(cfg), Map.of(), dir);
        api = new RuntimeApi(new Proxies(config, Ticker.SYSTEM));
    }

    private String run(String command) {
        return api.execute(command, USER).replaceAll("0x[0-9a-f]+ ", "0x? ");
    }

    @Test
    void showAndGet() {
        assertThat(run("show acl")).isEqualTo("# id (file) description\n0 (" + blocked + ") pattern loaded from file '"
                + blocked + "' used by acl at file '" + dir.resolve("t.cfg") + "' line 8, by acl at file '"
                + dir.resolve("t.cfg") + "' line 10, by acl at file '" + dir.resolve("t.cfg") + "' line 13, by acl at file '"
                + dir.resolve("t.cfg") + "' line 14, by acl at file '" + dir.resolve("t.cfg") + "' line 15."
                + " curr_ver=0 next_ver=0 entry_cnt=8\n"
                // the patterns written on each ACL are a list too, numbered in line order as HAProxy does
                + "1 () acl 'src' file '" + dir.resolve("t.cfg") + "' line 8. curr_ver=0 next_ver=0 entry_cnt=0\n"
                + "2 () acl 'src' file '" + dir.resolve("t.cfg") + "' line 10. curr_ver=0 next_ver=0 entry_cnt=0\n"
                + "3 () acl 'hdr' file '" + dir.resolve("t.cfg") + "' line 13. curr_ver=0 next_ver=0 entry_cnt=0\n"
                + "4 () acl 'hdr' file '" + dir.resolve("t.cfg") + "' line 14. curr_ver=0 next_ver=0 entry_cnt=0\n"
                + "5 () acl 'hdr' file '" + dir.resolve("t.cfg") + "' line 15. curr_ver=0 next_ver=0 entry_cnt=0\n");
        // the map of a dynamic use_backend comes last, after the two ids of HAProxy's HTTP client ACLs
        assertThat(run("show map")).isEqualTo("# id (file) description\n8 (" + hosts + ") pattern loaded from file '"
                + hosts + "' used by map at file '" + dir.resolve("t.cfg") + "' line 11. curr_ver=0 next_ver=0 "
                + "entry_cnt=2\n");
        assertThat(run("show acl #0")).isEqualTo("0x? 127.0.0.2\n0x? 10.0.0.0/8\n");
        assertThat(run("show acl " + blocked + " extra")).isEqualTo("0x? 127.0.0.2\n0x? 10.0.0.0/8\n");
        assertThat(run("show map " + hosts)).isEqualTo("0x? a.example be_a\n0x? b.example be_b\n");

        assertThat(run("get acl #0 10.1.2.3")).isEqualTo("""
                type=ip, case=sensitive, match=yes, idx=tree, pattern="10.0.0.0/8"
                type=str, case=sensitive, match=no
                type=str, case=insensitive, match=no
                type=beg, case=sensitive, match=no
                """);
        assertThat(run("add acl #0 1.1.1.1")).isEmpty();
        assertThat(run("get acl " + blocked + " 1.1.1.1")).isEqualTo("""
                type=ip, case=sensitive, match=yes, idx=tree, pattern="1.1.1.1"
                type=str, case=sensitive, match=yes, idx=tree, pattern="1.1.1.1"
                type=str, case=insensitive, match=yes, idx=list, pattern="1.1.1.1"
                type=beg, case=sensitive, match=yes, idx=tree, pattern="1.1.1.1"
                """);
        // HAProxy counts an entry once per form it enters
        assertThat(run("show acl")).contains(" curr_ver=0 next_ver=0 entry_cnt=12\n");
        assertThat(run("get map " + hosts + " b.example"))
                .isEqualTo("type=str, case=sensitive, found=yes, idx=tree, key=\"b.example\", value=\"be_b\", type=\"str\"\n");
        assertThat(run("get map #8 zz")).isEqualTo("type=str, case=sensitive, found=no\n");
    }

    @Test
    void changes() {
        assertThat(run("add map #8 c.example be_c")).isEmpty();
        assertThat(run("add map #8 k v extra")).isEmpty();
        assertThat(run("show map #8")).isEqualTo("0x? a.example be_a\n0x? b.example be_b\n0x? c.example be_c\n0x? k v\n");
        assertThat(run("set map #8 c.example be_x")).isEmpty();
        assertThat(run("get map #8 c.example")).contains("value=\"be_x\"");
        assertThat(run("set map #8 zz be_x")).isEqualTo("entry not found.\n");
        assertThat(run("set map #8 #0x1 v")).isEqualTo("key or pattern not found.\n");
        String ref = api.execute("show map #8", USER).split("\n")[0].split(" ")[0];
        assertThat(run("set map #8 #" + ref + " be_z")).isEmpty();
        assertThat(run("get map #8 a.example")).contains("value=\"be_z\"");
        assertThat(run("del map #8 c.example")).isEmpty();
        assertThat(run("del map #8 c.example")).isEqualTo("Key not found.\n");
        assertThat(run("del map #8 #" + ref)).isEmpty();
        assertThat(run("show map #8")).isEqualTo("0x? b.example be_b\n0x? k v\n");
        assertThat(run("clear map " + hosts)).isEmpty();
        assertThat(run("show map #8")).isEmpty();

        assertThat(run("add acl #0 1.2.3.4 5.6.7.8")).isEmpty();
        assertThat(run("show acl #0")).isEqualTo("0x? 127.0.0.2\n0x? 10.0.0.0/8\n0x? 1.2.3.4\n");
        assertThat(run("del acl #0 1.2.3.4")).isEmpty();
        assertThat(run("del acl #0 #0x1234")).isEqualTo("Key not found.\n");
        assertThat(run("clear acl #0")).isEmpty();
        assertThat(run("show acl #0")).isEmpty();
    }

    @Test
    void mistakes() {
        assertThat(run("get acl")).isEqualTo("Missing ACL identifier and/or key.\n");
        assertThat(run("get acl #0")).isEqualTo("Missing ACL identifier and/or key.\n");
        assertThat(run("get map #8")).isEqualTo("Missing map identifier and/or key.\n");
        assertThat(run("get acl #9 x")).isEqualTo("Unknown ACL identifier. Please use #<id> or <file>.\n");
        assertThat(run("get map /nope x")).isEqualTo("Unknown map identifier. Please use #<id> or <file>.\n");
        assertThat(run("show acl /nope")).isEqualTo("Unknown ACL identifier. Please use #<id> or <file>.\n");
        assertThat(run("show map #0")).isEqualTo("Unknown map identifier. Please use #<id> or <file>.\n");
        assertThat(run("show acl #99")).isEqualTo("Unknown ACL identifier. Please use #<id> or <file>.\n");
        assertThat(run("add acl #0 notanip")).isEqualTo("'notanip' is not a valid IPv4 or IPv6 address.\n");
        assertThat(run("add acl #0")).isEqualTo("'add acl' expects two parameters: ACL identifier and pattern.\n");
        assertThat(run("add acl /nope a")).isEqualTo("Unknown ACL identifier. Please use #<id> or <file>.\n");
        assertThat(run("add map #8 c.example")).isEqualTo("'add map' expects three parameters (map identifier, key and "
                + "value) or one parameter (map identifier) and a payload\n");
        assertThat(run("add map /nope a b")).isEqualTo("Unknown map identifier. Please use #<id> or <file>.\n");
        assertThat(run("set map #8 c.example")).isEqualTo("'set map' expects three parameters: map identifier, key and value.\n");
        assertThat(run("set map /nope a b")).isEqualTo("Unknown map identifier. Please use #<id> or <file>.\n");
        assertThat(run("del acl #0")).isEqualTo("This command expects two parameters: ACL identifier and key.\n");
        assertThat(run("del map")).isEqualTo("This command expects two parameters: map identifier and key.\n");
        // HAProxy 2.6 says "map" here for an ACL too
        assertThat(run("del acl /nope a")).isEqualTo("Unknown map identifier. Please use #<id> or <file>.\n");
        assertThat(run("clear acl")).isEqualTo("Missing ACL identifier.\n");
        assertThat(run("clear map")).isEqualTo("Missing map identifier.\n");
        assertThat(run("clear map /nope")).isEqualTo("Unknown map identifier. Please use #<id> or <file>.\n");
        assertThat(run("add acl @1 #0 1.2.3.4")).isEqualTo("Version number in the future, please use 'prepare acl' before.\n");
        assertThat(run("commit map #8")).isEqualTo("Missing version number.\n");
        assertThat(run("commit map @1 #8")).isEqualTo("Version number out of range.\n");
        assertThat(run("prepare map /nope")).isEqualTo("Unknown map identifier. Please use #<id> or <file>.\n");
        // none of it changed anything
        assertThat(run("show acl #0")).isEqualTo("0x? 127.0.0.2\n0x? 10.0.0.0/8\n");
        assertThat(run("show map #8")).isEqualTo("0x? a.example be_a\n0x? b.example be_b\n");
    }

    @Test
    void versionsAreFilledApartThenCommittedAtOnce() {
        assertThat(run("prepare acl #0")).isEqualTo("New version created: 1\n");
        assertThat(run("add acl @1 #0 3.3.3.3")).isEmpty();
        assertThat(run("show acl @1 #0")).isEqualTo("0x? 3.3.3.3\n");
        // not seen before the commit
        assertThat(run("get acl #0 3.3.3.3")).startsWith("type=ip, case=sensitive, match=no\n");
        assertThat(run("show acl")).contains("curr_ver=0 next_ver=1 ");
        assertThat(run("commit acl @1 #0")).isEmpty();
        assertThat(run("show acl #0")).isEqualTo("0x? 3.3.3.3\n");
        assertThat(run("get acl #0 3.3.3.3")).startsWith("type=ip, case=sensitive, match=yes, idx=tree, pattern=\"3.3.3.3\"\n");
        assertThat(run("get acl #0 127.0.0.2")).startsWith("type=ip, case=sensitive, match=no\n");
        assertThat(run("show acl")).contains("curr_ver=1 next_ver=1 ");
        assertThat(run("commit acl @1 #0")).isEqualTo("Version number out of range.\n");
        assertThat(run("clear acl @1 #0")).isEmpty();
        assertThat(run("show acl #0")).isEmpty();
    }
}
