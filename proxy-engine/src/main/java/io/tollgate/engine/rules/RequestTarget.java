package io.tollgate.engine.rules;

/**
 * The parts of a request target, {@code [scheme://authority]path[?query]}, as the URI actions
 * see them; an absolute-form target keeps its scheme and authority when its path changes.
 */
record RequestTarget(String prefix, String path, String query) {

    static RequestTarget parse(String uri) {
        int start = 0;
        int scheme = uri.indexOf("://");
        if (scheme > 0 && uri.indexOf('/') > scheme) {
            int slash = uri.indexOf('/', scheme + 3);
            start = slash < 0 ? uri.length() : slash;
        }
        String prefix = uri.substring(0, start);
        int q = uri.indexOf('?', start);
        return q < 0 ? new RequestTarget(prefix, uri.substring(start), null)
                : new RequestTarget(prefix, uri.substring(start, q), uri.substring(q + 1));
    }

    String pathAndQuery() {
        return query == null ? path : path + "?" + query;
    }

    @Override
    public String toString() {
        return prefix + pathAndQuery();
    }
}
