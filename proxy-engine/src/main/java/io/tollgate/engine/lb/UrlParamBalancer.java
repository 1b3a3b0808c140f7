package io.tollgate.engine.lb;

import io.tollgate.engine.acl.RequestView;
import io.tollgate.engine.runtime.Server;

import java.util.List;

/**
 * {@code balance url_param <name> [check_post]}: the value of a query-string parameter picks the
 * server, as HAProxy's {@code get_server_ph()}. The name matches exactly (case-sensitive) a
 * {@code name=} at the start of an {@code &}-separated parameter; the first match wins and its
 * value runs to the next {@code &}, undecoded ({@code ?a=1&id=42&b=2} hashes {@code 42}; an empty
 * value is hashed too). Without the parameter, without query or without request, round robin.
 *
 * <p>{@code check_post} is accepted but the body is not read: a POST without the parameter in
 * its query goes round robin.
 */
public final class UrlParamBalancer implements Balancer {
    private final HashTable table;
    private final KeyHash keyHash;
    private final RoundRobinBalancer fallback;
    private final String name;

    /** {@code args}: the parameter name, then optionally {@code check_post [<max_wait>]}. */
    public UrlParamBalancer(String hashType, List<String> args, List<Server> servers) {
        if (args.isEmpty() || args.get(0).isEmpty()) {
            throw new IllegalArgumentException("balance url_param requires an URL parameter name");
        }
        this.table = HashTable.of(hashType);
        this.keyHash = KeyHash.of(hashType);
        this.fallback = new RoundRobinBalancer(servers.size());
        this.name = args.get(0);
    }

    @Override
    public Server pick(List<Server> candidates, RequestView request) {
        String query = request == null ? null : request.query();
        if (query != null) {
            int plen = name.length();
            int at = 0;
            while (query.length() - at > plen) {
                if (query.charAt(at + plen) == '=' && query.regionMatches(at, name, 0, plen)) {
                    int start = at + plen + 1;
                    int end = query.indexOf('&', start);
                    return table.lookup(candidates, keyHash.hash(query, start, end < 0 ? query.length() : end));
                }
                int amp = query.indexOf('&', at);
                if (amp < 0) {
                    break;
                }
                at = amp + 1;
            }
        }
        return fallback.pick(candidates, request);
    }

    @Override
    public boolean needsRequest() {
        return true;
    }

    @Override
    public String algorithm() {
        return "url_param";
    }

    @Override
    public void serverChanged(Server server) {
        table.invalidate();
        fallback.serverChanged(server);
    }
}
