package io.tollgate.engine.lb;

import io.tollgate.engine.acl.RequestView;
import io.tollgate.engine.runtime.Server;

import java.util.List;

/**
 * {@code balance leastconn}: the candidate serving the fewest requests relative to its weight
 * ({@code served / weight}, compared as {@code a.served * b.weight < b.served * a.weight}), as
 * HAProxy's {@code src/lb_fwlc.c}. Weights are read at every pick, so weight changes apply at once.
 *
 * <p>Ties are broken round robin: the scan starts just after the last server picked, and the first
 * least loaded server from there wins, so equal servers share. With weights 1:1:2 and every pick
 * keeping its slot, picks go a b c c a b c c (then again); with equal weights and slots released
 * after each request, picks go a b c a b c. A server without room is skipped.
 *
 * <p>Picks are serialised by a lock held for one scan of the candidates.
 */
public final class LeastConnBalancer implements Balancer {
    private int next;

    @Override
    public synchronized Server pick(List<Server> candidates, RequestView request) {
        int n = candidates.size();
        int start = next < n ? next : 0;
        Server best = null;
        int bestPos = -1;
        long bestServed = 0;
        long bestWeight = 0;
        for (int i = 0; i < n; i++) {
            int pos = start + i < n ? start + i : start + i - n;
            Server s = candidates.get(pos);
            int w = s.weight();
            if (w <= 0 || !s.hasRoom()) {
                continue;
            }
            long served = s.served();
            if (best == null || served * bestWeight < bestServed * w) {
                best = s;
                bestPos = pos;
                bestServed = served;
                bestWeight = w;
            }
        }
        if (best != null) {
            next = bestPos + 1;
        }
        return best;
    }

    @Override
    public String algorithm() {
        return "leastconn";
    }
}
