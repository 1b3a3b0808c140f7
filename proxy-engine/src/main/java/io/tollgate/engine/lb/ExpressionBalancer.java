package io.tollgate.engine.lb;

import io.tollgate.engine.acl.AclException;
import io.tollgate.engine.acl.RequestView;
import io.tollgate.engine.acl.SampleExpression;
import io.tollgate.engine.runtime.Server;

import java.util.List;

/**
 * {@code balance hash <expression>} (HAProxy 2.6): the value of any sample expression picks the
 * server through the backend's hash type, as {@code balance hdr} does for one header; a request
 * for which the expression yields nothing goes round robin.
 */
public final class ExpressionBalancer implements Balancer {
    private final HashTable table;
    private final KeyHash keyHash;
    private final RoundRobinBalancer fallback;
    private final SampleExpression expression;

    /** {@code args}: the expression (already checked by the parser). */
    public ExpressionBalancer(String hashType, List<String> args, List<Server> servers) {
        this.table = HashTable.of(hashType);
        this.keyHash = KeyHash.of(hashType);
        this.fallback = new RoundRobinBalancer(servers.size());
        try {
            this.expression = SampleExpression.compile(args.get(0));
        } catch (AclException e) {
            throw new IllegalArgumentException("balance hash : " + e.getMessage(), e);
        }
    }

    @Override
    public Server pick(List<Server> candidates, RequestView request) {
        String v = request == null ? null : expression.value(request);
        if (v == null || v.isEmpty()) {
            return fallback.pick(candidates, request);
        }
        return table.lookup(candidates, keyHash.hash(v, 0, v.length()));
    }

    @Override
    public boolean needsRequest() {
        return true;
    }

    @Override
    public String algorithm() {
        return "hash";
    }

    @Override
    public void serverChanged(Server server) {
        table.invalidate();
        fallback.serverChanged(server);
    }
}
