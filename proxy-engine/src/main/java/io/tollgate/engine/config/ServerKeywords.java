package io.tollgate.engine.config;

/**
 * {@code server}, {@code default-server} and {@code server-template}: the servers of a backend
 * and their parameters (FORMATS.md section 8.2). Addresses are read with {@link AddressParser}
 * after {@link EnvExpansion} and never resolved here. Health-check details beyond
 * {@code check inter fastinter downinter rise fall port addr}, DNS resolution and TLS tunables
 * are ignored with a warning; parameters that change what is sent to the server or how it is
 * reached ({@code ssl}, {@code send-proxy}, {@code socks4}, {@code source}, ...) are refused.
 */
final class ServerKeywords {
    private static final String USAGE = "'server' expects <name> and <addr>[:<port>] as arguments.";
    private static final String TEMPLATE_USAGE =
            "'server-template' expects <prefix> <nb | range> <addr>[:<port>] as arguments.";

    static final ParamTable<ServerState> SERVER_PARAMS = ServerParams.table();
    static final ParamTable<ServerState> DEFAULT_SERVER_PARAMS = SERVER_PARAMS.copyReplacing("id", 1,
            (line, server, problems) -> {
                throw new KeywordException("'id' option is not accepted in default-server sections");
            });

    private ServerKeywords() {
    }

    static void register(KeywordTable<ProxyState> table) {
        table.add("server", Capabilities.notInDefaults(Capabilities.backendRequired(ServerKeywords::server)));
        table.add("server-template", Capabilities.notInDefaults(Capabilities.backendRequired(ServerKeywords::template)));
        table.add("default-server", Capabilities.backendRequired(ServerKeywords::defaultServer));
    }

    private static void server(Line line, ProxyState proxy, Problems problems) throws KeywordException {
        if (line.arg(1).isEmpty() || line.arg(2).isEmpty()) {
            throw new KeywordException(USAGE);
        }
        ServerState server = newServer(line, proxy, line.arg(1));
        SERVER_PARAMS.apply(line, 3, server, problems, context(proxy, server.name));
        add(proxy, server);
    }

    /** {@code server-template <prefix> <n | a-b> <addr> [params]}: servers prefix{a..b}. */
    private static void template(Line line, ProxyState proxy, Problems problems) throws KeywordException {
        if (line.arg(1).isEmpty() || line.arg(2).isEmpty() || line.arg(3).isEmpty()) {
            throw new KeywordException(TEMPLATE_USAGE);
        }
        int[] range = range(line.arg(2));
        ServerState first = newServer(line.arg(3), line, proxy, line.arg(1) + range[0]);
        SERVER_PARAMS.apply(line, 4, first, problems, "'server-template " + proxy.name + "/" + line.arg(1) + "'");
        if (first.id != 0 && range[1] > range[0]) {
            throw new KeywordException("'server-template' : 'id' cannot be used with several servers.");
        }
        for (int i = range[0]; i <= range[1]; i++) {
            ServerState server = first.copy();
            server.name = line.arg(1) + i;
            add(proxy, server);
        }
    }

    private static void defaultServer(Line line, ProxyState proxy, Problems problems) throws KeywordException {
        DEFAULT_SERVER_PARAMS.apply(line, 1, proxy.defaultServer, problems, "'default-server'");
    }

    private static ServerState newServer(Line line, ProxyState proxy, String name) throws KeywordException {
        return newServer(line.arg(2), line, proxy, name);
    }

    private static ServerState newServer(String address, Line line, ProxyState proxy, String name)
            throws KeywordException {
        ServerState server = proxy.defaultServer.copy();
        server.name = name;
        server.id = 0;
        server.source = line.source();
        String expanded = EnvExpansion.expand(address, proxy.environment::get);
        AddressParser.Parsed parsed;
        try {
            parsed = AddressParser.parse(expanded, AddressParser.Use.SERVER);
        } catch (KeywordException e) {
            throw new KeywordException(context(proxy, name) + " : " + e.getMessage());
        }
        server.address = parsed.unixPath() == null ? parsed.hostPorts().get(0) : null;
        server.unixPath = parsed.unixPath();
        return server;
    }

    private static void add(ProxyState proxy, ServerState server) throws KeywordException {
        for (ServerState other : proxy.servers) {
            if (other.name.equals(server.name)) {
                throw new KeywordException(proxy.typeWord() + " '" + proxy.name + "', another server named '"
                        + server.name + "' was already defined at line " + other.source.line()
                        + ", please use distinct names.");
            }
            if (server.id != 0 && other.id == server.id) {
                throw new KeywordException(context(proxy, server.name) + " : 'id' : custom id " + server.id
                        + " already used at " + other.source + " ('server " + other.name + "').");
            }
        }
        proxy.servers.add(server);
    }

    private static int[] range(String text) throws KeywordException {
        String[] parts = text.split("-", -1);
        try {
            int low = parts.length == 2 ? Integer.parseInt(parts[0]) : 1;
            int high = Integer.parseInt(parts[parts.length - 1]);
            if (parts.length > 2 || low < 1 || high < low) {
                throw new NumberFormatException();
            }
            return new int[] {low, high};
        } catch (NumberFormatException e) {
            throw new KeywordException("'server-template' : invalid range '" + text
                    + "' (expected a number or <low>-<high> with 1 <= low <= high).");
        }
    }

    static String context(ProxyState proxy, String name) {
        return "'server " + proxy.name + "/" + name + "'";
    }
}
