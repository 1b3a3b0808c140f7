package io.tollgate.engine.lb;

import io.tollgate.engine.acl.RequestView;
import io.tollgate.engine.runtime.Server;

import java.util.List;

/**
 * {@code balance hdr(<name>) [use_domain_only]}: the value of a request header picks the server,
 * as HAProxy's {@code get_server_hh()}. The value is the first comma-separated element of the
 * first such header, without surrounding blanks; an absent or empty header (or no request)
 * goes round robin.
 *
 * <p>{@code use_domain_only} hashes only the label before the last dot, meant for {@code Host}:
 * {@code www.example.com}, {@code example.com} and {@code example.com:8080} all hash
 * {@code example}; a value without dot is hashed whole.
 */
public final class HeaderBalancer implements Balancer {
    private final HashTable table;
    private final KeyHash keyHash;
    private final RoundRobinBalancer fallback;
    private final String header;
    private final boolean domainOnly;

    /** {@code args}: the header name (the parenthesised word), then optionally {@code use_domain_only}. */
    public HeaderBalancer(String hashType, List<String> args, List<Server> servers) {
        if (args.isEmpty() || args.get(0).isEmpty()) {
            throw new IllegalArgumentException("balance hdr requires an http header field name");
        }
        this.table = HashTable.of(hashType);
        this.keyHash = KeyHash.of(hashType);
        this.fallback = new RoundRobinBalancer(servers.size());
        this.header = args.get(0);
        this.domainOnly = args.size() > 1 && args.get(1).equals("use_domain_only");
    }

    @Override
    public Server pick(List<Server> candidates, RequestView request) {
        List<String> values = request == null ? List.of() : request.headers(header);
        if (values == null || values.isEmpty()) {
            return fallback.pick(candidates, request);
        }
        String v = values.get(0);
        int start = 0;
        int comma = v.indexOf(',');
        int end = comma < 0 ? v.length() : comma;
        while (start < end && isBlank(v.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(v.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            return fallback.pick(candidates, request);
        }
        if (domainOnly) {
            // HAProxy's walk: back from the end to the last dot, then on to the dot before it.
            int domainEnd = end;
            int p = end;
            boolean inDomain = false;
            while (p > start) {
                if (inDomain) {
                    if (v.charAt(p - 1) == '.') {
                        break;
                    }
                } else if (p < end && v.charAt(p) == '.') {
                    domainEnd = p;
                    inDomain = true;
                }
                p--;
            }
            start = p;
            end = domainEnd;
        }
        return table.lookup(candidates, keyHash.hash(v, start, end));
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    @Override
    public boolean needsRequest() {
        return true;
    }

    @Override
    public String algorithm() {
        return "hdr";
    }

    @Override
    public void serverChanged(Server server) {
        table.invalidate();
        fallback.serverChanged(server);
    }
}
