package io.tollgate.engine.runtime;

/**
 * The process's {@code maxconn}: the configured one (HAProxy's {@code Hard_maxconn}) and the one
 * in force ({@code Maxconn}), which {@code set maxconn global} may lower but never raise above
 * the configured one.
 */
public final class GlobalMaxconn {
    private final int hard;
    private volatile int current;
    private volatile Runnable changed = () -> { };

    GlobalMaxconn(int configured) {
        this.hard = configured;
        this.current = configured;
    }

    public int hard() {
        return hard;
    }

    public int current() {
        return current;
    }

    /** A new limit; 0 or less restores the configured one. False (nothing changed) above it. */
    public boolean set(int maxconn) {
        if (maxconn > hard) {
            return false;
        }
        current = maxconn <= 0 ? hard : maxconn;
        changed.run();
        return true;
    }

    /** Who enforces the limit (the network layer) hears of each change. */
    public void onChange(Runnable listener) {
        this.changed = listener;
    }
}
