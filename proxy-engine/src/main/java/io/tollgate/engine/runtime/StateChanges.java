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

        /** A server joined its backend at run time ({@code add server}), already in the server list. */
        default void serverAdded(Server server) {
        }

        /** A server left its backend at run time ({@code del server}), already out of the server list. */
        default void serverRemoved(Server server) {
        }
    }

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    public void addListener(Listener listener) {
        listeners.add(listener);
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
            emit(wasDown ? event(server, ServerEvent.NOTICE, StateMessages.entersMaintenance(server, ""))
                    : event(server, server.isDraining() ? ServerEvent.NOTICE : ServerEvent.ALERT,
                    StateMessages.goingDownForMaintenance(server, "", sessions, requeued)));
            for (Server t : server.trackers()) {
                if (!t.isInForcedMaintenance()) {
                    afterChange(t, "MAINT", cause);
                    emit(event(t, ServerEvent.ALERT, StateMessages.goingDownForMaintenance(t, " via " + server,
                            (int) t.counters().sessions.current(), Dispatcher.redistribute(t))));
                }
            }
            backendDownCheck(server.backend(), wasUsable);
        } else {
            server.setMaintenance(false);
            // as HAProxy, the server comes back UP only if its agent (if any) agrees
            boolean agentAgrees = agentAgrees(server);
            if (server.check() != null) {
                server.check().resetToRise();
                server.setUp(agentAgrees);
            } else if (server.tracked() == null) {
                server.setUp(agentAgrees);
            }
            afterChange(server, "READY", cause);
            emit(event(server, ServerEvent.NOTICE, StateMessages.leavingMaintenance(server, "forced maintenance")));
            if (server.isDraining()) {
                emit(event(server, ServerEvent.NOTICE, StateMessages.remainsInDrain(server)));
            }
            for (Server t : server.trackers()) {
                if (!t.isInForcedMaintenance()) {
                    t.setUp(server.isUp());
                    afterChange(t, "READY", cause);
                    emit(event(t, ServerEvent.NOTICE, StateMessages.leavingMaintenance(t, "maintenance")));
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
        // a draining server takes no new traffic: its backend may be left with none, which HAProxy logs
        boolean wasUsable = server.backend().isUp();
        List<Boolean> trackersWereUsable = server.trackers().stream().map(t -> t.backend().isUp()).toList();
        server.setDrain(drain);
        afterChange(server, drain ? "DRAIN" : "READY", cause);
        if (server.isInMaintenance()) {
            return;
        }
        if (drain) {
            int requeued = Dispatcher.redistribute(server);
            emit(event(server, ServerEvent.NOTICE, StateMessages.entersDrain(server, "", requeued)));
            backendDownCheck(server.backend(), wasUsable);
            int i = 0;
            for (Server t : server.trackers()) {
                afterChange(t, "DRAIN", cause);
                emit(event(t, ServerEvent.NOTICE, StateMessages.entersDrain(t, " via " + server, Dispatcher.redistribute(t))));
                backendDownCheck(t.backend(), trackersWereUsable.get(i++));
            }
        } else {
            emit(event(server, ServerEvent.NOTICE, StateMessages.leavingDrain(server)));
            for (Server t : server.trackers()) {
                afterChange(t, "READY", cause);
                emit(event(t, ServerEvent.NOTICE, StateMessages.leavingDrain(t)));
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
            emit(event(server, ServerEvent.NOTICE, StateMessages.healthCheckLine(server, state, result)));
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
                if (state.isUp() && agentAgrees(server)) {
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

    /**
     * {@code error-limit} errors in a row on live traffic ({@link TrafficHealth}): the server's
     * {@code on-error} action, as HAProxy's {@code health_adjust}: {@code fail-check} counts a
     * failed check ({@code HANA}), {@code sudden-death} leaves one check before DOWN,
     * {@code mark-down} takes it DOWN now, {@code fastinter} only hastens the next check.
     */
    public synchronized void trafficErrors(Server server, int count, String what) {
        if (server.consecutiveErrors().get() < server.config().check().errorLimit()) {
            return; // another thread got here first and already acted
        }
        server.consecutiveErrors().set(0);
        server.analyzedFailures().increment();
        CheckState check = server.check();
        String action = server.config().check().onError();
        if (check == null || server.isInMaintenance()) {
            return;
        }
        check.hasten();
        if (action.equals("fastinter")) {
            return;
        }
        if (action.equals("mark-down")) {
            check.setHealth(check.rise());
        } else if (action.equals("sudden-death") && check.health() > check.rise()) {
            check.setHealth(check.rise() + 1);
        }
        checkCompleted(server, check, new CheckState.Result(CheckStatus.HEALTH_ANALYZE, -1,
                "Detected " + count + " consecutive errors, last one was: " + what, -1));
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

    /**
     * An agent check finished ({@code agent-check}): records the result, moves the agent's
     * counter and the server's state as HAProxy's {@code set_server_check_status} then
     * {@code check_notify_*} do for agents. Unlike a health check, the agent keeps running in
     * maintenance (it is how an agent says {@code ready}); only the server's state then stays.
     *
     * @param health the counter value the agent's word sets before the result counts: the top
     *               ({@link Integer#MAX_VALUE}) for {@code up}, 0 for {@code down}/{@code stopped},
     *               -1 to leave it
     */
    public synchronized void agentCompleted(Server server, CheckState agent, CheckState.Result result, int health) {
        if (health >= 0) {
            agent.setHealth(health);
        }
        CheckState.Applied applied = agent.apply(result);
        CheckStatus.Result kind = result.status().result();
        // "No status change" (a reply without up/down/fail) and unknown results stop HAProxy before the log line
        boolean judged = kind == CheckStatus.Result.PASSED || kind == CheckStatus.Result.FAILED;
        boolean logChecks = server.backend().config().hasOption("log-health-checks");
        if (logChecks && judged && (applied.moved() || applied.previous().status() != result.status())) {
            emit(event(server, ServerEvent.NOTICE, StateMessages.healthCheckLine(server, agent, result)));
        }
        if (!server.isInMaintenance() && judged) {
            String status = logChecks ? "" : StateMessages.checkStatus(result);
            boolean wasUp = server.isUp();
            if (kind == CheckStatus.Result.FAILED) {
                // only what the agent said (down, fail, stopped) pulls the server down, not an unreachable agent
                if (result.status() == CheckStatus.L7_STATUS && agent.health() == 0) {
                    stopped(server, status);
                }
            } else if (agent.isUp() && server.tracked() == null && (server.check() == null || server.check().isUp())) {
                running(server, status, true);
            }
            if (wasUp != server.isUp()) {
                remainingInDrain(server);
            }
        }
        for (Listener l : listeners) {
            l.checked(server, agent, result);
        }
    }

    /**
     * An agent's {@code <n>%}: the user weight, as {@link #setWeight}. HAProxy re-evaluates the
     * server for it, which, in forced drain, says again that it remains there.
     */
    public synchronized void agentWeight(Server server, int weight, String cause) {
        setWeight(server, weight, cause);
        remainingInDrain(server);
    }

    /**
     * A new address or port ({@code set server addr}): the next connections and check runs go
     * there; open connections stay where they are. {@code what} describes the change.
     */
    public synchronized void setAddress(Server server, java.net.InetAddress address, int port, boolean portMapped,
                                        String what, String cause) {
        server.setAddress(address, port, portMapped);
        for (Listener l : listeners) {
            l.serverChanged(server, what, cause);
        }
    }

    /** A new port for the health check ({@code set server check-port}; 0: the server's), from its next run. */
    public synchronized void setCheckPort(Server server, int port, String cause) {
        server.setCheckPort(port);
        for (Listener l : listeners) {
            l.serverChanged(server, "check-port " + port, cause);
        }
    }

    /** New check, agent or TLS settings ({@code set server check-addr|agent-*|ssl}), from the next run or connection. */
    public synchronized void setLive(Server server, LiveSettings settings, String what, String cause) {
        server.setLive(settings);
        for (Listener l : listeners) {
            l.serverChanged(server, what, cause);
        }
    }

    /** A runtime {@code maxconn} (an agent's {@code maxconn:<n>}; 0: no limit); a higher one serves the queue. */
    public synchronized void setMaxconn(Server server, int maxconn, String cause) {
        server.setMaxconn(maxconn);
        afterChange(server, "maxconn " + maxconn, cause);
    }

    /** Whether the server's agent, if it has one, lets it be UP (HAProxy: agent health at least rise). */
    private static boolean agentAgrees(Server server) {
        CheckState agent = server.agent();
        return agent == null || agent.isUp();
    }

    /** HAProxy's state update, run while the server stays in forced drain, says so. */
    private void remainingInDrain(Server server) {
        if (server.isDraining() && !server.isInMaintenance()) {
            emit(event(server, ServerEvent.NOTICE, StateMessages.remainsInDrain(server)));
        }
    }

    /** {@code disable|enable health}: stops or restarts the health check; the server keeps its state. */
    public synchronized void setCheckEnabled(Server server, boolean enabled, String cause) {
        if (server.check() == null || server.isCheckDisabled() == !enabled) {
            return;
        }
        server.setCheckDisabled(!enabled);
        afterChange(server, enabled ? "CHECK ON" : "CHECK OFF", cause);
    }

    /** {@code disable|enable agent}. */
    public synchronized void setAgentEnabled(Server server, boolean enabled, String cause) {
        if (server.agent() == null || server.isAgentDisabled() == !enabled) {
            return;
        }
        server.setAgentDisabled(!enabled);
        afterChange(server, enabled ? "AGENT ON" : "AGENT OFF", cause);
    }

    /**
     * {@code set server health up|stopping|down} and the page's "force UP/NOLB/DOWN": the health
     * counter goes to the end of its range and the server follows, with {@code cause}
     * ({@code changed from CLI}, {@code changed from Web interface}) in the message.
     */
    public synchronized void forceHealth(Server server, String state, String cause) {
        String status = ", " + cause;
        CheckState check = server.check();
        switch (state) {
            case "up" -> {
                if (check != null) {
                    check.setHealth(Integer.MAX_VALUE);
                }
                running(server, status, false);
            }
            case "stopping" -> {
                if (check != null) {
                    check.setHealth(Integer.MAX_VALUE);
                }
                stopping(server, status);
            }
            default -> {
                if (check != null) {
                    check.setHealth(0);
                }
                stopped(server, status);
            }
        }
    }

    /** Closes every open connection of {@code server} ({@code shutdown sessions server}); returns how many. */
    public int killSessions(Server server) {
        int n = server.sessions().size();
        shutdownSessions(server);
        return n;
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
            shutdownSessions(server);
        }
        emit(event(server, wasSoft ? ServerEvent.NOTICE : ServerEvent.ALERT,
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
        emit(event(server, ServerEvent.NOTICE, StateMessages.up(server, status, requeued)));
        if (!server.isBackup() && server.config().check().shutdownBackupSessionsOnUp()) {
            for (Server b : server.backend().servers()) {
                if (b.isBackup()) {
                    shutdownSessions(b);
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
        emit(event(server, ServerEvent.NOTICE, StateMessages.stopping(server, status)));
        backendDownCheck(server.backend(), wasUsable); // a stopping server takes no new traffic
        for (Server t : server.trackers()) {
            stopping(t, " via " + server);
        }
    }

    /** Closes every open connection of {@code server} (those the network layer registered). */
    private static void shutdownSessions(Server server) {
        for (Runnable close : List.copyOf(server.sessions())) {
            close.run();
        }
    }

    private void backendDownCheck(Proxy backend, boolean wasUp) {
        if (wasUp && !backend.isUp()) {
            emit(new ServerEvent(backend, ServerEvent.EMERG, StateMessages.noServerAvailable(backend),
                    StateMessages.noServerAvailableOnStderr(backend)));
        }
    }

    /** An event about {@code server}: its backend's loggers send it, as HAProxy's {@code send_log(s->proxy, ...)}. */
    private static ServerEvent event(Server server, int level, String message) {
        return new ServerEvent(server.backend(), level, message, message);
    }

    /** An event that is no server's (a frontend paused or stopped), for the same log and listeners. */
    public void emitEvent(ServerEvent event) {
        emit(event);
    }

    /**
     * Puts a server created at run time into its backend: balancer first, so that its pick never
     * meets an unknown server, then the server list and the candidates, then the listeners
     * (checks, counters' clocks).
     */
    synchronized void addServer(Server server) {
        Proxy backend = server.backend();
        backend.balancer().serverAdded(server);
        backend.addServer(server);
        backend.refreshCandidates();
        for (Listener l : listeners) {
            l.serverAdded(server);
        }
    }

    /** Takes a server out of its backend; the caller checked that nothing uses it any more. */
    synchronized void removeServer(Server server) {
        Proxy backend = server.backend();
        Server tracked = server.tracked();
        if (tracked != null) {
            tracked.trackers().remove(server);
        }
        backend.removeServer(server);
        backend.refreshCandidates();
        backend.balancer().serverRemoved(server);
        for (Listener l : listeners) {
            l.serverRemoved(server);
        }
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
