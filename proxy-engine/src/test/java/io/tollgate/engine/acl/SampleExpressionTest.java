package io.tollgate.engine.acl;

import static io.tollgate.engine.acl.TestRequest.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tollgate.engine.config.Directive;
import io.tollgate.engine.config.Source;

/** Sample expressions (fetch plus converters) as values, and converters inside ACL expressions. */
class SampleExpressionTest {

    private static String value(String expression, RequestView r) throws AclException {
        return SampleExpression.compile(expression).value(r);
    }

    @Test
    void fetchesGiveOneValueAndHeadersTheLastOccurrence() throws AclException {
        TestRequest r = get("/a/b?x=1&y=2").header("Host", "Example.COM").header("X-F", "one").header("X-F", "two");
        assertThat(value("path", r)).isEqualTo("/a/b");
        assertThat(value("query", r)).isEqualTo("x=1&y=2");
        assertThat(value("pathq", r)).isEqualTo("/a/b?x=1&y=2");
        assertThat(value("base", r)).isEqualTo("Example.COM/a/b");
        assertThat(value("req.hdr(x-f)", r)).isEqualTo("two");
        assertThat(value("req.hdr(x-f,1)", r)).isEqualTo("one");
        assertThat(value("url_param(y)", r)).isEqualTo("2");
        assertThat(value("str(hello)", r)).isEqualTo("hello");
        assertThat(value("int(42),add(8)", r)).isEqualTo("50");
        assertThat(value("req.hdr(nope)", r)).isNull();
    }

    @Test
    void cookiesAreReadByNameAcrossHeaders() throws AclException {
        TestRequest r = get("/").header("Cookie", "a=1; SID=abc ; b=2").header("Cookie", "sid=lower; SID2=x");
        assertThat(value("req.cook(SID)", r)).isEqualTo("abc");
        assertThat(value("req.cook(sid)", r)).isEqualTo("lower");
        assertThat(value("req.cook_cnt(SID)", r)).isEqualTo("1");
        assertThat(value("req.cook_cnt()", r)).isEqualTo("5");
        assertThat(value("req.cook(nope)", r)).isNull();
    }

    @Test
    void convertersChain() throws AclException {
        TestRequest r = get("/p%20q/x.y.z").header("Host", "Example.COM:8080");
        assertThat(value("req.hdr(host),lower", r)).isEqualTo("example.com:8080");
        assertThat(value("req.hdr(host),field(1,:)", r)).isEqualTo("Example.COM");
        assertThat(value("req.hdr(host),field(-1,:)", r)).isEqualTo("8080");
        assertThat(value("path,url_dec", r)).isEqualTo("/p q/x.y.z");
        assertThat(value("path,word(2,/)", r)).isEqualTo("x.y.z");
        assertThat(value("path,regsub(\\.,_,g)", r)).isEqualTo("/p%20q/x_y_z");
        assertThat(value("str(abc),upper,base64", r)).isEqualTo("QUJD");
        assertThat(value("str(abc),length", r)).isEqualTo("3");
        assertThat(value("src,ipmask(24)", get("/").from("10.1.2.3"))).isEqualTo("10.1.2.0");
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> SampleExpression.compile("nosuch")).hasMessageContaining("unknown fetch method 'nosuch'");
        assertThatThrownBy(() -> SampleExpression.compile("path,nosuch")).hasMessageContaining("unknown converter 'nosuch'");
        assertThatThrownBy(() -> SampleExpression.compile("path,map(x.map)"))
                .hasMessage("invalid args in converter 'map' : failed to open pattern file <x.map>.");
        assertThatThrownBy(() -> SampleExpression.compile("path,map_foo(x.map)")).hasMessage(
                "unknown converter 'map_foo' in sample expression 'path,map_foo(x.map)'.");
        assertThatThrownBy(() -> SampleExpression.compile("path,field(0,/)")).hasMessageContaining("index");
        assertThatThrownBy(() -> SampleExpression.compile("req.hdr(a")).hasMessageContaining("missing ')'");
        assertThatThrownBy(() -> SampleExpression.compile("path,regsub([,x)")).hasMessageContaining("invalid regex");
    }

    @Test
    void aclExpressionsApplyConvertersBeforeTheTest() throws AclException {
        Acls acls = Acls.compile(List.of(new Directive("acl",
                Arrays.asList("admin path,url_dec,lower -m beg /admin".split(" ")), new Source("t.cfg", 1))), Path.of(""));
        Condition c = acls.condition(List.of("if", "admin"));
        assertThat(c.matches(get("/%41dmin/x"))).isTrue();
        assertThat(c.matches(get("/ADMIN"))).isTrue();
        assertThat(c.matches(get("/user"))).isFalse();
    }

    @Test
    void variablesAreReadThroughTheView() throws AclException {
        TestRequest r = get("/").variable("txn.user", "ann");
        assertThat(value("var(txn.user)", r)).isEqualTo("ann");
        assertThat(value("var(txn.none,fallback)", r)).isEqualTo("fallback");
        assertThatThrownBy(() -> SampleExpression.compile("var(user)")).hasMessageContaining("invalid variable name 'user'");
    }
}
