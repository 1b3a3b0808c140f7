package io.tollgate.engine.acl;

import static io.tollgate.engine.acl.TestRequest.get;
import static io.tollgate.engine.acl.TestRequest.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.tollgate.engine.config.Directive;
import io.tollgate.engine.config.Source;

/** One row per (acl line, request, expected): every criterion, match method and flag. */
class AclTableTest {

    static Stream<Arguments> rows() {
        return Stream.of(
                row("path /a/b", get("/a/b?x=1"), true),
                row("path /a", get("/a/b"), false),
                row("path /a/b", get("http://h.example/a/b?x"), true),
                row("path -i /A/B", get("/a/b"), true),
                row("path_beg /ms1/", get("/ms1/x"), true),
                row("path_beg /ms1/", get("/ms2/x"), false),
                row("path_beg /api /static", get("/static/x"), true),
                row("path_end .jpg .png", get("/i/a.png"), true),
                row("path_end -i .JPG", get("/i/a.jpg"), true),
                row("path_end .jpg", get("/i/a.JPG"), false),
                row("path_sub admin", get("/x/admin/y"), true),
                row("path_sub admin", get("/x/adm/y"), false),
                row("path_reg ^/v[0-9]+/", get("/v12/users"), true),
                row("path_reg ^/v[0-9]+/", get("/x/v12/users"), false),
                row("path_reg -i ^/API", get("/api/x"), true),
                row("path_dir img", get("/static/img/a.png"), true),
                row("path_dir img", get("/static/images/a.png"), false),
                row("path_dir /static/img/", get("/static/img/a.png"), true),
                row("path_dom example", get("/a.example.com/b"), true),
                row("path_len 4", get("/abc"), true),
                row("path_len gt 10", get("/abc"), false),
                row("path -m beg /a", get("/abc"), true),
                row("path -m sub b", get("/abc"), true),
                row("path -m found", get("/abc"), true),
                row("path -m len 1:5", get("/abc"), true),
                row("url /a?b=1", get("/a?b=1"), true),
                row("url_beg http://", get("http://h/a"), true),
                row("url_end =1", get("/a?b=1"), true),
                row("url_sub b=", get("/a?b=1"), true),
                row("url_reg \\?.*debug", get("/a?x=1&debug=1"), true),
                row("url_len 6", get("/a?b=1"), true),
                row("query b=1", get("/a?b=1"), true),
                row("query -m found", get("/a"), false),
                row("query -m found", get("/a?"), true),
                row("query -m len 0", get("/a?"), true),
                row("url_param(user) bob", get("/a?id=3&user=bob"), true),
                row("url_param(user) bob", get("/a?id=3&username=bob"), false),
                row("url_param(user) bob", get("/a?user=al&user=bob"), true),
                row("url_param(user) -m found", get("/a?x=1"), false),
                row("url_param(user,;) bob", get("/a?x=1;user=bob"), true),
                row("urlp(id) -m int gt 2", get("/a?id=3"), true),
                row("urlp_val(id) 1:2", get("/a?id=3"), false),
                row("urlp_beg(id) ab", get("/a?id=abc"), true),
                row("url_param bob", get("/a?x=bob"), true),
                row("method GET", get("/"), true),
                row("method POST PUT", request("PUT", "/"), true),
                row("method -i get", get("/"), true),
                row("method get", get("/"), false),
                row("method -m beg G", get("/"), true),
                row("req.ver 1.1", get("/"), true),
                row("req_ver 1.0", get("/").version("1.0"), true),
                row("hdr(host) www.example.com", get("/").header("Host", "www.example.com"), true),
                row("hdr(Host) -i WWW.example.com", get("/").header("host", "www.example.com"), true),
                row("hdr(host) www.example.com", get("/"), false),
                row("hdr(accept) text/html", get("/").header("Accept", "image/png, text/html;q=0.9, */*"), false),
                row("hdr(accept) text/plain", get("/").header("Accept", "image/png, text/plain"), true),
                row("hdr(x-a) 2", get("/").header("X-A", "1").header("X-A", "2"), true),
                row("hdr(x-a,1) 2", get("/").header("X-A", "1").header("X-A", "2"), false),
                row("hdr(x-a,-1) 2", get("/").header("X-A", "1").header("X-A", "2"), true),
                row("hdr(x-a,2) 2", get("/").header("X-A", "1, 2"), true),
                row("hdr(x-q) a,b", get("/").header("X-Q", "\"a,b\""), false),
                row("hdr(x-q) \"a,b\"", get("/").header("X-Q", "\"a,b\", c"), true),
                row("req.hdr(host) h", get("/").header("Host", "h"), true),
                row("req.fhdr(accept) a, b", get("/").header("Accept", "a, b"), false),
                row("req.fhdr(accept) -m str a,\\ b", get("/").header("Accept", "a, b"), true),
                row("req.fhdr(accept) -m sub a,\\ b", get("/").header("Accept", "a, b"), true),
                row("req.fhdr(accept) -m beg a,", get("/").header("Accept", "a, b"), true),
                row("req.hdr(accept) -m beg a,", get("/").header("Accept", "a, b"), false),
                row("hdr_beg(host) www.", get("/").header("Host", "www.x.org"), true),
                row("hdr_end(host) .org", get("/").header("Host", "www.x.org"), true),
                row("hdr_sub(user-agent) -i curl", get("/").header("User-Agent", "Curl/8"), true),
                row("hdr_reg(host) ^[a-z]+\\.x\\.org$", get("/").header("Host", "www.x.org"), true),
                row("hdr_dom(host) x", get("/").header("Host", "www.x.org:8080"), true),
                row("hdr_dom(host) w", get("/").header("Host", "www.x.org"), false),
                row("hdr_dir(referer) b", get("/").header("Referer", "/a/b/c"), true),
                row("hdr_len(host) 9", get("/").header("Host", "www.x.org"), true),
                row("hdr_cnt(x-a) 3", get("/").header("X-A", "1, 2").header("X-A", "3"), true),
                row("hdr_cnt(x-a) eq 0", get("/"), true),
                row("hdr_cnt(x-a) gt 1", get("/").header("X-A", "1"), false),
                row("req.hdr_cnt(x-a) ge 1", get("/").header("X-A", "1"), true),
                row("req.fhdr_cnt(x-a) 2", get("/").header("X-A", "1, 2").header("X-A", "3"), true),
                row("hdr(x-a) -m found", get("/").header("X-A", ""), true),
                row("hdr_val(content-length) gt 100", get("/").header("Content-Length", "101"), true),
                row("hdr_val(content-length) gt 100", get("/").header("Content-Length", "100"), false),
                row("hdr(content-length) -m int lt 5", get("/").header("Content-Length", "3"), true),
                row("hdr_ip(x-forwarded-for) 10.0.0.0/8", get("/").header("X-Forwarded-For", "1.1.1.1, 10.2.3.4"), true),
                row("hdr_ip(x-forwarded-for) 10.0.0.0/8", get("/").header("X-Forwarded-For", "11.2.3.4"), false),
                row("req.hdr_ip(x-real-ip) 10.0.0.1", get("/").header("X-Real-IP", "10.0.0.1:5555"), true),
                row("hdr_ip(x-real-ip) 2001:db8::/32", get("/").header("X-Real-IP", "2001:db8::5"), true),
                row("hdr_ip(x-real-ip) 10.0.0.1", get("/").header("X-Real-IP", "garbage"), false),
                row("hdr(x-real-ip) -m ip 10.0.0.1", get("/").header("X-Real-IP", "10.0.0.1"), true),
                row("src 192.0.2.10", get("/"), true),
                row("src 192.0.2.0/24", get("/"), true),
                row("src 192.0.2.0/255.255.255.0", get("/"), true),
                row("src 192.0.3.0/24", get("/"), false),
                row("src 0.0.0.0/0", get("/"), true),
                row("src 10.0.0.1 192.0.2.10", get("/"), true),
                row("src 2001:db8::/32", get("/").from("2001:db8::1"), true),
                row("src 2001:db8::/32", get("/").from("2001:db9::1"), false),
                row("src ::1", get("/").from("::1"), true),
                row("src 192.0.2.0/24", get("/").from("2002:c000:020a::1"), true),
                row("src ::ffff:192.0.2.0/120", get("/"), true),
                row("src -m str 192.0.2.10", get("/"), true),
                row("src -m beg 192.", get("/"), true),
                row("src_port 40000", get("/"), true),
                row("src_port 1024:65535", get("/"), true),
                row("src_port :1023", get("/"), false),
                row("src_port lt 1024", get("/"), false),
                row("src_port le 40000", get("/"), true),
                row("src_port gt 5 10", get("/").ports(8, 80), true),
                row("src_port gt 5 10", get("/").ports(5, 80), false),
                row("dst_port 80 443", get("/").ports(1, 443), true),
                row("dst_port 8000:", get("/").ports(1, 443), false),
                row("dst_port -m str 443", get("/").ports(1, 443), true),
                row("ssl_fc", get("/").tls(), true),
                row("ssl_fc", get("/"), false),
                row("ssl_fc -m found", get("/"), true),
                row("path -- -x", get("-x"), true),
                row("path -n /a", get("/a"), true),
                row("path_beg", get("/a"), false),
                row("hdr_cnt(host) gt", get("/").header("Host", "h"), false),
                row("src 127.0.0.1", TestRequest.tcp().from("127.0.0.1"), true),
                row("path /", TestRequest.tcp(), false),
                row("path -m found", TestRequest.tcp(), false),
                row("hdr(host) -m found", TestRequest.tcp(), false));
    }

    @ParameterizedTest(name = "acl x {0} -> {2} for {1}")
    @MethodSource("rows")
    void matches(String acl, TestRequest request, boolean expected) throws AclException {
        List<String> words = new java.util.ArrayList<>();
        words.add("x");
        // "\ " keeps a space inside a word, as the config tokenizer does.
        for (String w : acl.split("(?<!\\\\) ")) {
            words.add(w.replace("\\ ", " "));
        }
        Acls acls = Acls.compile(List.of(new Directive("acl", words, new Source("t.cfg", 1))), null);
        assertThat(acls.condition(Arrays.asList("if", "x")).matches(request)).isEqualTo(expected);
    }

    private static Arguments row(String acl, TestRequest request, boolean expected) {
        return Arguments.of(acl, request, expected);
    }
}
