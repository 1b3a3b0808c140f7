package io.tollgate.engine.lb;

import io.tollgate.engine.runtime.Server;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The map-based table: HAProxy's slot order, unsigned modulo, and its large movement on change. */
class MapBasedHashTest {
    private static final int KEYS = 10_000;
    private static final KeyHash SDBM = KeyHash.of(null);

    private static int key(int i) {
        String k = "/object/" + i;
        return SDBM.hash(k, 0, k.length());
    }

    private static String slots(int[] weights) {
        List<Server> servers = HashBackends.servers(weights, new int[weights.length]);
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        HashTable table = new MapBasedHash();
        StringBuilder sb = new StringBuilder();
        for (int h = 0; h < total; h++) {
            sb.append(table.lookup(servers, h).name().substring(1));
        }
        return sb.toString();
    }

    /** The slot order of HAProxy's recalc_server_map(): a server's slots are spread, not grouped. */
    @Test
    void slotsFollowHaproxysOrder() {
        assertThat(slots(new int[] {1, 1, 1})).isEqualTo("123");
        assertThat(slots(new int[] {1, 2})).isEqualTo("122");
        assertThat(slots(new int[] {1, 2, 3})).isEqualTo("132323");
        // weights are reduced by their gcd: 2:2 is a table of two slots, seen twice
        assertThat(slots(new int[] {2, 2})).isEqualTo("1212");
    }

    @Test
    void theHashIsTakenUnsignedModuloTheTotalWeight() {
        List<Server> servers = HashBackends.servers(3);
        HashTable table = new MapBasedHash();
        assertThat(table.lookup(servers, 4)).isSameAs(servers.get(1));
        // 0xFFFFFFFF = 4294967295 = 3 × 1431655765
        assertThat(table.lookup(servers, -1)).isSameAs(servers.get(0));
    }

    @Test
    void keysSpreadByWeight() {
        List<Server> servers = HashBackends.servers(new int[] {1, 2, 3}, new int[3]);
        HashTable table = new MapBasedHash();
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < KEYS; i++) {
            counts.merge(table.lookup(servers, key(i)).name(), 1, Integer::sum);
        }
        System.out.println("map-based 1:2:3 over " + KEYS + " keys: " + counts);
        assertThat(counts.get("s1")).isBetween(KEYS / 6 * 8 / 10, KEYS / 6 * 12 / 10);
        assertThat(counts.get("s2")).isBetween(KEYS / 3 * 8 / 10, KEYS / 3 * 12 / 10);
        assertThat(counts.get("s3")).isBetween(KEYS / 2 * 8 / 10, KEYS / 2 * 12 / 10);
    }

    /**
     * The price of map-based: removing one of 10 servers changes the modulus from 10 to 9, so
     * most keys move (9,015 of 10,000 here, against 953 with consistent hashing), not only the
     * removed server's.
     */
    @Test
    void removingOneOfTenServersMovesMostKeys() {
        List<Server> servers = HashBackends.servers(10);
        HashTable table = new MapBasedHash();
        Server[] before = new Server[KEYS];
        for (int i = 0; i < KEYS; i++) {
            before[i] = table.lookup(servers, key(i));
        }
        List<Server> kept = new ArrayList<>(servers);
        kept.remove(4);
        int moved = 0;
        for (int i = 0; i < KEYS; i++) {
            if (table.lookup(kept, key(i)) != before[i]) {
                moved++;
            }
        }
        System.out.printf("map-based: removing 1 of 10 servers moved %d of %d keys%n", moved, KEYS);
        assertThat(moved).isGreaterThan(KEYS / 2);
    }

    @Test
    void aFullServerIsSkippedForTheNextSlot() {
        List<Server> servers = HashBackends.servers(new int[] {1, 1, 1}, new int[] {1, 0, 0});
        HashTable table = new MapBasedHash();
        assertThat(table.lookup(servers, 3)).isSameAs(servers.get(0));
        assertThat(servers.get(0).tryAcquire()).isTrue();
        assertThat(table.lookup(servers, 3)).isSameAs(servers.get(1));
        assertThat(table.lookup(servers, 2)).isSameAs(servers.get(2));
    }

    @Test
    void theTableIsRebuiltForANewCandidateList() {
        List<Server> servers = HashBackends.servers(3);
        HashTable table = new MapBasedHash();
        assertThat(table.lookup(servers, 2)).isSameAs(servers.get(2));
        assertThat(table.lookup(servers.subList(0, 2), 2)).isSameAs(servers.get(0));
    }
}
