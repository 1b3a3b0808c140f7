package io.tollgate.engine.runtime;

import io.tollgate.engine.lb.Dispatcher;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The one door through which a server's state changes, whoever asks (configuration, health
 * checks, the admin socket, the stats page): it updates the server, tells the balancer and
 * wakes queued requests, then tells the listeners (event log, audit, state store).
 */
public final class StateChanges {
    /** Told after each change; listeners must not block (they run on the caller's thread). */
    public interface Listener {
        void serverChanged(Server server, String what, String cause);
    }

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public void setUp(Server server, boolean up, String cause) {
        server.setUp(up);
        afterChange(server, up ? "UP" : "DOWN", cause);
    }

    public void setMaintenance(Server server, boolean maintenance, String cause) {
        server.setMaintenance(maintenance);
        afterChange(server, maintenance ? "MAINT" : "READY", cause);
    }

    public void setWeight(Server server, int weight, String cause) {
        server.setWeight(weight);
        afterChange(server, "weight " + weight, cause);
    }

    private void afterChange(Server server, String what, String cause) {
        server.backend().refreshCandidates();
        server.backend().balancer().serverChanged(server);
        if (server.isUsable()) {
            Dispatcher.serveQueue(server);
        }
        for (Listener l : listeners) {
            l.serverChanged(server, what, cause);
        }
    }
}
