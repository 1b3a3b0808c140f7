package io.tollgate.engine.runtime;

import io.tollgate.engine.lb.Dispatcher;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The one door through which a server's state changes, whoever asks (configuration, health
 * checks, agents, the admin socket, the stats page): it updates the server, tells the balancer,
 * moves queued requests, follows trackers, then tells the listeners (event log, audit, state
 * store) with HAProxy's state-change messages ({@link StateMessages}).
 *
 * <p>Changes come from several threads (each server's checks run on one event loop, operators
 * on theirs); they are serialised here, as they are rare and must be seen in one order.
 */
public final class StateChanges {
    /** Told after each change; listeners must not block (they run on the caller's thread). */
    public interface Listener {
        void serverChanged(Server server, String what, String cause);

        /** A state-change event to log ({@code Server b/s is DOWN, ...}). */
        default void event(ServerEvent event) {
        }

        /** A check (health or agent) finished and was applied: for check latency figures and history. */
        default void checked(Server server, CheckState state, CheckState.Result result) {
        }
    }

    /** Kills the sessions of a server ({@code on-marked-down shutdown-sessions}); provided by the network layer. */
    public interface SessionKiller {
        int shutdown(Server server);
    }

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile SessionKiller killer = server -> 0;

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public void setSessionKiller(SessionKiller killer) {
        this.killer = killer;
    }

    /**
     * Marks a server up or down by hand (tests, the CLI's {@code set server state}); {@code cause}
     * is shown after the server's name ({@code Server b/s is DOWN, changed from CLI. ...}).
     */
    public synchronized void setUp(Server server, boolean up, String cause) {
        String status = cause == null || cause.isEmpty() ? "" : ", " + cause;
        if (server.check() != null) {
            // as the CLI's "set server health up|down": the counter goes to the end of its range
            server.check().setHealth(up ? Integer.MAX_VALUE : 0);
        }
        if (server.isUp() == up && !(up && server.isStopping())) {
            afterChange(server, up ? "UP" : "DOWN", cause); // nothing changes; listeners still hear it
        } else if (up) {
            running(server, status, false);
        } else {
            stopped(server, status);
        }
    }

    public synchronized void setMaintenance(Server server, boolean maintenance, String cause) {
        if (server.isInForcedMaintenance() == maintenance) {
            return;
        }
        if (maintenance) {
            boolean wasUsable = server.backend().isUp();
            boolean wasDown = !server.isUp();
            int sessions = (int) server.counters().sessions.current();
            server.setMaintenance(true);
            if (server.check() != null) {
                server.check().setHealth(0);
            }
            int requeued = Dispatcher.redistribute(server);
            afterChange(server, "MAINT", cause);
            emit(wasDown ? new ServerEvent(ServerEvent.NOTICE, StateMessages.entersMaintenance(server, ""), null)
                    : event(server.isDraining() ? ServerEvent.NOTICE : ServerEvent.ALERT,
                    StateMessages.goingDownForMaintenance(server, "", sessions, requeued)));
            for (Server t : server.trackers()) {
                if (!t.isInForcedMaintenance()) {
                    afterChange(t, "MAINT", cause);
                    emit(event(ServerEvent.ALERT, StateMessages.goingDownForMaintenance(t, " via " + server,
                            (int) t.counters().sessions.current(), Dispatcher.redistribute(t))));
                }
            }
            backendDownCheck(server.backend(), wasUsable);
        } else {
            server.setMaintenance(false);
            if (server.check() != null) {
                server.check().resetToRise();
                server.setUp(true);
            } else if (server.agent() == null && server.tracked() == null) {
                server.setUp(true);
            }
            afterChange(server, "READY", cause);
            emit(event(ServerEvent.NOTICE, StateMessages.leavingMaintenance(server, "forced maintenance")));
            if (server.isDraining()) {
                emit(event(ServerEvent.NOTICE, StateMessages.remainsInDrain(server)));
            }
            for (Server t : server.trackers()) {
                if (!t.isInForcedMaintenance()) {
                    t.setUp(server.isUp());
                    afterChange(t, "READY", cause);
                    emit(event(ServerEvent.NOTICE, StateMessages.leavingMaintenance(t, "maintenance")));
                }
            }
        }
    }

    /** {@code set weight}: the user weight; the effective one follows (and ramps during slowstart). */
    public synchronized void setWeight(Server server, int weight, String cause) {
        server.setWeight(weight);
        afterChange(server, "weight " + weight, cause);
    }

    /** Forced drain ({@code set server state drain}, an agent's {@code drain}); {@code ready} ends it. */
    public synchronized void setDrain(Server server, boolean drain, String cause) {
        if (server.isDraining() == drain) {
            return;
        }
        server.setDrain(drain);
        afterChange(server, drain ? "DRAIN" : "READY", cause);
        if (server.isInMaintenance()) {
            return;
        }
        if (drain) {
            int requeued = Dispatcher.redistribute(server);
            emit(event(ServerEvent.NOTICE, StateMessages.entersDrain(server, "", requeued)));
            for (Server t : server.trackers()) {
                afterChange(t, "DRAIN", cause);
                emit(event(ServerEvent.NOTICE, StateMessages.entersDrain(t, " via " + server, Dispatcher.redistribute(t))));
            }
        } else {
            emit(event(ServerEvent.NOTICE, StateMessages.leavingDrain(server)));
            for (Server t : server.trackers()) {
                afterChange(t, "READY", cause);
                emit(event(ServerEvent.NOTICE, StateMessages.leavingDrain(t)));
            }
        }
    }

