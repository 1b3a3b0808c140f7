package io.tollgate.engine.config;

/**
 * An address as written in the configuration. {@code host} is an IP literal, a host name, or
 * the empty string for "any address" ({@code *}, {@code :80}); IPv6 literals are kept without
 * brackets. A port of 0 on a server means "the port the client connected to".
 */
public record HostPort(String host, int port) {
    public boolean isWildcard() {
        return host.isEmpty();
    }

    /** HAProxy's rendering: {@code 1.2.3.4:80}, {@code [::1]:80}. */
    @Override
    public String toString() {
        String h = host.isEmpty() ? "0.0.0.0" : host;
        return (h.indexOf(':') >= 0 ? "[" + h + "]" : h) + ":" + port;
    }
}
