package io.tollgate.engine.acl;

import static io.tollgate.engine.acl.TestRequest.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tollgate.engine.config.Directive;
import io.tollgate.engine.config.Source;

/**
 * The {@code map*} converters: which line decides, as {@code haproxy -db} 2.6.12's
 * {@code get map} showed for the same files (longest prefix for {@code beg} and {@code ip},
 * first line for {@code sub} and {@code reg}), defaults, and files used two ways.
 */
class MapConverterTest {
    @TempDir
    Path dir;

    private String value(String expression, TestRequest r) throws AclException {
        return SampleExpression.compile(expression.replace("DIR", dir.toString())).value(r);
    }

    @Test
    void theDecidingLine() throws Exception {
        Files.writeString(dir.resolve("beg.map"), "/a x\n/ab y\n/ z\n");
        Files.writeString(dir.resolve("ip.map"), "10.0.0.0/8 wide\n10.1.0.0/16 narrow\n10.1.2.3 exact\n");
        Files.writeString(dir.resolve("sub.map"), "# comment\na one\n  ab   two words\n");
        assertThat(value("path,map_beg(DIR/beg.map)", get("/abc"))).isEqualTo("y");
        assertThat(value("path,map_beg(DIR/beg.map)", get("/b"))).isEqualTo("z");
        assertThat(value("src,map_ip(DIR/ip.map)", get("/").from("10.1.2.3"))).isEqualTo("exact");
        assertThat(value("src,map_ip(DIR/ip.map)", get("/").from("10.1.9.9"))).isEqualTo("narrow");
        assertThat(value("src,map_ip(DIR/ip.map)", get("/").from("10.9.9.9"))).isEqualTo("wide");
        assertThat(value("src,map_ip(DIR/ip.map)", get("/").from("192.0.2.1"))).isNull();
        assertThat(value("src,map_ip(DIR/ip.map,none)", get("/").from("192.0.2.1"))).isEqualTo("none");
        assertThat(value("path,map_sub(DIR/sub.map)", get("/xaby"))).isEqualTo("one");
        assertThat(value("path,map_reg(DIR/sub.map)", get("/xaby"))).isEqualTo("one");
        assertThat(value("path,map_end(DIR/sub.map)", get("/ab"))).isEqualTo("two words");
        assertThat(value("req.hdr(host),lower,map(DIR/sub.map)", get("/").header("Host", "AB"))).isEqualTo("two words");
        assertThat(value("req.hdr(host),map_str_int(DIR/sub.map,0)", get("/").header("Host", "zz"))).isEqualTo("0");
    }

    @Test
    void aFileIsEitherAnAclOrAMap() throws Exception {
        Path file = Files.writeString(dir.resolve("two.map"), "a one\n");
        PatternFiles files = new PatternFiles();
        files.bind();
        try {
            SampleExpression.compile("path,map_sub(" + file + ")");
            assertThatThrownBy(() -> Acls.compile(List.of(new Directive("acl", List.of("e", "path_end", "-f",
                    file.toString()), new Source("t.cfg", 4))), null)).hasMessage("error detected while parsing ACL 'e' : "
                    + "The file \"" + file + "\" is already used as two column file and cannot be used by as one column "
                    + "file..");
        } finally {
            files.unbind();
        }
        PatternFiles other = new PatternFiles();
        other.bind();
        try {
            Acls.compile(List.of(new Directive("acl", List.of("e", "path_end", "-f", file.toString()),
                    new Source("t.cfg", 4))), null);
            assertThatThrownBy(() -> SampleExpression.compile("path,map_sub(" + file + ")")).hasMessage(
                    "invalid args in converter 'map_sub' : The file \"" + file + "\" is already used as one column file "
                    + "and cannot be used by as two column file..");
        } finally {
            other.unbind();
        }
    }

    @Test
    void configurationMistakesAreNamedAtTheirLine() throws Exception {
        Files.writeString(dir.resolve("one.lst"), "a\n");
        Files.writeString(dir.resolve("bad.lst"), "10.0.0.1\nnot-an-ip\n");
        String head = "defaults\n    mode http\nfrontend fe\n    bind 127.0.0.1:29999\n";
        // as haproxy -c 2.6.12 says it
        assertThatThrownBy(() -> load(head + "    acl x src notanip\n")).hasMessageContaining("[t.cfg:5] : error "
                + "detected while parsing ACL 'x' : 'notanip' is not a valid IPv4 or IPv6 address.");
        assertThatThrownBy(() -> load(head + "    acl x src -f " + dir.resolve("bad.lst") + "\n")).hasMessageContaining(
                "[t.cfg:5] : error detected while parsing ACL 'x' : 'not-an-ip' is not a valid IPv4 or IPv6 address at "
                + "line 2 of file '" + dir.resolve("bad.lst") + "'.");
        assertThatThrownBy(() -> load(head + "    acl e path_end -i -f " + dir.resolve("one.lst") + "\n"
                + "    http-request set-header Z %[path,map_sub(" + dir.resolve("one.lst") + ")]\n"))
                .hasMessageContaining("[t.cfg:6] : error detected in frontend 'fe' while parsing 'http-request set-header' "
                        + "rule : ").hasMessageContaining("invalid args in converter 'map_sub' : The file \""
                        + dir.resolve("one.lst") + "\" is already used as one column file and cannot be used by as two "
                        + "column file..");
    }

    private void load(String config) throws Exception {
        Files.writeString(dir.resolve("t.cfg"), config);
        io.tollgate.engine.config.ConfigLoader.load(List.of(Path.of("t.cfg")), java.util.Map.of(), dir);
    }
}
