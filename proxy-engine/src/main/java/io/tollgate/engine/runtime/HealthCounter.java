package io.tollgate.engine.runtime;

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

    /** A passed check: one up, and straight to the top once at rise (HAProxy's set_server_check_status). */
    public Transition passed() {
        if (health >= top()) {
            return Transition.NONE;
        }
        boolean wasUp = isUp();
        health++;
        if (health >= rise) {
            health = top();
        }
        return !wasUp && isUp() ? Transition.WENT_UP : Transition.NONE;
    }

    /**
     * A conditionally passed check ({@code L7OKC}): as a pass, except that it never lifts a server
     * from 0, so a fully DOWN server stays DOWN.
     */
    public Transition conditionallyPassed() {
        return health == 0 ? Transition.NONE : passed();
    }

    /** Whether a failure now would count ({@code chkfail}): only while the counter is above 0. */
    public boolean canFail() {
        return health > 0;
    }

    /** Whether a pass now would move the counter. */
    public boolean canRise() {
        return health < top();
    }

    /** Sets the counter as the CLI's {@code set server health} and agents' {@code up}/{@code down} do. */
    public void set(int value) {
        health = Math.max(0, Math.min(top(), value));
    }

    public int rise() {
        return rise;
    }

    public int fall() {
        return fall;
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
