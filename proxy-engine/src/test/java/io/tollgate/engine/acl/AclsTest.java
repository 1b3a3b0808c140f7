package io.tollgate.engine.acl;

import static io.tollgate.engine.acl.TestRequest.get;
import static io.tollgate.engine.acl.TestRequest.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tollgate.engine.config.Directive;
import io.tollgate.engine.config.Source;

/** Named ACLs, conditions, predefined ACLs, pattern files and error messages. */
class AclsTest {
    @TempDir
    Path dir;

    private static List<Directive> lines(String... acls) {
        List<Directive> out = new ArrayList<>();
        for (int i = 0; i < acls.length; i++) {
            out.add(new Directive("acl", Arrays.asList(acls[i].split(" ")), new Source("t.cfg", i + 1)));
        }
        return out;
    }

    private Condition cond(Acls acls, String words) throws AclException {
        return acls.condition(words.isEmpty() ? List.of() : Arrays.asList(words.split(" ")));
    }

    @Test
    void linesWithOneNameAreOred() throws AclException {
        Acls acls = Acls.compile(lines("static path_beg /static", "static path_end .css"), dir);
        Condition c = cond(acls, "if static");
        assertThat(c.matches(get("/static/x"))).isTrue();
        assertThat(c.matches(get("/x/a.css"))).isTrue();
        assertThat(c.matches(get("/x/a.js"))).isFalse();
    }

    @Test
    void juxtapositionIsAndAndOrBindsLooser() throws AclException {
        Acls acls = Acls.compile(lines("a path_beg /a", "b hdr(host) b", "c method POST"), dir);
        Condition c = cond(acls, "if a b || c");
        assertThat(c.matches(get("/a").header("Host", "b"))).isTrue();
        assertThat(c.matches(get("/a"))).isFalse();
        assertThat(c.matches(request("POST", "/z"))).isTrue();
        assertThat(cond(acls, "if a or c").matches(get("/a"))).isTrue();
        assertThat(cond(acls, "if a OR c").matches(get("/x"))).isFalse();
    }

    @Test
    void negationAndUnless() throws AclException {
        Acls acls = Acls.compile(lines("a path_beg /a", "b hdr(host) b"), dir);
        assertThat(cond(acls, "if !a").matches(get("/a"))).isFalse();
        assertThat(cond(acls, "if !a").matches(get("/x"))).isTrue();
        assertThat(cond(acls, "if ! a").matches(get("/x"))).isTrue();
        assertThat(cond(acls, "if !!a").matches(get("/a"))).isTrue();
        assertThat(cond(acls, "if a !b").matches(get("/a").header("Host", "c"))).isTrue();
        assertThat(cond(acls, "unless a").matches(get("/a"))).isFalse();
        assertThat(cond(acls, "unless a").matches(get("/b"))).isTrue();
        assertThat(cond(acls, "unless a || b").matches(get("/x").header("Host", "b"))).isFalse();
    }

    @Test
    void anonymousAcls() throws AclException {
        Acls acls = Acls.compile(lines("a path_beg /a"), dir);
        Condition c = cond(acls, "if { hdr(host) -i api.example.com } || a !{ src 10.0.0.0/8 }");
        assertThat(c.matches(get("/z").header("Host", "API.example.com"))).isTrue();
        assertThat(c.matches(get("/a"))).isTrue();
        assertThat(c.matches(get("/a").from("10.1.1.1"))).isFalse();
        assertThat(cond(acls, "unless { path /x }").matches(get("/x"))).isFalse();
    }

    @Test
    void emptyConditionIsAlwaysTrueAndDanglingOperatorsAreIgnored() throws AclException {
        Acls acls = Acls.compile(lines("a path /a"), dir);
        assertThat(cond(acls, "").matches(get("/z"))).isTrue();
        assertThat(cond(acls, "if a ||").matches(get("/z"))).isFalse();
        assertThat(cond(acls, "if or a").matches(get("/a"))).isTrue();
        assertThat(cond(acls, "if !").matches(get("/a"))).isFalse();
    }

