package io.tollgate.engine.lb;

import io.tollgate.engine.acl.RequestView;
import io.tollgate.engine.runtime.Server;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * {@code balance random[(<draws>)]}: power of N choices, as HAProxy's {@code get_server_rnd()}.
 * Each pick draws {@code draws} candidates (default 2) at random, each draw weighted by weight, and
 * keeps the least loaded one ({@code served / weight}); on a tie the later draw is kept. With equal
 * load the picks are therefore spread in proportion to weight (1:2:3 gives about 1/6, 2/6, 3/6);
 * with a busy and an idle server of equal weight and two draws, the idle one wins unless both draws
 * land on the busy one (one pick in four). A server without room is never drawn.
 *
 * <p>HAProxy 2.6 reports this algorithm as {@code unknown} in the CSV {@code algo} column (FORMATS.md
 * §8.1), and so does Tollgate.
 *
 * <p>The production constructor takes {@link ThreadLocalRandom#current()} on every pick, so picks
 * share nothing and take no lock; an injected generator (tests) is used under a lock.
 */
public final class RandomBalancer implements Balancer {
    /** HAProxy's default number of draws. */
    public static final int DEFAULT_DRAWS = 2;

    private final int draws;
    private final RandomGenerator random;

    /** Draws with the calling thread's {@link ThreadLocalRandom}. */
    public RandomBalancer(int draws) {
        this.draws = checkDraws(draws);
        this.random = null;
    }

    /** Draws with {@code random}, picks serialised; for deterministic tests. */
    public RandomBalancer(int draws, RandomGenerator random) {
        if (random == null) {
            throw new IllegalArgumentException("random generator is required");
        }
        this.draws = checkDraws(draws);
        this.random = random;
    }

    private static int checkDraws(int draws) {
        if (draws < 1) {
            throw new IllegalArgumentException("random draws must be at least 1, got " + draws);
        }
        return draws;
    }

    public int draws() {
        return draws;
    }

    @Override
    public Server pick(List<Server> candidates, RequestView request) {
        if (random == null) {
            return choose(candidates, ThreadLocalRandom.current());
        }
        synchronized (this) {
            return choose(candidates, random);
        }
    }

    private Server choose(List<Server> candidates, RandomGenerator rnd) {
        int n = candidates.size();
        long total = 0;
        for (int i = 0; i < n; i++) {
            Server s = candidates.get(i);
            if (eligible(s)) {
                total += s.weight();
            }
        }
        if (total == 0) {
            return null;
        }
        Server kept = null;
        for (int d = 0; d < draws; d++) {
            Server drawn = draw(candidates, rnd.nextLong(total));
            if (drawn == null) {
                break;
            }
            if (kept == null || kept == drawn
                    || (long) drawn.served() * kept.weight() <= (long) kept.served() * drawn.weight()) {
                kept = drawn;
            }
        }
        return kept;
    }

    /** The eligible candidate owning position {@code r} of the weight line (or the last one). */
    private static Server draw(List<Server> candidates, long r) {
        Server last = null;
        for (int i = 0, n = candidates.size(); i < n; i++) {
            Server s = candidates.get(i);
            if (!eligible(s)) {
                continue;
            }
            last = s;
            r -= s.weight();
            if (r < 0) {
                return s;
            }
        }
        return last;
    }

    private static boolean eligible(Server s) {
        return s.weight() > 0 && s.hasRoom();
    }

    @Override
    public String algorithm() {
        return "unknown";
    }
}
