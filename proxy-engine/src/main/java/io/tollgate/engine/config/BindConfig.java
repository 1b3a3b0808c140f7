package io.tollgate.engine.config;

import io.tollgate.engine.tls.BindTls;

import java.util.List;

/**
 * One {@code bind} line: the addresses it listens on (a port range or a comma list gives several)
 * and its name ({@code name <n>}, else null). {@code unixPath} is set for {@code bind /path} and
 * {@code unix@} binds, which the network layer does not serve yet. {@code tls} is set for
 * {@code ssl} binds, with their certificates already loaded; {@code acceptProxy} says that
 * every connection starts with a PROXY protocol header (v1 or v2) naming the real client.
 */
public record BindConfig(List<HostPort> addresses, String unixPath, String name, Source source,
                         BindTls tls, boolean acceptProxy) {

    /** A plain bind, as before TLS and the PROXY protocol were read. */
    public BindConfig(List<HostPort> addresses, String unixPath, String name, Source source) {
        this(addresses, unixPath, name, source, null, false);
    }
}
