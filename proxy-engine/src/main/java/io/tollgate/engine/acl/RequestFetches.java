package io.tollgate.engine.acl;

import java.util.List;

/** Fetches from the request line: path, url, query, method, version and url_param. */
final class RequestFetches {
    static final Fetch PATH = (r, t) -> whole(r.path(), t);
    static final Fetch URL = (r, t) -> whole(r.uri(), t);
    static final Fetch QUERY = (r, t) -> whole(r.query(), t);
    static final Fetch METHOD = (r, t) -> whole(r.method(), t);
    static final Fetch VERSION = (r, t) -> whole(r.version(), t);
    /** base: the Host header followed by the path, as HAProxy builds it for caches and stick tables. */
    static final Fetch BASE = (r, t) -> {
        List<String> hosts = r.headers("host");
        String path = r.path();
        if (path == null) {
            return false;
        }
        String base = hosts.isEmpty() ? path : hosts.get(hosts.size() - 1).strip() + path;
        return t.string(base, 0, base.length());
    };
    /** pathq: the path with its query string, without an absolute-form authority. */
    static final Fetch PATHQ = (r, t) -> {
        String path = r.path();
        if (path == null) {
            return false;
        }
        String pq = r.query() == null ? path : path + "?" + r.query();
        return t.string(pq, 0, pq.length());
    };
    /** url_ip / url_port: the address and port of an absolute-form target, when it names an IP. */
    static final Fetch URL_IP = (r, t) -> {
        String authority = authority(r.uri());
        if (authority == null) {
            return false;
        }
        int colon = authority.lastIndexOf(':');
        String host = colon > authority.lastIndexOf(']') && colon >= 0 ? authority.substring(0, colon) : authority;
        java.net.InetAddress a = IpTest.parse(host, 0, host.length());
        return a != null && t.address(a);
    };
    static final Fetch URL_PORT = (r, t) -> {
        String authority = authority(r.uri());
        if (authority == null) {
            return false;
        }
        int colon = authority.lastIndexOf(':');
        if (colon < 0 || colon < authority.lastIndexOf(']')) {
            return t.integer(r.uri().startsWith("https") ? 443 : 80);
        }
        return t.integer(IntTest.leadingInteger(authority, colon + 1, authority.length()));
    };
    /** env(name): an environment variable of the process. */
    static Fetch env(String keyword, String[] args) throws AclException {
        if (args.length != 1 || args[0].isEmpty()) {
            throw new AclException("fetch method '" + keyword + "' expects an environment variable name.");
        }
        String name = args[0];
        return (r, t) -> {
            String v = System.getenv(name);
            return v != null && t.string(v, 0, v.length());
        };
    }

    private static String authority(String uri) {
        if (uri == null) {
            return null;
        }
        int scheme = uri.indexOf("://");
        if (scheme <= 0 || uri.charAt(0) == '/') {
            return null;
        }
        int end = uri.indexOf('/', scheme + 3);
        return uri.substring(scheme + 3, end < 0 ? uri.length() : end);
    }

    /** req.proto_http: the request was parsed as HTTP (a TCP connection has no method). */
    static final Fetch PROTO_HTTP = (r, t) -> t.integer(r.method() != null ? 1 : 0);

    private RequestFetches() {
    }

    static boolean whole(String sample, PatternTest test) {
        return sample != null && test.string(sample, 0, sample.length());
    }

    /**
     * url_param([name[,delimiters[,i]]]): each value of the query parameter {@code name} as sent
     * (not URL-decoded); no name means any parameter. Parameters are split on '&' by default.
     */
    static Fetch urlParam(String keyword, String[] args) throws AclException {
        String name = args.length > 0 ? args[0] : "";
        String delimiters = args.length > 1 && !args[1].isEmpty() ? args[1] : "&";
        boolean ignoreCase = args.length > 2 && args[2].equals("i");
        if (args.length > 3 || (args.length > 2 && !ignoreCase)) {
            throw new AclException("ACL keyword '" + keyword + "' : invalid arguments.");
        }
        return (r, t) -> {
            String q = r.query();
            if (q == null) {
                return false;
            }
            int start = 0;
            while (start <= q.length()) {
                int end = start;
                while (end < q.length() && delimiters.indexOf(q.charAt(end)) < 0) {
                    end++;
                }
                int equals = q.indexOf('=', start);
                boolean named = name.isEmpty() ? equals >= 0 && equals < end
                        : end - start > name.length() && q.charAt(start + name.length()) == '='
                        && q.regionMatches(ignoreCase, start, name, 0, name.length());
                if (named && t.string(q, name.isEmpty() ? equals + 1 : start + name.length() + 1, end)) {
                    return true;
                }
                start = end + 1;
            }
            return false;
        };
    }
}
