package io.tollgate.engine.lb;

import io.tollgate.engine.runtime.Server;

import java.util.Arrays;
import java.util.List;

/**
 * {@code hash-type consistent}: a ring of {@code 16 × weight} points per server, as HAProxy's
 * {@code src/lb_chash.c}: point {@code k} of the server with id {@code id} sits at
 * {@code full_hash(id * 4096 + k)}, so a server keeps its points whatever the other servers do.
 * A key goes to the server of the nearest point, before or after it (the one before on a tie),
 * as {@code chash_get_server_hash()} does.
 *
 * <p>Removing one of N servers only moves the keys whose nearest point was one of its points
 * (about 1/N of them); every other key keeps its server. The ring is a sorted array searched by
 * binary search, rebuilt once per candidate list.
 *
 * <p>Keys should be spread over the whole 32-bit range: sdbm keys of strings that differ only in
 * their last characters are close to each other and fall on the same ring segment (10,000 keys
 * {@code /object/<i>} over weights 1:2:3 gave the lightest server half of them). HAProxy's
 * answer, kept here, is the {@code avalanche} modifier ({@code hash-type consistent sdbm avalanche}).
 */
final class ConsistentHash implements HashTable {
    /** HAProxy's {@code BE_WEIGHT_SCALE}: points per unit of weight. */
    static final int POINTS_PER_WEIGHT = 16;
    /** HAProxy's {@code SRV_EWGHT_RANGE}: room for every point of one server id. */
    private static final int ID_RANGE = 4096;

    /** Points sorted by unsigned key; {@code keys} hold the keys with the sign bit flipped. */
    private record Ring(List<Server> source, int[] keys, Server[] owners) {
    }

    private volatile Ring ring;

    @Override
    public Server lookup(List<Server> candidates, int hash) {
        Ring r = ring;
        if (r == null || r.source() != candidates) {
            r = build(candidates);
            ring = r;
        }
        int[] keys = r.keys();
        int n = keys.length;
        if (n == 0) {
            return null;
        }
        int flipped = hash ^ Integer.MIN_VALUE;
        int next = Arrays.binarySearch(keys, flipped);
        if (next < 0) {
            next = -next - 1;
        } else {
            while (next > 0 && keys[next - 1] == flipped) {
                next--;
            }
        }
        if (next == n) {
            next = 0;
        }
        int prev = next == 0 ? n - 1 : next - 1;
        int dp = hash - (keys[prev] ^ Integer.MIN_VALUE);
        int dn = (keys[next] ^ Integer.MIN_VALUE) - hash;
        int start = Integer.compareUnsigned(dp, dn) <= 0 ? prev : next;
        Server[] owners = r.owners();
        for (int i = 0; i < n; i++) {
            Server s = owners[(start + i) % n];
            if (s.hasRoom()) {
                return s;
            }
        }
        return null;
    }

    @Override
    public void invalidate() {
        ring = null;
    }

    /** The key of point {@code k} of the server with id {@code id}. */
    static int pointKey(int id, int k) {
        return KeyHash.avalanche(id * ID_RANGE + k);
    }

    private static Ring build(List<Server> candidates) {
        int total = 0;
        for (Server s : candidates) {
            total += POINTS_PER_WEIGHT * Math.max(0, s.weight());
        }
        long[] points = new long[total];
        Server[] byPoint = new Server[total];
        int p = 0;
        for (Server s : candidates) {
            for (int k = 0, count = POINTS_PER_WEIGHT * Math.max(0, s.weight()); k < count; k++) {
                points[p] = ((long) (pointKey(s.id(), k) ^ Integer.MIN_VALUE) << 32) | p;
                byPoint[p] = s;
                p++;
            }
        }
        Arrays.sort(points);
        int[] keys = new int[total];
        Server[] owners = new Server[total];
        for (int i = 0; i < total; i++) {
            keys[i] = (int) (points[i] >> 32);
            owners[i] = byPoint[(int) points[i]];
        }
        return new Ring(candidates, keys, owners);
    }
}
