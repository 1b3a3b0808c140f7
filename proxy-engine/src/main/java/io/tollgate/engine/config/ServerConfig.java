package io.tollgate.engine.config;

import io.tollgate.engine.tls.ServerTls;

/**
 * One {@code server} line after {@code default-server} values were applied. {@code id} is the
 * server id ({@code sid}), assigned in declaration order when not given. {@code unixPath} is set
 * instead of {@code address} for servers reached over a Unix socket. {@code tls} is set for
 * {@code ssl} servers (files unread until the engine starts); {@code sendProxy} is the PROXY
 * protocol version written first on every connection (1 or 2; 0: none); {@code socks4} is the
 * SOCKS4 proxy connections go through, or null.
 */
public record ServerConfig(String name, int id, HostPort address, String unixPath,
                           int weight, int maxconn, int maxqueue, int minconn,
                           boolean backup, boolean disabled, String cookie,
                           CheckSettings check, Source source,
                           ServerTls tls, int sendProxy, HostPort socks4) {

    /** A server reached directly, in clear, as before TLS and proxies were read. */
    public ServerConfig(String name, int id, HostPort address, String unixPath,
                        int weight, int maxconn, int maxqueue, int minconn,
                        boolean backup, boolean disabled, String cookie,
                        CheckSettings check, Source source) {
        this(name, id, address, unixPath, weight, maxconn, maxqueue, minconn, backup, disabled, cookie, check, source,
                null, 0, null);
    }
}
