package io.tollgate.engine.lb;

import io.tollgate.engine.acl.RequestView;
import io.tollgate.engine.runtime.Server;

import java.util.List;

/**
 * {@code balance uri [len <n>] [depth <n>] [whole] [path-only]}: the request target picks the
 * server, as HAProxy's {@code get_server_uh()}.
 *
 * <p>The hashed part is the target as received ({@code http://h/p?q} in absolute form), or from
 * its path on with {@code path-only}. Hashing stops at the first {@code '?'} unless
 * {@code whole}, after {@code len} characters, and before the {@code (depth + 1)}-th slash:
 * {@code depth 2} hashes {@code /a/b} of {@code /a/b/c/d}. A target {@code /img/x.png?v=2}
 * hashes {@code /img/x.png}; with {@code whole}, all of it. No request or no target (TCP) goes
 * round robin.
 */
public final class UriBalancer implements Balancer {
    private final HashTable table;
    private final KeyHash keyHash;
    private final RoundRobinBalancer fallback;
    private final int lenLimit;
    private final int slashLimit;
    private final boolean whole;
    private final boolean pathOnly;

    /** {@code args}: the words after {@code balance uri}, already checked by the parser. */
    public UriBalancer(String hashType, List<String> args, List<Server> servers) {
        int len = 0;
        int depth = 0;
        boolean wholeUri = false;
        boolean path = false;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "len" -> len = Integer.parseInt(args.get(++i));
                case "depth" -> depth = Integer.parseInt(args.get(++i));
                case "whole" -> wholeUri = true;
                case "path-only" -> path = true;
                default -> throw new IllegalArgumentException("balance uri: unknown option '" + args.get(i) + "'");
            }
        }
        this.table = HashTable.of(hashType);
        this.keyHash = KeyHash.of(hashType);
        this.fallback = new RoundRobinBalancer(servers.size());
        this.lenLimit = len;
        this.slashLimit = depth > 0 ? depth + 1 : 0;
        this.whole = wholeUri;
        this.pathOnly = path;
    }

    @Override
    public Server pick(List<Server> candidates, RequestView request) {
        String uri = request == null ? null : request.uri();
        if (uri == null) {
            return fallback.pick(candidates, request);
        }
        int start = pathOnly ? pathStart(uri) : 0;
        int limit = lenLimit > 0 ? Math.min(uri.length(), start + lenLimit) : uri.length();
        int end = start;
        int slashes = 0;
        for (; end < limit; end++) {
            char c = uri.charAt(end);
            if (c == '/') {
                if (++slashes == slashLimit) {
                    break;
                }
            } else if (c == '?' && !whole) {
                break;
            }
        }
        return table.lookup(candidates, keyHash.hash(uri, start, end));
    }

    /** Where the path starts: 0 in origin form, after the authority in absolute form (the end if none). */
    private static int pathStart(String uri) {
        if (uri.startsWith("/")) {
            return 0;
        }
        int scheme = uri.indexOf("://");
        if (scheme < 0) {
            return 0;
        }
        int slash = uri.indexOf('/', scheme + 3);
        return slash < 0 ? uri.length() : slash;
    }

    @Override
    public boolean needsRequest() {
        return true;
    }

    @Override
    public String algorithm() {
        return "uri";
    }

    @Override
    public void serverChanged(Server server) {
        table.invalidate();
        fallback.serverChanged(server);
    }
}