    /**
     * A check finished: records it, moves the health counter and changes the server's state as
     * HAProxy's {@code set_server_check_status} then {@code srv_set_*} do, with the
     * {@code option log-health-checks} line when the result or the counter changed.
     */
    public synchronized void checkCompleted(Server server, CheckState state, CheckState.Result result) {
        if (server.isInMaintenance()) {
            return; // checks are paused in maintenance; a late result changes nothing
        }
        CheckState.Applied applied = state.apply(result);
        boolean logChecks = server.backend().config().hasOption("log-health-checks");
        if (logChecks && (applied.moved() || applied.previous().status() != result.status())) {
            emit(event(ServerEvent.NOTICE, StateMessages.healthCheckLine(server, state, result)));
        }
        String status = logChecks ? "" : StateMessages.checkStatus(result);
        if (!state.isAgent()) {
            applyHealth(server, state, result, status);
        }
        for (Listener l : listeners) {
            l.checked(server, state, result);
        }
    }

    private void applyHealth(Server server, CheckState state, CheckState.Result result, String status) {
        switch (result.status().result()) {
            case FAILED -> {
                if (!state.isUp()) {
                    stopped(server, status);
                }
            }
            case PASSED -> {
                if (state.isUp()) {
                    running(server, status, true);
                }
            }
            case CONDITIONAL -> {
                if (state.isUp()) {
                    stopping(server, status);
                }
            }
            default -> {
            }
        }
    }

    /** An agent said {@code down}/{@code up}: moves the server as a failed or passed check would. */
    public synchronized void agentSaid(Server server, boolean up, String status) {
        if (server.isInMaintenance()) {
            return;
        }
        CheckState check = server.check();
        if (up) {
            if (check == null || check.isUp()) {
                running(server, status, true);
            }
        } else {
            stopped(server, status);
        }
    }

    /** Recomputes weights while a server warms up after {@code slowstart}; returns whether it still does. */
    public synchronized boolean warmUpTick(Server server) {
        server.endWarmUpIfDone();
        server.backend().balancer().serverChanged(server);
        if (server.isUsable()) {
            Dispatcher.serveQueue(server);
        }
        return server.isWarmingUp();
    }

    private void stopped(Server server, String status) {
        if (!server.isUp()) {
            return;
        }
        boolean wasSoft = server.isStopping() || server.isDraining();
        boolean wasUsable = server.backend().isUp();
        server.setUp(false);
        int sessions = (int) server.counters().sessions.current();
        int requeued = Dispatcher.redistribute(server);
        afterChange(server, "DOWN", status);
        if (server.config().check().shutdownSessionsOnDown()) {
            killer.shutdown(server);
        }
        emit(event(wasSoft ? ServerEvent.NOTICE : ServerEvent.ALERT,
                StateMessages.down(server, status, sessions, requeued)));
        backendDownCheck(server.backend(), wasUsable);
        for (Server t : server.trackers()) {
            stopped(t, " via " + server);
        }
    }

    private void running(Server server, String status, boolean warm) {
        if (server.isUp() && !server.isStopping()) {
            return;
        }
        boolean fromDown = !server.isUp();
        server.setUp(true);
        server.setStopping(false);
        if (warm && fromDown) {
            server.startWarmUp();
        }
        afterChange(server, "UP", status);
        int requeued = server.isUsable() ? Dispatcher.grabFromBackend(server) : 0;
        emit(event(ServerEvent.NOTICE, StateMessages.up(server, status, requeued)));
        if (!server.isBackup() && server.config().check().shutdownBackupSessionsOnUp()) {
            for (Server b : server.backend().servers()) {
                if (b.isBackup()) {
                    killer.shutdown(b);
                }
            }
        }
        for (Server t : server.trackers()) {
            running(t, " via " + server, warm);
        }
    }

    private void stopping(Server server, String status) {
        if (server.isStopping()) {
            return;
        }
        boolean wasUsable = server.backend().isUp();
        server.setUp(true);
        server.setStopping(true);
        afterChange(server, "NOLB", status);
        emit(event(ServerEvent.NOTICE, StateMessages.stopping(server, status)));
        backendDownCheck(server.backend(), wasUsable); // a stopping server takes no new traffic
        for (Server t : server.trackers()) {
            stopping(t, " via " + server);
        }
    }

    private void backendDownCheck(Proxy backend, boolean wasUp) {
        if (wasUp && !backend.isUp()) {
            emit(new ServerEvent(ServerEvent.EMERG, StateMessages.noServerAvailable(backend),
                    StateMessages.noServerAvailableOnStderr(backend)));
        }
    }

    private static ServerEvent event(int level, String message) {
        return new ServerEvent(level, message, message);
    }

    private void emit(ServerEvent event) {
        for (Listener l : listeners) {
            l.event(event);
        }
    }

    private void afterChange(Server server, String what, String cause) {
        server.backend().refreshCandidates();
        server.backend().balancer().serverChanged(server);
        if (server.isUsable() || server.takesPersistentTraffic()) {
            Dispatcher.serveQueue(server);
        }
        for (Listener l : listeners) {
            l.serverChanged(server, what, cause);
        }
    }
}
