package io.tollgate.engine.persist;

/**
 * What {@link CookiePersistence#onResponse} did about the persistence cookie: HAProxy's
 * server-side cookie states, the second of the two cookie characters of the {@code %tsc} log
 * field. When several {@code Set-Cookie} headers carry the name, the last one decides, unless a
 * cookie is then inserted.
 */
public enum ResponseCookie {
    /** {@code N}: the server set none and none was inserted. */
    NONE('N'),
    /** {@code P}: the server set one and it went through untouched (passive, preserve). */
    FOUND('P'),
    /** {@code D}: the server set one and it was removed. */
    DELETED('D'),
    /** {@code I}: one was inserted for a client without a valid one. */
    INSERTED('I'),
    /** {@code R}: the server's value was rewritten or prefixed. */
    REPLACED('R'),
    /** {@code U}: the client's valid cookie was re-sent only to refresh its dates. */
    UPDATED('U');

    private final char logChar;

    ResponseCookie(char logChar) {
        this.logChar = logChar;
    }

    public char logChar() {
        return logChar;
    }
}
