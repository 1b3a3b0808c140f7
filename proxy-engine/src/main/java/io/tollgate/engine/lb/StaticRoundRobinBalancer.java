package io.tollgate.engine.lb;

import io.tollgate.engine.acl.RequestView;
import io.tollgate.engine.runtime.Server;

import java.util.Arrays;
import java.util.List;

/**
 * {@code balance static-rr}: weighted round robin over a table in which each server appears
 * {@code weight} times, as HAProxy's map-based round robin ({@code src/lb_map.c}). Weights are
 * read once, at start, and reduced by their greatest common divisor; changing a server's weight at
 * run time does not reshape the table (a server whose weight drops to 0 stops being a candidate).
 *
 * <p>The table is filled slot by slot: every server adds its weight to its score, the first server
 * (in declaration order) with the highest {@code (score + total) / total} takes the slot and is
 * charged the total. Weights 1:2:3 give the table a c b c b c, so picks go
 * a c b c b c a c b c b c; weights 1:3 give a b b b. The position is kept across rebuilds.
 *
 * <p>The table is built over the backend's candidates and rebuilt when they change (a server goes
 * up or down), never per pick. A pick walks the table from the last position and skips a server
 * without room; when the candidates passed are a subset of the backend's (redispatch avoiding a
 * server), entries outside the subset are skipped too. Picks are serialised by a lock held for
 * the walk; HAProxy also locks its map.
 */
public final class StaticRoundRobinBalancer implements Balancer {
    private final int[] weights;
    private final long[] score;
    private final Server[] map;
    private final int[] mark;
    private int mapLength;
    private int next;
    private int generation;
    private List<Server> builtFor;

    /** Reads the weights of {@code servers} (a backend's servers, by {@link Server#index()}). */
    public StaticRoundRobinBalancer(List<Server> servers) {
        int n = servers.size();
        this.weights = new int[n];
        this.score = new long[n];
        this.mark = new int[n];
        int gcd = 0;
        for (Server s : servers) {
            int w = Math.max(0, s.weight());
            weights[s.index()] = w;
            gcd = gcd(gcd, w);
        }
        int capacity = 0;
        for (int i = 0; i < n; i++) {
            if (gcd > 1) {
                weights[i] /= gcd;
            }
            capacity += weights[i];
        }
        this.map = new Server[Math.max(1, capacity)];
    }

    @Override
    public synchronized Server pick(List<Server> candidates, RequestView request) {
        int n = candidates.size();
        if (n == 0) {
            return null;
        }
        List<Server> base = candidates.get(0).backend().candidates();
        if (base != builtFor) {
            rebuild(base);
        }
        boolean subset = candidates != base;
        if (subset) {
            if (++generation == 0) {
                Arrays.fill(mark, 0);
                generation = 1;
            }
            for (int i = 0; i < n; i++) {
                mark[candidates.get(i).index()] = generation;
            }
        }
        for (int tried = 0; tried < mapLength; tried++) {
            if (next >= mapLength) {
                next = 0;
            }
            Server s = map[next++];
            if (s.hasRoom() && s.weight() > 0 && (!subset || mark[s.index()] == generation)) {
                return s;
            }
        }
        return null;
    }

    /** Fills the table for {@code base}, as {@code recalc_server_map()}; allocates nothing. */
    private void rebuild(List<Server> base) {
        int n = base.size();
        long total = 0;
        for (int i = 0; i < n; i++) {
            Server s = base.get(i);
            score[s.index()] = 0;
            total += weight(s);
        }
        for (int slot = 0; slot < total; slot++) {
            Server best = null;
            long max = 0;
            for (int i = 0; i < n; i++) {
                Server s = base.get(i);
                int w = weight(s);
                if (w == 0) {
                    continue;
                }
                score[s.index()] += w;
                long v = (score[s.index()] + total) / total;
                if (best == null || v > max) {
                    max = v;
                    best = s;
                }
            }
            map[slot] = best;
            score[best.index()] -= total;
        }
        mapLength = (int) total;
        builtFor = base;
    }

    private int weight(Server s) {
        int i = s.index();
        return i < weights.length ? weights[i] : 0;
    }

    private static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    @Override
    public String algorithm() {
        return "static-rr";
    }
}
