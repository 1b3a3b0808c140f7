package io.tollgate.engine.config;

import java.util.List;

/**
 * One {@code bind} line: the addresses it listens on (a port range or a comma list gives several)
 * and its name ({@code name <n>}, else null). {@code unixPath} is set for {@code bind /path} and
 * {@code unix@} binds, which the network layer does not serve yet.
 */
public record BindConfig(List<HostPort> addresses, String unixPath, String name, Source source) {
}
