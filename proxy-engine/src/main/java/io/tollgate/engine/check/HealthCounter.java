package io.tollgate.engine.check;

/**
 * HAProxy's rise/fall health counter for one server (FORMATS §4.3): 0 .. rise+fall-1, the
 * server being UP at rise and above. Fully UP it sits at the top; each failed check takes one
 * off and, once below rise, drops it to 0 (DOWN). Each passed check adds one and, on reaching
 * rise, jumps it to the top (UP). A server starts UP at rise, as HAProxy assumes at start.
 *
 * <p>Not thread-safe: one event loop owns a server's checks.
 */
public final class HealthCounter {
    /** What a check result did to the server's state. */
    public enum Transition { NONE, WENT_UP, WENT_DOWN }

    private final int rise;
    private final int fall;
    private int health;

    public HealthCounter(int rise, int fall) {
        if (rise < 1 || fall < 1) {
            throw new IllegalArgumentException("rise and fall must be at least 1 (got " + rise + ", " + fall + ")");
        }
        this.rise = rise;
        this.fall = fall;
        this.health = rise;
    }

    public int health() {
        return health;
    }

    public boolean isUp() {
        return health >= rise;
    }

    private int top() {
        return rise + fall - 1;
    }

    /** A passed check. */
    public Transition passed() {
        if (health >= top()) {
            return Transition.NONE;
        }
        boolean wasUp = isUp();
        health++;
        if (!wasUp && health >= rise) {
            health = top();
            return Transition.WENT_UP;
        }
        return Transition.NONE;
    }

    /** A failed check. */
    public Transition failed() {
        if (health == 0) {
            return Transition.NONE;
        }
        if (health > rise) {
            health--;
            return Transition.NONE;
        }
        boolean wasUp = isUp();
        health = 0;
        return wasUp ? Transition.WENT_DOWN : Transition.NONE;
    }

    /** Leaving maintenance: HAProxy restarts the counter at rise. */
    public void reset() {
        health = rise;
    }

    /**
     * The {@code x/y} HAProxy shows between states: while UP (below the top) {@code x} counts
     * the failures left before DOWN out of {@code fall}; while DOWN, the passes made out of
     * {@code rise}. Empty when fully UP or fully DOWN.
     */
    public String progress() {
        if (isUp()) {
            return health < top() ? (health - rise + 1) + "/" + fall : "";
        }
        return health > 0 ? health + "/" + rise : "";
    }
}
