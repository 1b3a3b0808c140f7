package io.tollgate.engine.config;

/** What happens to connections between requests: {@code option http-keep-alive|http-server-close|httpclose}. */
public enum HttpConnectionMode {
    /** Both sides stay open between requests (HAProxy's default). */
    KEEP_ALIVE,
    /** The client side stays open; the server connection is closed after each response. */
    SERVER_CLOSE,
    /** Both sides are closed after each response. */
    CLOSE
}
