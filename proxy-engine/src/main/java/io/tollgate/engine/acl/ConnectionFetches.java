package io.tollgate.engine.acl;

/** Fetches from the connection, which work in TCP mode too: src, src_port, dst_port, ssl_fc. */
final class ConnectionFetches {
    static final Fetch SRC = (r, t) -> r.source() != null && t.address(r.source());
    static final Fetch SRC_PORT = (r, t) -> t.integer(r.sourcePort());
    static final Fetch DST_PORT = (r, t) -> t.integer(r.destinationPort());
    static final Fetch SSL_FC = (r, t) -> t.integer(r.isTls() ? 1 : 0);
    static final Fetch ALWAYS_TRUE = (r, t) -> t.integer(1);
    static final Fetch ALWAYS_FALSE = (r, t) -> t.integer(0);

    private ConnectionFetches() {
    }
}
