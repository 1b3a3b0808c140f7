package io.tollgate.engine.lb;

import io.tollgate.engine.acl.RequestView;
import io.tollgate.engine.runtime.Server;

import java.util.List;

/**
 * {@code balance first}: the candidate with the lowest server id ({@link Server#id()}) that has
 * room, as HAProxy's {@code src/lb_fas.c}: servers are filled in order up to their
 * {@code maxconn}, so the next one only takes traffic once the previous is full. With servers
 * {@code id 1 maxconn 2} and {@code id 2 maxconn 1} and every pick keeping its slot, picks go
 * 1 1 2, then none; releasing a slot on server 1 makes it the next pick again. A server without
 * {@code maxconn} always has room, so it takes everything once reached.
 *
 * <p>Stateless: one scan of the candidates, no lock.
 */
public final class FirstBalancer implements Balancer {

    @Override
    public Server pick(List<Server> candidates, RequestView request) {
        Server best = null;
        for (int i = 0, n = candidates.size(); i < n; i++) {
            Server s = candidates.get(i);
            if (s.weight() > 0 && s.hasRoom() && (best == null || s.id() < best.id())) {
                best = s;
            }
        }
        return best;
    }

    @Override
    public String algorithm() {
        return "first";
    }
}
