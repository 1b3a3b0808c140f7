package io.tollgate.engine.lb;

import io.tollgate.engine.acl.RequestView;
import io.tollgate.engine.runtime.Server;

import java.util.List;

/**
 * {@code balance roundrobin}: smooth weighted round robin. Each pick adds every candidate's
 * weight to its credit, takes the candidate with the most credit and charges it the total, so
 * weights 1:2:3 give the order c b a c b c (then again), weights 1:3 give c a c c, spreading a heavy server's turns
 * instead of grouping them, as HAProxy's weighted round robin does. A server without room is
 * skipped without earning credit, so it does not burst when it frees up.
 *
 * <p>Picks are serialised by a lock held for a few array operations; HAProxy also locks its
 * round-robin tree per backend.
 */
public final class RoundRobinBalancer implements Balancer {
    /** By {@link Server#index()}; grows when servers are added at run time. */
    private long[] credit;

    public RoundRobinBalancer(int serverCount) {
        this.credit = new long[serverCount];
    }

    @Override
    public synchronized Server pick(List<Server> candidates, RequestView request) {
        Server best = null;
        long total = 0;
        for (int i = 0, n = candidates.size(); i < n; i++) {
            Server s = candidates.get(i);
            if (!s.hasRoom() || s.weight() <= 0) {
                continue;
            }
            int w = s.weight();
            if (s.index() >= credit.length) {
                grow(s.index());
            }
            credit[s.index()] += w;
            total += w;
            if (best == null || credit[s.index()] > credit[best.index()]) {
                best = s;
            }
        }
        if (best != null) {
            credit[best.index()] -= total;
        }
        return best;
    }

    @Override
    public String algorithm() {
        return "roundrobin";
    }

    @Override
    public synchronized void serverChanged(Server server) {
        if (server.index() >= credit.length) {
            grow(server.index());
        }
        credit[server.index()] = 0;
    }

    private void grow(int index) {
        credit = java.util.Arrays.copyOf(credit, Math.max(index + 1, credit.length * 2));
    }
}
