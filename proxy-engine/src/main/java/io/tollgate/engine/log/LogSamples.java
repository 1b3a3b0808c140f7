package io.tollgate.engine.log;

import java.util.Set;

/**
 * Which sample fetches a {@code log-format} may use. HAProxy 2.6 builds the line when the
 * request's headers are gone, so it refuses the fetches that read them (or the response's, or
 * the request buffer) with "may not be reliably used here"; connection fetches, {@code method}
 * and {@code status} are fine. The lists name the fetches Tollgate knows that fall in each group.
 */
final class LogSamples {
    private static final Set<String> REQUEST_HEADERS = Set.of("path", "url", "base", "base32", "base32+src", "pathq",
            "query", "url_ip", "url_port", "url_param", "urlp", "urlp_val", "url32", "url32+src", "req.ver", "req_ver",
            "cook", "req.cook", "cook_cnt", "req.cook_cnt", "cook_val", "req.cook_val", "req.hdr", "req.fhdr",
            "req.hdr_cnt", "req.fhdr_cnt", "req.hdr_ip", "req.hdr_val", "req.hdrs", "req.hdrs_bin", "http_auth",
            "http_auth_user", "http_auth_group", "http_auth_pass", "http_auth_type", "http_auth_bearer", "req.body",
            "req.body_param", "req.body_len", "req.body_size", "fhdr", "fhdr_cnt");
    /** {@code hdr()} and its relatives read the request or the response, whichever the rule runs on. */
    private static final Set<String> ANY_HEADERS = Set.of("hdr", "hdr_cnt", "hdr_ip", "hdr_val");
    private static final Set<String> RESPONSE_HEADERS = Set.of("shdr", "shdr_cnt", "shdr_ip", "shdr_val", "scook",
            "scook_cnt", "scook_val", "set-cookie", "res.ver", "resp_ver", "res.hdr", "res.fhdr", "res.hdr_cnt",
            "res.fhdr_cnt", "res.hdr_ip", "res.hdr_val", "res.hdrs", "res.cook", "res.cook_cnt", "res.cook_val",
            "res.body", "res.body_len", "res.body_size");
    private static final Set<String> REQUEST_BUFFER = Set.of("req.len", "req_len", "req.payload", "req.payload_lv",
            "req.proto_http", "req.rdp_cookie", "req.ssl_hello_type", "req.ssl_sni", "req.ssl_ver", "req_ssl_sni");

    private LogSamples() {
    }

    /** What {@code fetch} needs that a log line does not have, in HAProxy's words, or null when it is usable. */
    static String missing(String fetch) {
        if (REQUEST_HEADERS.contains(fetch)) {
            return "HTTP request headers";
        }
        if (ANY_HEADERS.contains(fetch)) {
            return "HTTP request headers,HTTP response headers";
        }
        if (RESPONSE_HEADERS.contains(fetch)) {
            return "HTTP response headers";
        }
        if (REQUEST_BUFFER.contains(fetch)) {
            return "request buffer";
        }
        return null;
    }
}
