package io.tollgate.engine.runtime;

import java.util.concurrent.atomic.LongAdder;

/**
 * What one check of a server (its health check, or its agent) last found, and its rise/fall
 * counter: the {@code check_*}/{@code agent_*} columns and {@code last_chk}/{@code last_agt}.
 *
 * <p>Written by the check's event loop (and by state changes such as leaving maintenance),
 * read by any surface at any time: the counter is guarded by this object, the last result is
 * published as one immutable {@link Result}.
 */
public final class CheckState {
    /** One check's outcome; {@code code} is -1 when the status carries none. */
    public record Result(CheckStatus status, int code, String info, long durationMillis) {
        public static final Result INITIALIZING = new Result(CheckStatus.INITIALIZING, -1, "", -1);

        public boolean hasCode() {
            return code >= 0 && status.carriesCode();
        }
    }

    private final boolean agent;
    private final HealthCounter counter;
    private final LongAdder failures = new LongAdder();
    private volatile Result last = Result.INITIALIZING;
    private volatile boolean running;
    private volatile int health;
    private volatile Runnable hastener = () -> { };

    public CheckState(boolean agent, int rise, int fall) {
        this.agent = agent;
        this.counter = new HealthCounter(rise, fall);
        this.health = counter.health();
    }

    public boolean isAgent() {
        return agent;
    }

    public Result last() {
        return last;
    }

    /** A check is under way: HAProxy shows its status as {@code * L7OK} meanwhile. */
    public boolean isRunning() {
        return running;
    }

    public void setRunning(boolean running) {
        this.running = running;
    }

    public int health() {
        return health;
    }

    public int rise() {
        return counter.rise();
    }

    public int fall() {
        return counter.fall();
    }

    public boolean isUp() {
        return health >= counter.rise();
    }

    /** Fully up: at the top of the range, where {@code inter} applies. */
    public boolean isFullyUp() {
        return health == counter.rise() + counter.fall() - 1;
    }

    /** Failed checks counted while the counter was above 0 ({@code chkfail}). */
    public long failures() {
        return failures.sum();
    }

    /** {@code clear counters all}. */
    public void clearFailures() {
        failures.reset();
    }

    /**
     * Records a result and moves the counter as HAProxy's {@code set_server_check_status} does.
     * Returns whether the counter moved ("report" in HAProxy, which decides the health-check log
     * line), and the transition it caused.
     */
    synchronized Applied apply(Result result) {
        Result previous = last;
        last = result;
        boolean moved = false;
        HealthCounter.Transition t = HealthCounter.Transition.NONE;
        switch (result.status().result()) {
            case FAILED -> {
                // An agent that cannot be reached does not pull its server down; what it says does.
                boolean counts = !agent || result.status().carriesCode();
                if (counts && counter.canFail()) {
                    failures.increment();
                    moved = true;
                    t = counter.failed();
                }
            }
            case PASSED -> {
                if (counter.canRise()) {
                    moved = true;
                    t = counter.passed();
                }
            }
            case CONDITIONAL -> {
                if (counter.canRise() && counter.health() > 0) {
                    moved = true;
                    t = counter.conditionallyPassed();
                }
            }
            default -> {
            }
        }
        health = counter.health();
        return new Applied(previous, moved, t);
    }

    /** What {@link #apply} did. */
    record Applied(Result previous, boolean moved, HealthCounter.Transition transition) {
    }

    /** Asks the scheduler for the next check within {@code fastinter} ({@code on-error}). */
    void hasten() {
        hastener.run();
    }

    /** Set by the check's scheduler: how to bring the next check forward. */
    public void onHasten(Runnable hastener) {
        this.hastener = hastener;
    }

    /** Leaving maintenance restarts the counter at rise, as HAProxy does. */
    synchronized void resetToRise() {
        counter.reset();
        health = counter.health();
    }

    synchronized void setHealth(int value) {
        counter.set(value);
        health = counter.health();
    }

    /** The {@code x/y} shown in a status and in health-check log lines; see {@link HealthCounter#progress()}. */
    public String ratio() {
        int h = health;
        int rise = counter.rise();
        return h >= rise ? (h - rise + 1) + "/" + counter.fall() : h + "/" + rise;
    }
}
