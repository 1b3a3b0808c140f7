package io.tollgate.engine.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The server line of the runtime API's {@code add server <b>/<s> <addr>[:<port>] [params]*}, read
 * with the configuration's own parameter table so that keywords and their errors are those of a
 * {@code server} line, with HAProxy 2.6's rules for dynamic servers: nothing comes from
 * {@code default-server}, the server starts in maintenance unless {@code enabled} is given, and
 * only the parameters HAProxy flags as dynamic are taken (the others answer
 * {@code 'x' option is not accepted for dynamic server}). Errors come without the
 * {@code 'server b/s' : } prefix, as the CLI shows them.
 */
public final class DynamicServerLine {
    private static final String USAGE = "'server' expects <name> and <addr>[:<port>] as arguments.";

    /**
     * The parameters HAProxy 2.6 accepts on {@code add server} (its {@code SRV_PARSE_DYNAMIC}
     * keywords, management.txt's list, checked against {@code haproxy -db} 2.6.12, which also
     * takes the {@code no-} forms listed here).
     */
    private static final Set<String> DYNAMIC = Set.copyOf(withTlsVersions(List.of(
            "agent-addr", "agent-check", "agent-inter", "agent-port", "agent-send", "allow-0rtt", "alpn", "addr",
            "backup", "no-backup", "ca-file", "check", "check-alpn", "check-proto", "check-send-proxy", "check-sni",
            "check-ssl", "check-via-socks4", "ciphers", "ciphersuites", "crl-file", "crt", "disabled", "downinter",
            "enabled", "error-limit", "fall", "fastinter", "id", "inter", "maxconn", "maxqueue", "minconn",
            "no-ssl-reuse", "no-tls-tickets", "npn", "observe", "on-error", "on-marked-down", "on-marked-up",
            "pool-low-conn", "pool-max-conn", "pool-purge-delay", "port", "proto", "proxy-v2-options", "rise",
            "send-proxy", "no-send-proxy", "send-proxy-v2", "no-send-proxy-v2", "send-proxy-v2-ssl",
            "send-proxy-v2-ssl-cn", "slowstart", "sni", "source", "ssl", "ssl-max-ver", "ssl-min-ver", "tfo",
            "no-tfo", "tls-tickets", "track", "usesrc", "verify", "verifyhost", "weight", "ws")));

    /**
     * The server read, and whether it starts in maintenance: always, unless {@code enabled} is
     * given (then {@code config.disabled()} is false); {@code disabled} written out also sets
     * {@code config.disabled()}, which HAProxy shows as a configuration maintenance flag.
     */
    public record Parsed(ServerConfig config, boolean startsInMaintenance) {
    }

    /** A refused line, with HAProxy's answer (ending with a newline). */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message + "\n", null, false, false);
        }
    }

    private DynamicServerLine() {
    }

    private static List<String> withTlsVersions(List<String> words) {
        List<String> all = new ArrayList<>(words);
        all.addAll(BindKeywords.versionOptions());
        return all;
    }

    /**
     * Reads {@code args} ({@code <addr> [params]*}) for server {@code name} of {@code backend}.
     *
     * @param usedIds the ids the backend's servers hold, each with where it was declared as
     *                HAProxy names it ({@code h.cfg:12 ('server s1')}); the new server takes the
     *                first free one unless it names its own
     */
    public static Parsed parse(String backend, String name, List<String> args, Map<Integer, String> usedIds)
            throws Refused {
        if (args.isEmpty() || args.get(0).isEmpty()) {
            throw new Refused(USAGE);
        }
        ServerState server = new ServerState();
        server.name = name;
        server.source = new Source("(null)", 0);
        try {
            AddressParser.Parsed parsed = AddressParser.parse(args.get(0), AddressParser.Use.SERVER);
            server.address = parsed.unixPath() == null ? parsed.hostPorts().get(0) : null;
            server.unixPath = parsed.unixPath();
        } catch (KeywordException e) {
            throw new Refused(e.getMessage());
        }
        List<String> words = new ArrayList<>();
        words.add("server");
        words.add(name);
        words.addAll(args);
        String context = "'server " + backend + "/" + name + "'";
        boolean[] enabled = {false};
        try {
            ServerKeywords.SERVER_PARAMS.apply(new Line(server.source, words), 3, server, new Problems(), context, w -> {
                if (w.equals("enabled") || w.equals("disabled")) {
                    enabled[0] = w.equals("enabled");
                }
                return DYNAMIC.contains(w) ? null : "'" + w + "' option is not accepted for dynamic server";
            });
        } catch (KeywordException e) {
            String message = e.getMessage();
            throw new Refused(message.startsWith(context + " : ") ? message.substring(context.length() + 3) : message);
        }
        if (server.track != null && server.check) {
            throw new Refused("unable to enable checks and tracking at the same time!");
        }
        int id = server.id;
        if (id != 0 && usedIds.containsKey(id)) {
            throw new Refused("'id' : custom id " + id + " already used at " + usedIds.get(id) + ".");
        }
        if (id == 0) {
            id = 1;
            while (usedIds.containsKey(id)) {
                id++;
            }
        }
        return new Parsed(server.toConfig(id), !enabled[0]);
    }
}
