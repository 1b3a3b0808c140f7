package io.tollgate.engine.lb;

import io.tollgate.engine.runtime.Server;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The consistent-hash ring: stability, spread by weight, movement when a server leaves or joins. */
class ConsistentHashTest {
    private static final int KEYS = 10_000;
    /**
     * Keys hashed with sdbm and avalanche: sdbm alone gives keys that differ in their last
     * characters neighbouring values, which land on the same ring segment; HAProxy recommends
     * {@code avalanche} with consistent hashing for that reason.
     */
    private static final KeyHash SDBM = KeyHash.of("consistent sdbm avalanche");

    private static int key(int i) {
        String k = "/object/" + i;
        return SDBM.hash(k, 0, k.length());
    }

    private static Server[] assign(HashTable table, List<Server> candidates) {
        Server[] owners = new Server[KEYS];
        for (int i = 0; i < KEYS; i++) {
            owners[i] = table.lookup(candidates, key(i));
        }
        return owners;
    }

    @Test
    void theSameKeyAlwaysGetsTheSameServer() {
        List<Server> servers = HashBackends.servers(5);
        HashTable table = new ConsistentHash();
        Server first = table.lookup(servers, key(42));
        for (int i = 0; i < 1000; i++) {
            assertThat(table.lookup(servers, key(42))).isSameAs(first);
        }
        // a rebuilt ring (new list instance, new table) gives the same answer
        assertThat(new ConsistentHash().lookup(List.copyOf(servers), key(42))).isSameAs(first);
    }

    /**
     * 10,000 keys over 10 servers of weight 1, then server s5 removed: only s5's keys move
     * (953 keys, 9.5%; 1/N would be 10%), every key of the nine others stays where it was.
     */
    @Test
    void removingOneOfTenServersMovesOnlyItsKeys() {
        List<Server> servers = HashBackends.servers(10);
        HashTable table = new ConsistentHash();
        Server[] before = assign(table, servers);
        Server removed = servers.get(4);
        List<Server> kept = new ArrayList<>(servers);
        kept.remove(removed);
        Server[] after = assign(table, kept);

        int moved = 0;
        for (int i = 0; i < KEYS; i++) {
            if (before[i] != after[i]) {
                moved++;
                assertThat(before[i]).as("key %d moved although its server stayed", i).isSameAs(removed);
            }
            assertThat(after[i]).isNotSameAs(removed);
        }
        System.out.printf("consistent: removing 1 of 10 servers moved %d of %d keys%n", moved, KEYS);
        assertThat(moved).isPositive().isLessThanOrEqualTo(KEYS * 15 / 100);
    }

    /** Adding an eleventh server only takes keys to the newcomer. */
    @Test
    void addingAServerOnlyMovesKeysToIt() {
        List<Server> eleven = HashBackends.servers(11);
        List<Server> ten = eleven.subList(0, 10);
        HashTable table = new ConsistentHash();
        Server[] before = assign(table, List.copyOf(ten));
        Server[] after = assign(table, eleven);
        int moved = 0;
        for (int i = 0; i < KEYS; i++) {
            if (before[i] != after[i]) {
                moved++;
                assertThat(after[i]).isSameAs(eleven.get(10));
            }
        }
        System.out.printf("consistent: adding an 11th server moved %d of %d keys%n", moved, KEYS);
        assertThat(moved).isPositive().isLessThanOrEqualTo(KEYS * 15 / 100);
    }

    /** Weights 1:2:3 receive about 1/6, 2/6 and 3/6 of the keys (16 ring points per unit of weight). */
    @Test
    void keysSpreadRoughlyByWeight() {
        List<Server> servers = HashBackends.servers(new int[] {1, 2, 3}, new int[3]);
        Map<String, Integer> counts = new HashMap<>();
        for (Server s : assign(new ConsistentHash(), servers)) {
            counts.merge(s.name(), 1, Integer::sum);
        }
        System.out.println("consistent 1:2:3 over " + KEYS + " keys: " + counts);
        assertThat(counts.get("s1")).isBetween(KEYS / 6 * 6 / 10, KEYS / 6 * 14 / 10);
        assertThat(counts.get("s2")).isBetween(KEYS / 3 * 7 / 10, KEYS / 3 * 13 / 10);
        assertThat(counts.get("s3")).isBetween(KEYS / 2 * 8 / 10, KEYS / 2 * 12 / 10);
    }

    @Test
    void theRingOfAServerDependsOnItsIdOnly() {
        assertThat(ConsistentHash.pointKey(3, 5)).isEqualTo(KeyHash.avalanche(3 * 4096 + 5));
    }

    @Test
    void aFullServerIsSkippedForTheNextOnTheRing() {
        List<Server> servers = HashBackends.servers(new int[] {1, 1, 1}, new int[] {1, 1, 1});
        HashTable table = new ConsistentHash();
        Server home = table.lookup(servers, key(7));
        assertThat(home.tryAcquire()).isTrue();
        Server next = table.lookup(servers, key(7));
        assertThat(next).isNotNull().isNotSameAs(home);
        assertThat(next.tryAcquire()).isTrue();
        Server last = table.lookup(servers, key(7));
        assertThat(last).isNotNull().isNotIn(home, next);
        assertThat(last.tryAcquire()).isTrue();
        assertThat(table.lookup(servers, key(7))).isNull();
        home.releaseSlot();
        assertThat(table.lookup(servers, key(7))).isSameAs(home);
    }

    @Test
    void anEmptyCandidateListGivesNoServer() {
        assertThat(new ConsistentHash().lookup(List.of(), 1)).isNull();
    }
}
