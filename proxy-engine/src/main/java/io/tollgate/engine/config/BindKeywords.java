package io.tollgate.engine.config;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code bind <address>[,<address>...] [parameters]}: where a frontend listens. Addresses go
 * through {@link EnvExpansion} and {@link AddressParser}. Of the parameters only {@code name}
 * is used now; TLS and socket tunables are ignored with a warning (a plain listener still gets
 * the same traffic), while parameters that change what the listener accepts ({@code ssl},
 * {@code accept-proxy}, {@code interface}, {@code transparent}, ...) are refused.
 */
final class BindKeywords {
    static final String USAGE = "'bind' expects {<path>|[addr1]:port1[-end1]}{,[addr]:port[-end]}... as arguments.";

    /** The bind line being built: what the parameters may change. */
    static final class BindState {
        final String address;
        String name;

        BindState(String address) {
            this.address = address;
        }
    }

    private static final ParamTable<BindState> PARAMS = params();

    private BindKeywords() {
    }

    static void register(KeywordTable<ProxyState> table) {
        table.add("bind", Capabilities.notInDefaults(Capabilities.frontend(BindKeywords::bind)));
    }

    private static void bind(Line line, ProxyState proxy, Problems problems) throws KeywordException {
        if (!line.has(1)) {
            throw new KeywordException(USAGE);
        }
        List<HostPort> addresses = new ArrayList<>();
        String unixPath = null;
        for (String part : line.arg(1).split(",", -1)) {
            String expanded = EnvExpansion.expand(part, proxy.environment::get);
            AddressParser.Parsed parsed;
            try {
                parsed = AddressParser.parse(expanded, AddressParser.Use.BIND);
            } catch (KeywordException e) {
                throw new KeywordException("'bind' : " + e.getMessage());
            }
            addresses.addAll(parsed.hostPorts());
            if (parsed.unixPath() != null) {
                // refused rather than ignored: the listener would silently not exist
                throw new KeywordException(Unsupported.refusedMessage("bind") + " on a Unix socket ('"
                        + parsed.unixPath() + "')");
            }
        }
        BindState state = new BindState(line.arg(1));
        PARAMS.apply(line, 2, state, problems, "'bind " + line.arg(1) + "' in section '" + proxy.section + "'");
        proxy.binds.add(new BindConfig(List.copyOf(addresses), unixPath, state.name, line.source()));
    }

    private static ParamTable<BindState> params() {
        ParamTable<BindState> table = new ParamTable<>();
        table.add("name", 1, (line, bind, problems) -> bind.name = line.arg(1));
        // Refused: the listener would accept other traffic, or traffic in another form.
        table.addAll(List.of("ssl", "accept-proxy", "transparent", "generate-certificates", "quic-force-retry"), 0,
                Unsupported.refused());
        table.addAll(List.of("accept-netscaler-cip", "interface", "namespace", "proto"), 1, Unsupported.refused());
        // Ignored: TLS settings (meaningless without 'ssl', which is refused) and socket tunables.
        table.addAll(List.of("allow-0rtt", "defer-accept", "force-sslv3", "force-tlsv10", "force-tlsv11",
                "force-tlsv12", "force-tlsv13", "no-ca-names", "no-sslv3", "no-tls-tickets", "no-tlsv10",
                "no-tlsv11", "no-tlsv12", "no-tlsv13", "prefer-client-ciphers", "strict-sni", "tfo", "v4v6",
                "v6only"), 0, BindKeywords::ignored);
        table.addAll(List.of("alpn", "backlog", "ca-file", "ca-ignore-err", "ca-sign-file", "ca-sign-pass",
                "ca-verify-file", "ciphers", "ciphersuites", "crl-file", "crt", "crt-ignore-err", "crt-list",
                "curves", "ecdhe", "expose-fd", "gid", "group", "id", "level", "maxconn", "mode", "mss", "nice",
                "npn", "process", "severity-output", "shards", "ssl-max-ver", "ssl-min-ver", "tcp-ut", "thread",
                "tls-ticket-keys", "uid", "user", "verify"), 1, BindKeywords::ignored);
        return table;
    }

    private static void ignored(Line line, BindState bind, Problems problems) {
        problems.warn(line.source(), "'" + line.keyword() + "' on 'bind " + bind.address
                + "' is not supported yet by Tollgate, ignored");
    }
}
