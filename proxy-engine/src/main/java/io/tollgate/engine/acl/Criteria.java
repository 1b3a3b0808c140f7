package io.tollgate.engine.acl;

import java.util.HashMap;
import java.util.Map;

import io.tollgate.engine.acl.Fetch.Type;

/**
 * The table of ACL criteria: each keyword names a fetch, the type of its samples and its
 * default match method. Derived keywords ({@code path_beg}, {@code hdr_sub}, ...) are the base
 * fetch with another method, as in HAProxy's ACL keyword lists.
 */
final class Criteria {
    /** Builds a fetch from the keyword's parenthesised arguments. */
    @FunctionalInterface
    interface FetchFactory {
        Fetch create(String keyword, String[] args) throws AclException;
    }

    /** One table row; {@code takesArguments} is false for keywords that refuse parentheses. */
    record Criterion(Type type, MatchMethod method, FetchFactory factory, boolean takesArguments) {
    }

    private static final Map<String, Criterion> TABLE = new HashMap<>();
    private static final MatchMethod[] TEXT_DERIVATIVES = {MatchMethod.BEG, MatchMethod.END, MatchMethod.SUB,
        MatchMethod.REG, MatchMethod.DIR, MatchMethod.DOM, MatchMethod.LEN};

    static {
        fixed("path", Type.STRING, MatchMethod.STR, RequestFetches.PATH, true);
        fixed("url", Type.STRING, MatchMethod.STR, RequestFetches.URL, true);
        fixed("base", Type.STRING, MatchMethod.STR, RequestFetches.BASE, true);
        fixed("pathq", Type.STRING, MatchMethod.STR, RequestFetches.PATHQ, false);
        fixed("url_ip", Type.ADDRESS, MatchMethod.IP, RequestFetches.URL_IP, false);
        fixed("url_port", Type.INTEGER, MatchMethod.INT, RequestFetches.URL_PORT, false);
        withArguments("env", Type.STRING, MatchMethod.STR, RequestFetches::env, false);
        withArguments("nbsrv", Type.INTEGER, MatchMethod.INT, RuntimeFetches::nbsrv, false);
        fixed("query", Type.STRING, MatchMethod.STR, RequestFetches.QUERY, false);
        fixed("method", Type.METHOD, MatchMethod.STR, RequestFetches.METHOD, false);
        fixed("req.ver", Type.STRING, MatchMethod.STR, RequestFetches.VERSION, false);
        fixed("req_ver", Type.STRING, MatchMethod.STR, RequestFetches.VERSION, false);
        fixed("req.proto_http", Type.BOOLEAN, MatchMethod.BOOL, RequestFetches.PROTO_HTTP, false);
        fixed("src", Type.ADDRESS, MatchMethod.IP, ConnectionFetches.SRC, false);
        fixed("src_port", Type.INTEGER, MatchMethod.INT, ConnectionFetches.SRC_PORT, false);
        fixed("dst_port", Type.INTEGER, MatchMethod.INT, ConnectionFetches.DST_PORT, false);
        fixed("ssl_fc", Type.BOOLEAN, MatchMethod.BOOL, ConnectionFetches.SSL_FC, false);
        fixed("always_true", Type.BOOLEAN, MatchMethod.BOOL, ConnectionFetches.ALWAYS_TRUE, false);
        fixed("always_false", Type.BOOLEAN, MatchMethod.BOOL, ConnectionFetches.ALWAYS_FALSE, false);
        // wait_end turns true when the inspect delay expires; Tollgate decides once the request is complete.
        fixed("wait_end", Type.BOOLEAN, MatchMethod.BOOL, ConnectionFetches.ALWAYS_TRUE, false);

        withArguments("url_param", Type.STRING, MatchMethod.STR, RequestFetches::urlParam, false);
        withArguments("urlp", Type.STRING, MatchMethod.STR, RequestFetches::urlParam, true);
        withArguments("urlp_val", Type.INTEGER, MatchMethod.INT,
                (k, a) -> new AdaptedFetch(RequestFetches.urlParam(k, a), SampleConversions::toInteger), false);
        withArguments("hdr", Type.STRING, MatchMethod.STR, HeaderFetches::hdr, true);
        withArguments("req.hdr", Type.STRING, MatchMethod.STR, HeaderFetches::hdr, false);
        withArguments("req.fhdr", Type.STRING, MatchMethod.STR, HeaderFetches::fhdr, false);
        withArguments("hdr_cnt", Type.INTEGER, MatchMethod.INT, HeaderFetches::count, false);
        withArguments("req.hdr_cnt", Type.INTEGER, MatchMethod.INT, HeaderFetches::count, false);
        withArguments("req.fhdr_cnt", Type.INTEGER, MatchMethod.INT, HeaderFetches::fullCount, false);
        withArguments("hdr_val", Type.INTEGER, MatchMethod.INT, HeaderFetches::value, false);
        withArguments("req.hdr_val", Type.INTEGER, MatchMethod.INT, HeaderFetches::value, false);
        withArguments("req.cook", Type.STRING, MatchMethod.STR, CookieFetches::request, false);
        withArguments("cook", Type.STRING, MatchMethod.STR, CookieFetches::request, true);
        withArguments("req.cook_cnt", Type.INTEGER, MatchMethod.INT, CookieFetches::count, false);
        withArguments("cook_cnt", Type.INTEGER, MatchMethod.INT, CookieFetches::count, false);
        withArguments("req.cook_val", Type.INTEGER, MatchMethod.INT, CookieFetches::value, false);
        withArguments("cook_val", Type.INTEGER, MatchMethod.INT, CookieFetches::value, false);
        withArguments("res.cook", Type.STRING, MatchMethod.STR, CookieFetches::response, false);
        withArguments("scook", Type.STRING, MatchMethod.STR, CookieFetches::response, true);
        StickFetches.register((name, factory) -> withArguments(name, Type.INTEGER, MatchMethod.INT, factory, false));
        withArguments("http_auth", Type.BOOLEAN, MatchMethod.BOOL, AuthFetches::valid, false);
        withArguments("http_auth_group", Type.STRING, MatchMethod.STR, AuthFetches::group, false);
        fixed("http_auth_user", Type.STRING, MatchMethod.STR, AuthFetches.USER, false);
        withArguments("var", Type.STRING, MatchMethod.STR, VariableFetches::variable, false);
        fixed("status", Type.INTEGER, MatchMethod.INT, VariableFetches.STATUS, false);
        fixed("txn.status", Type.INTEGER, MatchMethod.INT, VariableFetches.STATUS, false);
        withArguments("res.hdr", Type.STRING, MatchMethod.STR, VariableFetches::responseHeader, false);
        withArguments("shdr", Type.STRING, MatchMethod.STR, VariableFetches::responseHeader, true);
        withArguments("res.hdr_cnt", Type.INTEGER, MatchMethod.INT, VariableFetches::responseHeaderCount, false);
        withArguments("shdr_cnt", Type.INTEGER, MatchMethod.INT, VariableFetches::responseHeaderCount, false);
        withArguments("hdr_ip", Type.ADDRESS, MatchMethod.IP, HeaderFetches::address, false);
        withArguments("req.hdr_ip", Type.ADDRESS, MatchMethod.IP, HeaderFetches::address, false);
    }

    private Criteria() {
    }

    /** The row for {@code keyword} (without its arguments), or null. */
    static Criterion find(String keyword) {
        return TABLE.get(keyword);
    }

    private static void fixed(String name, Type type, MatchMethod method, Fetch fetch, boolean derivatives) {
        register(name, new Criterion(type, method, (k, a) -> fetch, false), derivatives);
    }

    private static void withArguments(String name, Type type, MatchMethod method, FetchFactory factory, boolean derivatives) {
        register(name, new Criterion(type, method, factory, true), derivatives);
    }

    private static void register(String name, Criterion criterion, boolean derivatives) {
        TABLE.put(name, criterion);
        if (derivatives) {
            for (MatchMethod m : TEXT_DERIVATIVES) {
                TABLE.put(name + "_" + m.keyword(), new Criterion(criterion.type(), m, criterion.factory(),
                        criterion.takesArguments()));
            }
        }
    }
}
