package io.tollgate.engine.acl;

/** Fetches from the request line: path, url, query, method, version and url_param. */
final class RequestFetches {
    static final Fetch PATH = (r, t) -> whole(r.path(), t);
    static final Fetch URL = (r, t) -> whole(r.uri(), t);
    static final Fetch QUERY = (r, t) -> whole(r.query(), t);
    static final Fetch METHOD = (r, t) -> whole(r.method(), t);
    static final Fetch VERSION = (r, t) -> whole(r.version(), t);
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
