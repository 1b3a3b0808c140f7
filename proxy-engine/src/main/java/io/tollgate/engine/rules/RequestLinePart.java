package io.tollgate.engine.rules;

/** The part of the request line a {@code set-*} or {@code replace-*} action reads and writes. */
enum RequestLinePart {
    PATH, PATHQ, QUERY, URI;

    String read(String uri) {
        RequestTarget t = RequestTarget.parse(uri);
        return switch (this) {
            case PATH -> t.path();
            case PATHQ -> t.pathAndQuery();
            case QUERY -> t.query() == null ? "" : t.query();
            case URI -> uri;
        };
    }

    String write(String uri, String value) {
        RequestTarget t = RequestTarget.parse(uri);
        return switch (this) {
            case PATH -> new RequestTarget(t.prefix(), value, t.query()).toString();
            case PATHQ -> t.prefix() + value;
            case QUERY -> new RequestTarget(t.prefix(), t.path(), value.isEmpty() ? null : value).toString();
            case URI -> value;
        };
    }
}
