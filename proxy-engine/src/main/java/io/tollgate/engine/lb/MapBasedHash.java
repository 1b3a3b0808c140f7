package io.tollgate.engine.lb;

import io.tollgate.engine.runtime.Server;

import java.util.List;

/**
 * {@code hash-type map-based}: a table with one slot per unit of weight, the server being
 * {@code table[hash % totalWeight]} (hash unsigned), as HAProxy's {@code src/lb_map.c}.
 *
 * <p>The slots are filled in the order of HAProxy's {@code recalc_server_map()}: for each slot
 * every candidate adds its weight to its score, the first candidate with the highest
 * {@code (score + total) / total} takes the slot and pays the total. Weights 1:1:1 give a b c,
 * weights 1:2 give a b b, weights 1:2:3 give a c b c b c. Weights are divided by their greatest common divisor first, which
 * changes no lookup (the table only repeats).
 *
 * <p>Stable only while the candidate set is unchanged: adding or removing one server changes the
 * modulus and moves most keys (about {@code 1 - 1/N} of them), unlike {@link ConsistentHash}.
 */
final class MapBasedHash implements HashTable {
    private record Table(List<Server> source, Server[] slots) {
    }

    private volatile Table table;

    @Override
    public Server lookup(List<Server> candidates, int hash) {
        Table t = table;
        if (t == null || t.source() != candidates) {
            t = build(candidates);
            table = t;
        }
        Server[] slots = t.slots();
        int n = slots.length;
        if (n == 0) {
            return null;
        }
        int start = Integer.remainderUnsigned(hash, n);
        for (int i = 0; i < n; i++) {
            Server s = slots[(start + i) % n];
            if (s.hasRoom()) {
                return s;
            }
        }
        return null;
    }

    @Override
    public void invalidate() {
        table = null;
    }

    private static Table build(List<Server> candidates) {
        int n = candidates.size();
        int[] weights = new int[n];
        int gcd = 0;
        for (int i = 0; i < n; i++) {
            weights[i] = Math.max(0, candidates.get(i).weight());
            gcd = gcd(gcd, weights[i]);
        }
        long total = 0;
        for (int i = 0; i < n && gcd > 0; i++) {
            weights[i] /= gcd;
            total += weights[i];
        }
        Server[] slots = new Server[(int) total];
        long[] score = new long[n];
        for (int slot = 0; slot < total; slot++) {
            int best = -1;
            long max = 0;
            for (int i = 0; i < n; i++) {
                if (weights[i] == 0) {
                    continue;
                }
                score[i] += weights[i];
                long v = (score[i] + total) / total;
                if (best < 0 || v > max) {
                    max = v;
                    best = i;
                }
            }
            slots[slot] = candidates.get(best);
            score[best] -= total;
        }
        return new Table(candidates, slots);
    }

    private static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
