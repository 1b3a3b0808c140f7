package io.tollgate.engine.runtime;

/**
 * The one door of frontend changes made at run time ({@code disable}, {@code enable},
 * {@code shutdown frontend}, {@code set maxconn frontend}): moves the {@link FrontendState},
 * drives the listening sockets ({@link FrontendListeners}) and logs what HAProxy logs
 * ({@code Paused frontend fe.}, {@code Resumed frontend fe.},
 * {@code Proxy fe stopped (cumulated conns: FE: 3, BE: 0).}). Changes of one frontend are
 * serialised on it; traffic never waits for them.
 */
public final class FrontendChanges {
    /** What became of a request, for the caller to word. */
    public enum Outcome {
        DONE,
        /** Already in the asked state. */
        ALREADY,
        /** Shut down before: nothing more can change. */
        STOPPED,
        /** The sockets refused (a port taken while paused). */
        FAILED
    }

    private final StateChanges events;

    public FrontendChanges(StateChanges events) {
        this.events = events;
    }

    public Outcome pause(Proxy frontend) {
        synchronized (frontend) {
            FrontendState state = frontend.frontendState();
            if (state != FrontendState.OPEN) {
                return state == FrontendState.STOPPED ? Outcome.STOPPED : Outcome.ALREADY;
            }
            if (!frontend.listeners().pause()) {
                return Outcome.FAILED;
            }
            frontend.frontendState(FrontendState.PAUSED);
            warn(frontend, "Paused " + capability(frontend) + " " + frontend.name() + ".");
            return Outcome.DONE;
        }
    }

    public Outcome resume(Proxy frontend) {
        synchronized (frontend) {
            FrontendState state = frontend.frontendState();
            if (state != FrontendState.PAUSED) {
                return state == FrontendState.STOPPED ? Outcome.STOPPED : Outcome.ALREADY;
            }
            if (!frontend.listeners().resume()) {
                return Outcome.FAILED;
            }
            frontend.frontendState(FrontendState.OPEN);
            warn(frontend, "Resumed " + capability(frontend) + " " + frontend.name() + ".");
            return Outcome.DONE;
        }
    }

    /** Stops listening for good; open connections go on, as HAProxy's {@code stop_proxy}. */
    public Outcome stop(Proxy frontend) {
        synchronized (frontend) {
            if (frontend.frontendState() == FrontendState.STOPPED) {
                return Outcome.ALREADY;
            }
            frontend.listeners().stop();
            frontend.frontendState(FrontendState.STOPPED);
            warn(frontend, stopped(frontend));
            return Outcome.DONE;
        }
    }

    /**
     * One proxy's part of a soft stop (HAProxy's SIGUSR1): a frontend or {@code listen} stops
     * listening as with {@link #stop}; a backend, which has nothing to close, says that it stopped,
     * as HAProxy says it of every proxy. Call it once per proxy.
     */
    public Outcome softStop(Proxy proxy) {
        if (proxy.isFrontend()) {
            return stop(proxy);
        }
        warn(proxy, stopped(proxy));
        return Outcome.DONE;
    }

    private static String stopped(Proxy p) {
        long fe = p.isFrontend() ? p.frontendCounters().connectionsTotal.sum() : 0;
        long be = p.isBackend() ? p.backendCounters().sessionsTotal.sum() : 0;
        return "Proxy " + p.name() + " stopped (cumulated conns: FE: " + fe + ", BE: " + be + ").";
    }

    /** A new {@code maxconn} (0 accepts nothing more, as in HAProxy); held connections get in when it grows. */
    public void setMaxconn(Proxy frontend, int maxconn) {
        synchronized (frontend) {
            frontend.frontendMaxconn(maxconn);
            frontend.listeners().maxconnChanged();
        }
    }

    private void warn(Proxy frontend, String message) {
        events.emitEvent(new ServerEvent(frontend, ServerEvent.WARNING, message, message));
    }

    /** HAProxy's {@code proxy_cap_str}: a {@code listen} section is a "proxy". */
    private static String capability(Proxy p) {
        return p.isBackend() ? "proxy" : "frontend";
    }
}
