package io.tollgate.engine.acl;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * HAProxy 2.6 sample fetches that Tollgate does not evaluate yet, so that an ACL using one is
 * refused as "not supported yet" (the operator's configuration is fine) rather than as an
 * unknown fetch method (which would suggest a typo).
 */
final class HaproxyFetches {
    private static final Set<String> NAMES = Set.of(
            "http_auth", "http_auth_group", "http_auth_pass", "http_auth_type", "http_auth_user",
            "cook", "cook_cnt", "cook_val", "req.cook", "req.cook_cnt", "req.cook_val", "req.cook_names",
            "res.cook", "res.cook_cnt", "res.cook_val", "scook", "scook_cnt", "scook_val", "set-cookie",
            "shdr", "shdr_cnt", "shdr_ip", "shdr_val", "res.hdr", "res.hdr_cnt", "res.hdr_ip", "res.hdr_val",
            "res.fhdr", "res.fhdr_cnt", "res.ver", "resp_ver", "status", "txn.status", "unique-id",
            "base", "base32", "base32+src", "url32", "url32+src", "url_ip", "url_port", "req.hdrs",
            "req.hdrs_bin", "req.hdr_names", "res.hdr_names", "capture.req.hdr", "capture.res.hdr",
            "capture.req.method", "capture.req.uri", "capture.req.ver", "capture.res.ver",
            "req.body", "req.body_len", "req.body_param", "req.body_size", "req.len", "req_len",
            "req.payload", "req.payload_lv", "req.rdp_cookie", "rdp_cookie", "req.rdp_cookie_cnt",
            "rdp_cookie_cnt", "req.ssl_hello_type", "req_ssl_hello_type", "req.ssl_sni", "req_ssl_sni",
            "req.ssl_ver", "req_ssl_ver", "req.ssl_alpn", "req.ssl_ec_ext", "req.ssl_st_ext",
            "http_first_req", "dst", "dst_conn", "dst_is_local", "src_is_local", "so_id", "so_name",
            "nbsrv", "connslots", "queue", "avg_queue", "be_conn", "be_conn_free", "be_sess_rate",
            "be_id", "be_name", "fe_conn", "fe_req_rate", "fe_sess_rate", "fe_id", "fe_name",
            "srv_conn", "srv_conn_free", "srv_is_up", "srv_queue", "srv_sess_rate", "srv_id", "srv_name",
            "table_avl", "table_cnt", "var", "env", "hostname", "date", "rand", "stopping", "nbproc",
            "nbthread", "pid", "proc", "thread", "uptime", "lat_ns_avg", "lat_ns_tot", "cpu_calls",
            "cpu_ns_avg", "cpu_ns_tot", "req.ver", "fc_rtt", "fc_rttvar", "fc_http_major",
            "str", "int", "bool", "ipv4", "ipv6", "meth", "bin", "wait_end");

    /** Families whose every member is a HAProxy fetch: stick counters, TLS, connection details. */
    private static final Pattern FAMILIES = Pattern.compile("(sc[0-2]?|src|ssl|fc|bc|quic|51d|da|wurfl)_[a-z0-9_]+");

    private HaproxyFetches() {
    }

    static boolean isKnown(String keyword) {
        return NAMES.contains(keyword) || FAMILIES.matcher(keyword).matches();
    }

    /** A {@code lua.*} fetch or converter, which only a Lua script could register. */
    static void refuseLua(String keyword) throws AclException {
        if (keyword.startsWith("lua.")) {
            throw new AclException("'" + keyword + "' : Lua is not supported by Tollgate.");
        }
    }
}
