package io.tollgate.engine.lb;

import io.tollgate.engine.config.ProxyConfig;
import io.tollgate.engine.runtime.Server;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** The table of balancing algorithms: {@code balance} keyword to constructor. */
public final class Balancers {
    private static final Map<String, BiFunction<ProxyConfig, List<Server>, Balancer>> TABLE = Map.of(
            "hash", (config, servers) -> new ExpressionBalancer(config.hashType(), config.balanceArgs(), servers),
            "roundrobin", (config, servers) -> new RoundRobinBalancer(servers.size()),
            "static-rr", (config, servers) -> new StaticRoundRobinBalancer(servers),
            "leastconn", (config, servers) -> new LeastConnBalancer(),
            "first", (config, servers) -> new FirstBalancer(),
            "random", (config, servers) -> new RandomBalancer(draws(config.balanceArgs())),
            "source", (config, servers) -> new SourceBalancer(config.hashType(), config.balanceArgs(), servers),
            "uri", (config, servers) -> new UriBalancer(config.hashType(), config.balanceArgs(), servers),
            "url_param", (config, servers) -> new UrlParamBalancer(config.hashType(), config.balanceArgs(), servers),
            "hdr", (config, servers) -> new HeaderBalancer(config.hashType(), config.balanceArgs(), servers));

    private Balancers() {
    }

    /** {@code random(<draws>)}: the parser keeps the bracketed argument first. */
    private static int draws(List<String> args) {
        return args.isEmpty() || args.get(0).isEmpty() ? RandomBalancer.DEFAULT_DRAWS : Integer.parseInt(args.get(0));
    }

    /**
     * Whether servers can be added to the backend at run time: HAProxy's {@code BE_LB_PROP_DYN}
     * algorithms, i.e. all but {@code static-rr} and the hashes over a map ({@code hash-type
     * map-based}, the default), whose tables are sized at start.
     */
    public static boolean isDynamic(ProxyConfig config) {
        String keyword = config.balance() == null ? "roundrobin" : config.balance();
        return switch (keyword) {
            case "roundrobin", "leastconn", "first", "random" -> true;
            case "static-rr" -> false;
            default -> config.hashType() != null && config.hashType().trim().startsWith("consistent");
        };
    }

    public static boolean isSupported(String keyword) {
        return TABLE.containsKey(keyword);
    }

    /**
     * The balancer for a backend. Algorithms not implemented yet fall back to round robin; the
     * configuration parser warns about them.
     */
    public static Balancer create(ProxyConfig config, List<Server> servers) {
        String keyword = config.balance() == null ? "roundrobin" : config.balance();
        return TABLE.getOrDefault(keyword, TABLE.get("roundrobin")).apply(config, servers);
    }
}
