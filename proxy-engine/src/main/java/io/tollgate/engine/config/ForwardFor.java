package io.tollgate.engine.config;

/** {@code option forwardfor [except <net>] [header <name>] [if-none]}. */
public record ForwardFor(String header, String except, boolean ifNone) {
    public static final String DEFAULT_HEADER = "X-Forwarded-For";
}
