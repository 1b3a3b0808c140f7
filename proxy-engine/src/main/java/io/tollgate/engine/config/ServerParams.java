package io.tollgate.engine.config;

import java.util.List;

/** The table of {@code server}/{@code default-server} parameters (HAProxy's {@code srv_kws}). */
final class ServerParams {
    private ServerParams() {
    }

    static ParamTable<ServerState> table() {
        ParamTable<ServerState> t = new ParamTable<>();
        t.add("weight", 1, (line, s, p) -> s.weight = weight(line.arg(1), s.name));
        t.add("maxconn", 1, (line, s, p) -> s.maxconn = Args.integer(line, 1, "maxconn", 0, Integer.MAX_VALUE));
        t.add("maxqueue", 1, (line, s, p) -> s.maxqueue = Args.integer(line, 1, "maxqueue", 0, Integer.MAX_VALUE));
        t.add("minconn", 1, (line, s, p) -> s.minconn = Args.integer(line, 1, "minconn", 0, Integer.MAX_VALUE));
        t.add("backup", 0, (line, s, p) -> s.backup = true);
        t.add("no-backup", 0, (line, s, p) -> s.backup = false);
        t.add("disabled", 0, (line, s, p) -> s.disabled = true);
        t.add("enabled", 0, (line, s, p) -> s.disabled = false);
        t.add("cookie", 1, (line, s, p) -> s.cookie = line.arg(1));
        t.add("id", 1, (line, s, p) -> s.id = id(line.arg(1)));
        t.add("check", 0, (line, s, p) -> s.check = true);
        t.add("no-check", 0, (line, s, p) -> s.check = false);
        t.add("inter", 1, (line, s, p) -> s.inter = interval(line, s));
        t.add("fastinter", 1, (line, s, p) -> s.fastinter = interval(line, s));
        t.add("downinter", 1, (line, s, p) -> s.downinter = interval(line, s));
        t.add("rise", 1, (line, s, p) -> s.rise = positive(line));
        t.add("fall", 1, (line, s, p) -> s.fall = positive(line));
        t.add("port", 1, (line, s, p) -> s.checkPort = Args.integer(line, 1, "port", 0, 65535));
        t.add("addr", 1, (line, s, p) -> s.checkAddr = address(line.arg(1)));
        // Refused: the connection to the server would differ (TLS, PROXY header, another path).
        t.addAll(List.of("ssl", "send-proxy", "send-proxy-v2", "send-proxy-v2-ssl", "send-proxy-v2-ssl-cn", "usesrc"),
                0, Unsupported.refused());
        t.addAll(List.of("socks4", "redir", "namespace", "proto", "source"), 1, Unsupported.refused());
        // Ignored: health-check details (a later issue), DNS resolution at run time, TLS settings
        // that only matter with 'ssl', connection pooling and other tunables.
        t.addAll(List.of("agent-check", "no-agent-check", "check-send-proxy", "no-check-send-proxy", "check-ssl",
                "no-check-ssl", "check-via-socks4", "tfo", "no-tfo", "non-stick", "stick", "tls-tickets",
                "no-tls-tickets", "no-sslv3", "no-tlsv10", "no-tlsv11", "no-tlsv12", "no-tlsv13", "force-sslv3",
                "force-tlsv10", "force-tlsv11", "force-tlsv12", "force-tlsv13", "allow-0rtt", "ssl-reuse",
                "no-ssl-reuse", "no-ssl", "no-send-proxy", "no-send-proxy-v2", "no-send-proxy-v2-ssl",
                "no-send-proxy-v2-ssl-cn"), 0, ServerParams::ignored);
        t.addAll(List.of("agent-addr", "agent-inter", "agent-port", "agent-send", "check-alpn", "check-proto",
                "check-sni", "error-limit", "init-addr", "log-proto", "max-reuse", "observe", "on-error",
                "on-marked-down", "on-marked-up", "pool-low-conn", "pool-max-conn", "pool-purge-delay",
                "resolve-net", "resolve-opts", "resolve-prefer", "resolvers", "slowstart", "tcp-ut", "track", "ws",
                "ssl-max-ver", "ssl-min-ver", "ciphers", "ciphersuites", "ca-file", "crl-file", "crt", "sni",
                "verify", "verifyhost", "alpn", "npn", "proxy-v2-options"), 1, ServerParams::ignored);
        return t;
    }

    private static int weight(String text, String server) throws KeywordException {
        long value = Args.number(text, "weight", Long.MIN_VALUE, Long.MAX_VALUE);
        if (value < 0 || value > 256) {
            throw new KeywordException("weight of server " + (server == null ? "" : server + " ")
                    + "is not within 0 and 256 (" + text + ").");
        }
        return (int) value;
    }

    private static int id(String text) throws KeywordException {
        try {
            int value = Integer.parseInt(text);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, as for a non-positive id
        }
        throw new KeywordException("'id' : custom id has to be > 0 (got '" + text + "').");
    }

    private static long interval(Line line, ServerState s) throws KeywordException {
        long value = Units.time(line.arg(1), line.keyword());
        if (value == 0) {
            throw new KeywordException("invalid value 0 for argument '" + line.keyword() + "' of server "
                    + (s.name == null ? "" : s.name) + ".");
        }
        return value;
    }

    private static int positive(Line line) throws KeywordException {
        try {
            int value = Integer.parseInt(line.arg(1));
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new KeywordException("'" + line.keyword() + "' has to be > 0 (got '" + line.arg(1) + "').");
    }

    private static String address(String text) throws KeywordException {
        if (!AddressParser.isIpv4(text) && !AddressParser.isIpv6(text) && !AddressParser.isHostName(text)) {
            throw new KeywordException("'addr' expects <ipv4|ipv6> as argument (got '" + text + "').");
        }
        return text;
    }

    private static void ignored(Line line, ServerState s, Problems problems) {
        String owner = s.name == null ? "default-server" : "server " + s.name;
        problems.warn(line.source(), "'" + line.keyword() + "' on '" + owner
                + "' is not supported yet by Tollgate, ignored");
    }
}
