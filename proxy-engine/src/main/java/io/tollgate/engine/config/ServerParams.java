package io.tollgate.engine.config;

import io.tollgate.engine.tls.SniExpression;

import java.util.List;

/**
 * The table of {@code server}/{@code default-server} parameters (HAProxy's {@code srv_kws}).
 * TLS parameters are checked here but their files are read when the engine starts (a server
 * line cannot reach {@code crt-base} or the configuration's directory while it is parsed).
 */
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
        t.add("slowstart", 1, (line, s, p) -> s.slowstart = time(line, s));
        t.add("track", 1, (line, s, p) -> s.track = track(line.arg(1)));
        t.add("observe", 1, (line, s, p) -> s.observe = oneOf(line, List.of("none", "layer4", "layer7"),
                "'observe' expects one of 'none', 'layer4', 'layer7'"));
        t.add("error-limit", 1, (line, s, p) -> s.errorLimit = errorLimit(line));
        t.add("on-error", 1, (line, s, p) -> s.onError = oneOf(line,
                List.of("fastinter", "fail-check", "sudden-death", "mark-down"),
                "'on-error' expects one of 'fastinter', 'fail-check', 'sudden-death' or 'mark-down'"));
        t.add("on-marked-down", 1, (line, s, p) -> s.onMarkedDownShutdown = oneOf(line, List.of("shutdown-sessions"),
                "'on-marked-down' expects 'shutdown-sessions'") != null);
        t.add("on-marked-up", 1, (line, s, p) -> s.onMarkedUpShutdownBackup = oneOf(line,
                List.of("shutdown-backup-sessions"), "'on-marked-up' expects 'shutdown-backup-sessions'") != null);
        t.add("agent-check", 0, (line, s, p) -> s.agentCheck = true);
        t.add("no-agent-check", 0, (line, s, p) -> s.agentCheck = false);
        t.add("agent-port", 1, (line, s, p) -> s.agentPort = Args.integer(line, 1, "agent-port", 1, 65535));
        t.add("agent-inter", 1, (line, s, p) -> s.agentInter = interval(line, s));
        t.add("agent-send", 1, (line, s, p) -> s.agentSend = line.arg(1));
        t.add("agent-addr", 1, (line, s, p) -> s.agentAddr = agentAddress(line.arg(1)));
        tls(t);
        t.add("send-proxy", 0, (line, s, p) -> s.sendProxyV1 = true);
        t.add("send-proxy-v2", 0, (line, s, p) -> s.sendProxyV2 = true);
        t.add("no-send-proxy", 0, (line, s, p) -> s.sendProxyV1 = false);
        t.add("no-send-proxy-v2", 0, (line, s, p) -> s.sendProxyV2 = false);
        t.add("socks4", 1, (line, s, p) -> s.socks4 = socks4(line.arg(1)));
        // Refused: the connection to the server would differ (PROXY TLVs Tollgate does not
        // write, another source address, another path).
        t.addAll(List.of("send-proxy-v2-ssl", "send-proxy-v2-ssl-cn", "usesrc"), 0, Unsupported.refused());
        t.addAll(List.of("redir", "namespace", "proto", "source", "crl-file"), 1, Unsupported.refused());
        // check-ssl: the health check over TLS (the server's TLS settings); a SOCKS4 hop is not taken by checks.
        t.add("check-ssl", 0, (line, s, p) -> s.checkSsl = true);
        t.add("no-check-ssl", 0, (line, s, p) -> s.checkSsl = false);
        t.add("check-via-socks4", 0, ServerParams::ignored);
        // Ignored: health-check details (a later issue), DNS resolution at run time, TLS details
        // the JDK offers no control of, connection pooling and other tunables.
        t.addAll(List.of("check-send-proxy", "no-check-send-proxy", "tfo", "no-tfo",
                "non-stick", "stick", "allow-0rtt", "ssl-reuse", "no-ssl-reuse", "no-send-proxy-v2-ssl",
                "no-send-proxy-v2-ssl-cn"), 0, ServerParams::ignored);
        t.addAll(List.of("check-alpn", "check-proto",
                "check-sni", "init-addr", "log-proto", "max-reuse",
                "pool-low-conn", "pool-max-conn", "pool-purge-delay",
                "resolve-net", "resolve-opts", "resolve-prefer", "resolvers", "tcp-ut", "ws",
                "npn", "proxy-v2-options"), 1, ServerParams::ignored);
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

    /** A time that may be 0 ({@code slowstart 0} turns it off). */
    private static long time(Line line, ServerState s) throws KeywordException {
        String text = line.arg(1);
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i))) {
                String rest = text.substring(i);
                if (i == 0 || !List.of("us", "ms", "s", "m", "h", "d").contains(rest)) {
                    throw new KeywordException("unexpected character '" + text.charAt(i) + "' in '" + line.keyword()
                            + "' argument of server " + (s.name == null ? "" : s.name) + ".");
                }
                break;
            }
        }
        return Units.time(text, line.keyword());
    }

    private static String track(String text) throws KeywordException {
        if (text.isEmpty() || text.startsWith("/") || text.endsWith("/")) {
            throw new KeywordException("'track' expects [<proxy>/]<server> as argument.");
        }
        return text;
    }

    private static String oneOf(Line line, List<String> allowed, String message) throws KeywordException {
        String value = line.arg(1);
        if (!allowed.contains(value)) {
            throw new KeywordException(message + " but got '" + value + "'.");
        }
        return value;
    }

    private static int errorLimit(Line line) throws KeywordException {
        try {
            int value = Integer.parseInt(line.arg(1));
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new KeywordException("error-limit has to be > 0.");
    }

    private static String agentAddress(String text) throws KeywordException {
        if (!AddressParser.isIpv4(text) && !AddressParser.isIpv6(text) && !AddressParser.isHostName(text)) {
            throw new KeywordException("'agent-addr' expects an address or an FQDN as argument (got '" + text + "').");
        }
        return text;
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

    /** {@code ssl}, {@code verify}, {@code sni}, ...: settings of the TLS connection to the server. */
    private static void tls(ParamTable<ServerState> t) {
        t.add("ssl", 0, (line, s, p) -> s.ssl = true);
        t.add("no-ssl", 0, (line, s, p) -> s.ssl = false);
        t.add("verify", 1, (line, s, p) -> s.tls = s.tls.withVerify(BindKeywords.verify(line, false)));
        t.add("verifyhost", 1, (line, s, p) -> s.tls = s.tls.withVerifyHost(line.arg(1)));
        t.add("ca-file", 1, (line, s, p) -> s.tls = s.tls.withCaFile(line.arg(1)));
        t.add("crt", 1, (line, s, p) -> s.tls = s.tls.withCrt(line.arg(1)));
        t.add("sni", 1, (line, s, p) -> s.tls = s.tls.withSni(sni(line.arg(1))));
        t.add("alpn", 1, (line, s, p) -> s.tls = s.tls.withAlpn(BindKeywords.alpn(line, owner(s), p)));
        t.add("ciphers", 1, (line, s, p) -> s.tls = s.tls.withOptions(s.tls.options().withCiphers(line.arg(1))));
        t.add("ciphersuites", 1, (line, s, p) -> s.tls = s.tls.withOptions(s.tls.options().withCiphersuites(line.arg(1))));
        t.addAll(List.of("ssl-min-ver", "ssl-max-ver"), 1, (line, s, p) -> s.tls = s.tls.withOptions(
                s.tls.options().withVersions(BindKeywords.withBound(s.tls.options().versions(), line))));
        t.addAll(BindKeywords.versionOptions(), 0, (line, s, p) -> s.tls = s.tls.withOptions(
                s.tls.options().withVersions(BindKeywords.withOption(s.tls.options().versions(), line))));
        t.add("no-tls-tickets", 0, (line, s, p) -> s.tls = s.tls.withOptions(s.tls.options().withNoTlsTickets(true)));
        t.add("tls-tickets", 0, (line, s, p) -> s.tls = s.tls.withOptions(s.tls.options().withNoTlsTickets(false)));
    }

    private static SniExpression sni(String text) throws KeywordException {
        try {
            return SniExpression.parse(text);
        } catch (IllegalArgumentException e) {
            throw new KeywordException(e.getMessage());
        }
    }

    /** {@code socks4 <addr>:<port>}: an address with a port, as HAProxy requires. */
    private static HostPort socks4(String text) throws KeywordException {
        AddressParser.Parsed parsed;
        try {
            parsed = AddressParser.parse(text, AddressParser.Use.SERVER);
        } catch (KeywordException e) {
            throw new KeywordException("'socks4 " + text + "' : " + e.getMessage());
        }
        if (parsed.unixPath() != null || parsed.hostPorts().get(0).port() == 0) {
            throw new KeywordException("'socks4 " + text + "' : missing port specification in '" + text + "'.");
        }
        return parsed.hostPorts().get(0);
    }

    private static String owner(ServerState s) {
        return s.name == null ? "default-server" : "server " + s.name;
    }

    private static void ignored(Line line, ServerState s, Problems problems) {
        problems.warn(line.source(), "'" + line.keyword() + "' on '" + owner(s)
                + "' is not supported yet by Tollgate, ignored");
    }
}
