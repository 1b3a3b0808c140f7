package io.tollgate.engine.lb;

import io.tollgate.engine.acl.RequestView;
import io.tollgate.engine.runtime.Proxy;
import io.tollgate.engine.runtime.Server;

import java.util.ArrayList;
import java.util.List;

/**
 * Assigns requests to servers and hands freed slots to queued requests.
 *
 * <h2>Candidates</h2>
 * The usable active servers; when there is none, the usable backup servers (only the first one,
 * unless {@code option allbackups}), as HAProxy does. Disabled (MAINT) and DOWN servers are never
 * candidates; weight 0 servers take no load-balanced traffic.
 *
 * <h2>Queueing without lost wake-ups</h2>
 * When every candidate is at {@code maxconn} the request joins the backend queue. A slot freed
 * between the failed pick and the enqueue would be missed, so after enqueueing the dispatcher
 * offers every candidate's free slots to the queue once more; {@link Pending#claim()} makes sure
 * a request is granted at most once, whoever races.
 */
public final class Dispatcher {
    /** What happened to a request that asked for a server. */
    public enum Outcome { ASSIGNED, QUEUED, NO_SERVER }

    private Dispatcher() {
    }

    /**
     * The servers that may take load-balanced traffic now, in declaration order. Kept by the
     * backend and recomputed only when a server changes state, so a pick allocates nothing.
     */
    public static List<Server> candidates(Proxy backend) {
        return backend.candidates();
    }

    /** Recomputes {@code backend}'s candidates; called by {@code StateChanges} after every change. */
    public static List<Server> computeCandidates(Proxy backend) {
        List<Server> active = new ArrayList<>();
        Server firstBackup = null;
        List<Server> backups = null;
        boolean allBackups = backend.config().hasOption("allbackups");
        for (Server s : backend.servers()) {
            if (!s.isUsable()) {
                continue;
            }
            if (!s.isBackup()) {
                active.add(s);
            } else if (allBackups) {
                if (backups == null) {
                    backups = new ArrayList<>();
                }
                backups.add(s);
            } else if (firstBackup == null) {
                firstBackup = s;
            }
        }
        if (!active.isEmpty()) {
            return List.copyOf(active);
        }
        if (backups != null) {
            return List.copyOf(backups);
        }
        return firstBackup == null ? List.of() : List.of(firstBackup);
    }

    /**
     * Picks a server for a request ({@code request} may be null unless the balancer
     * {@linkplain Balancer#needsRequest() needs it}), taking a slot on it; {@code avoid} (may be null) is skipped
     * when another candidate exists (redispatch). Returns the server, or null when the caller
     * should {@link #enqueue} (if {@link #hasCandidates}) or answer 503.
     */
    public static Server pick(Proxy backend, Server avoid, RequestView request) {
        List<Server> candidates = candidates(backend);
        if (avoid != null && candidates.size() > 1 && candidates.contains(avoid)) {
            candidates = new ArrayList<>(candidates);
            candidates.remove(avoid);
        }
        for (int attempt = 0; attempt < 3; attempt++) {
            Server s = backend.balancer().pick(candidates, request);
            if (s == null) {
                return null;
            }
            if (s.tryAcquire()) {
                s.counters().lbTotal.increment();
                backend.backendCounters().lbTotal.increment();
                return s;
            }
        }
        return null;
    }

    public static boolean hasCandidates(Proxy backend) {
        return !candidates(backend).isEmpty();
    }

    /** Queues a request on the backend, then closes the race with slots freed meanwhile. */
    public static void enqueue(Proxy backend, Pending pending) {
        backend.queue().add(pending);
        for (Server s : candidates(backend)) {
            serveQueue(s);
            if (pending.isClaimed()) {
                return;
            }
        }
    }

    /** Queues a request on the server it asked for by name, then closes the same race. */
    public static void enqueueOn(Server server, Pending pending) {
        server.queue().add(pending);
        serveQueue(server);
    }

    /** A request finished with {@code server}: free its slot and give it to a waiting request. */
    public static void release(Server server) {
        server.releaseSlot();
        serveQueue(server);
    }

    /**
     * Hands {@code server}'s free slots to its own queue first (requests that asked for it by
     * name, served while it takes such traffic), then to its backend's queue (while it is usable).
     */
    public static void serveQueue(Server server) {
        Proxy backend = server.backend();
        while (true) {
            boolean own = !server.queue().isEmpty() && server.takesPersistentTraffic();
            boolean shared = !backend.queue().isEmpty() && server.isUsable();
            if (!(own || shared) || !server.tryAcquire()) {
                return;
            }
            Pending p = own ? server.queue().poll() : null;
            boolean balanced = p == null;
            if (balanced && server.isUsable()) {
                p = backend.queue().poll();
            }
            if (p != null && p.claim()) {
                if (balanced) {
                    server.counters().lbTotal.increment();
                    backend.backendCounters().lbTotal.increment();
                }
                p.granted(server);
                continue;
            }
            server.releaseSlot();
        }
    }

    /**
     * Moves the requests queued on {@code server} to its backend's queue, to be balanced over
     * the other servers: what HAProxy's {@code pendconn_redistribute} does when a server goes
     * down in a backend with {@code option redispatch} (and without {@code option persist}).
     * Returns how many moved.
     */
    public static int redistribute(Server server) {
        Proxy backend = server.backend();
        if (!backend.config().hasOption("redispatch") || backend.config().hasOption("persist")) {
            return 0;
        }
        int moved = 0;
        Pending p;
        while ((p = server.queue().poll()) != null) {
            if (!p.isClaimed()) {
                moved++;
                enqueue(backend, p);
            }
        }
        return moved;
    }

    /** Lets a server that came up take what waits in its backend's queue; returns how many it took. */
    public static int grabFromBackend(Server server) {
        int before = server.backend().queue().size();
        serveQueue(server);
        return Math.max(0, before - server.backend().queue().size());
    }
}
