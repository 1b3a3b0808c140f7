package io.tollgate.engine.acl;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * HAProxy 2.6's predefined ACLs ({@code default_acl_list} in {@code src/acl.c}), compiled once;
 * where the runtime API can see pattern lists, each use is compiled again from its words, since
 * HAProxy gives every use a list of its own ({@code acl 'method' file 'f' line n}).
 */
final class Predefined {
    private static final Map<String, Condition> ACLS = new HashMap<>();
    private static final Map<String, List<String>> WORDS = new HashMap<>();

    static {
        define("TRUE", "always_true");
        define("FALSE", "always_false");
        define("LOCALHOST", "src", "127.0.0.1/8", "::1");
        define("HTTP", "req.proto_http");
        define("HTTP_1.0", "req.ver", "1.0");
        define("HTTP_1.1", "req.ver", "1.1");
        define("HTTP_2.0", "req.ver", "2.0");
        define("METH_CONNECT", "method", "CONNECT");
        define("METH_DELETE", "method", "DELETE");
        define("METH_GET", "method", "GET", "HEAD");
        define("METH_HEAD", "method", "HEAD");
        define("METH_OPTIONS", "method", "OPTIONS");
        define("METH_POST", "method", "POST");
        define("METH_PUT", "method", "PUT");
        define("METH_TRACE", "method", "TRACE");
        define("HTTP_URL_ABS", "url_reg", "^[^/:]*://");
        define("HTTP_URL_SLASH", "url_beg", "/");
        define("HTTP_URL_STAR", "url", "*");
        define("HTTP_CONTENT", "req.hdr_val(content-length)", "gt", "0");
        // No RDP support: there is never an RDP cookie.
        define("RDP_COOKIE", "always_false");
        // HAProxy: req.len gt 0. An HTTP request has always been received whole when rules run;
        // a TCP connection is routed before reading, so its buffer is empty.
        define("REQ_CONTENT", "req.proto_http");
        define("WAIT_END", "wait_end");
    }

    private Predefined() {
    }

    /** The predefined ACL called {@code name}, or null. */
    static Condition find(String name) {
        return ACLS.get(name);
    }

    /** The expression of the predefined ACL called {@code name}, or null. */
    static List<String> words(String name) {
        return WORDS.get(name);
    }

    private static void define(String name, String... words) {
        try {
            WORDS.put(name, List.of(words));
            ACLS.put(name, AclExpression.compile(List.of(words), null, false));
        } catch (AclException e) {
            throw new IllegalStateException("predefined ACL " + name + ": " + e.getMessage(), e);
        }
    }
}
