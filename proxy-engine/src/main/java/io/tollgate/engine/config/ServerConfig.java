package io.tollgate.engine.config;

/**
 * One {@code server} line after {@code default-server} values were applied. {@code id} is the
 * server id ({@code sid}), assigned in declaration order when not given. {@code unixPath} is set
 * instead of {@code address} for servers reached over a Unix socket.
 */
public record ServerConfig(String name, int id, HostPort address, String unixPath,
                           int weight, int maxconn, int maxqueue, int minconn,
                           boolean backup, boolean disabled, String cookie,
                           CheckSettings check, Source source) {
}