    @Test
    void predefinedAcls() throws AclException {
        Acls acls = Acls.compile(List.of(), dir);
        assertThat(cond(acls, "if TRUE").matches(get("/"))).isTrue();
        assertThat(cond(acls, "if FALSE").matches(get("/"))).isFalse();
        assertThat(cond(acls, "if METH_GET").matches(request("HEAD", "/"))).isTrue();
        assertThat(cond(acls, "if METH_GET").matches(request("POST", "/"))).isFalse();
        assertThat(cond(acls, "if METH_POST").matches(request("POST", "/"))).isTrue();
        assertThat(cond(acls, "if METH_PUT METH_DELETE").matches(request("PUT", "/"))).isFalse();
        assertThat(cond(acls, "if METH_OPTIONS || METH_TRACE || METH_CONNECT || METH_HEAD || METH_DELETE")
                .matches(request("CONNECT", "h:443"))).isTrue();
        assertThat(cond(acls, "if LOCALHOST").matches(get("/").from("127.5.0.1"))).isTrue();
        assertThat(cond(acls, "if LOCALHOST").matches(get("/").from("::1"))).isTrue();
        assertThat(cond(acls, "if LOCALHOST").matches(get("/"))).isFalse();
        assertThat(cond(acls, "if HTTP").matches(get("/"))).isTrue();
        assertThat(cond(acls, "if HTTP").matches(TestRequest.tcp())).isFalse();
        assertThat(cond(acls, "if HTTP_1.1").matches(get("/"))).isTrue();
        assertThat(cond(acls, "if HTTP_1.0").matches(get("/").version("1.0"))).isTrue();
        assertThat(cond(acls, "if HTTP_2.0").matches(get("/"))).isFalse();
        assertThat(cond(acls, "if HTTP_URL_ABS").matches(get("http://h/x"))).isTrue();
        assertThat(cond(acls, "if HTTP_URL_ABS").matches(get("/x"))).isFalse();
        assertThat(cond(acls, "if HTTP_URL_SLASH").matches(get("/x"))).isTrue();
        assertThat(cond(acls, "if HTTP_URL_STAR").matches(request("OPTIONS", "*"))).isTrue();
        assertThat(cond(acls, "if HTTP_CONTENT").matches(request("POST", "/").header("Content-Length", "3"))).isTrue();
        assertThat(cond(acls, "if HTTP_CONTENT").matches(get("/"))).isFalse();
        assertThat(cond(acls, "if REQ_CONTENT WAIT_END").matches(get("/"))).isTrue();
        assertThat(cond(acls, "if RDP_COOKIE").matches(get("/"))).isFalse();
    }

    @Test
    void ownAclHidesPredefinedOne() throws AclException {
        Acls acls = Acls.compile(lines("TRUE path /never"), dir);
        assertThat(cond(acls, "if TRUE").matches(get("/"))).isFalse();
    }

    @Test
    void patternFilesAreReadRelativeToBaseDir() throws AclException, IOException {
        Files.createDirectories(dir.resolve("acl"));
        Files.writeString(dir.resolve("acl/blocked.lst"), "# blocked networks\n\n10.0.0.0/8\n  192.0.2.10\n#192.0.3.0/24\n");
        Files.writeString(dir.resolve("paths.txt"), "/A\n/b\n");
        Acls acls = Acls.compile(lines("bad src -f acl/blocked.lst", "p path -i -f paths.txt /c"), dir);
        assertThat(cond(acls, "if bad").matches(get("/").from("10.9.9.9"))).isTrue();
        assertThat(cond(acls, "if bad").matches(get("/"))).isTrue();
        assertThat(cond(acls, "if bad").matches(get("/").from("192.0.3.1"))).isFalse();
        assertThat(cond(acls, "if p").matches(get("/a"))).isTrue();
        assertThat(cond(acls, "if p").matches(get("/B"))).isTrue();
        assertThat(cond(acls, "if p").matches(get("/c"))).isTrue();
        assertThat(cond(acls, "if p").matches(get("/d"))).isFalse();
        assertThat(cond(acls, "if { path -f paths.txt }").matches(get("/b"))).isTrue();

        // as HAProxy: leading blanks are skipped, trailing ones belong to the pattern
        Files.writeString(dir.resolve("spaces.lst"), "# x\n10.0.0.1\n  192.0.2.10  \n");
        assertThatThrownBy(() -> Acls.compile(lines("bad src -f spaces.lst"), dir)).hasMessage("error detected while "
                + "parsing ACL 'bad' : '192.0.2.10  ' is not a valid IPv4 or IPv6 address at line 3 of file 'spaces.lst'.");
    }

    @Test
    void aclLineErrorsUseHaproxyWording() {
        assertError("x pth_beg /a", "error detected while parsing ACL 'x' : unknown fetch method 'pth_beg' in ACL expression 'pth_beg'.");
        // real HAProxy fetches Tollgate does not evaluate yet are named as such, not as typos
        assertError("x req.ssl_sni -i a.example", "error detected while parsing ACL 'x' : fetch method 'req.ssl_sni' in ACL"
                + " expression 'req.ssl_sni' is not supported yet by Tollgate.");
        assertError("x sc0_glitch_cnt gt 10", "error detected while parsing ACL 'x' : fetch method"
                + " 'sc0_glitch_cnt' in ACL expression 'sc0_glitch_cnt' is not supported yet by Tollgate.");
        assertError("x url_param_beg(a) b", "error detected while parsing ACL 'x' : unknown fetch method 'url_param_beg' in ACL expression 'url_param_beg(a)'.");
        assertError("x src 1.2.3.400", "error detected while parsing ACL 'x' : '1.2.3.400' is not a valid IPv4 or IPv6 address.");
        assertError("x src 10.0.0.0/33", "error detected while parsing ACL 'x' : '10.0.0.0/33' is not a valid IPv4 or IPv6 address.");
        assertError("x src_port foo", "error detected while parsing ACL 'x' : 'foo' is not a number.");
        assertError("x src_port 80:abc", "error detected while parsing ACL 'x' : '80:abc' is not a valid number range.");
        assertError("x hdr_val(x) 1.5", "error detected while parsing ACL 'x' : '1.5' is not a number.");
        assertError("x path_reg (", "error detected while parsing ACL 'x' : regex '(' is invalid");
        assertError("x path -m foo /a", "error detected while parsing ACL 'x' : unknown matching method 'foo' when parsing ACL expression.");
        assertError("x path -m", "error detected while parsing ACL 'x' : unknown matching method '' when parsing ACL expression.");
        assertError("x path -z /a", "error detected while parsing ACL 'x' : '-z' is not a valid ACL option. Please use '--' before any pattern beginning with a '-'.");
        assertError("x path -f nofile", "error detected while parsing ACL 'x' : failed to open pattern file <nofile>.");
        assertError("x method -m int 3", "error detected while parsing ACL 'x' : matching method 'int' cannot be used with fetch keyword 'method'.");
        assertError("x hdr(host /a", "error detected while parsing ACL 'x' : missing ')' in sample expression 'hdr(host'.");
        assertError("x path(foo) /a", "error detected while parsing ACL 'x' : ACL keyword 'path' : expected ')' before 'foo)'.");
    }

    @Test
    void conditionErrorsAreTheTailForTheRuleToPrefix() throws AclException {
        Acls acls = Acls.compile(lines("a path /a"), dir);
        assertThatThrownBy(() -> cond(acls, "if b")).isInstanceOf(AclException.class).hasMessage("no such ACL : 'b'.");
        assertThatThrownBy(() -> cond(acls, "if { path_beg /a")).hasMessage("missing closing '}' in condition.");
        assertThatThrownBy(() -> cond(acls, "if { pth /a }")).hasMessage("unknown fetch method 'pth' in ACL expression 'pth'.");
        assertThatThrownBy(() -> cond(acls, "if { }")).hasMessage("missing fetch method in ACL expression ''.");
        assertThatThrownBy(() -> cond(acls, "when a")).hasMessageContaining("'if' or 'unless'");
    }

    private void assertError(String acl, String message) {
        assertThatThrownBy(() -> Acls.compile(lines(acl), dir)).isInstanceOf(AclException.class).hasMessageStartingWith(message);
    }
}
