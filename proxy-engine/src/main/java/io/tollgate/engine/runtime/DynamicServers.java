package io.tollgate.engine.runtime;

import io.tollgate.engine.config.DynamicServerLine;
import io.tollgate.engine.config.ServerConfig;
import io.tollgate.engine.lb.Balancers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Servers added and deleted at run time ({@code add server}, {@code del server}), with HAProxy
 * 2.6's rules ({@code cli_parse_add_server}, {@code cli_parse_delete_server} in its
 * {@code src/server.c}): only backends with a dynamic algorithm take new servers; a new server
 * starts in maintenance with its checks off, takes the first free id, and may track a checked
 * server of the configuration, never another dynamic one; a server may be deleted only in
 * maintenance, without connections or queued requests, and when nothing points to it (a tracking
 * server, ever, or a {@code use-server} rule). Refusals carry HAProxy's answer. Idle keep-alive
 * connections do not block a deletion: they are closed with it.
 *
 * <p>Adds and deletes are serialised here (they alone change server lists), so that a name or id
 * cannot be taken twice; the registration itself and the checks of a deletion run under the
 * {@link StateChanges} lock, so that no state change interleaves. The server list is swapped
 * whole ({@link Proxy#servers()}), so the traffic never waits for this.
 */
public final class DynamicServers {
    /** An {@code add server}/{@code del server} refused, with HAProxy's answer as the CLI shows it. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        public Refused(String answer) {
            super(answer, null, false, false);
        }
    }

    /**
     * What the network layer prepares for a server before it takes traffic (its address, its TLS
     * or PROXY transport) and forgets after it is deleted; may refuse a server it cannot reach.
     */
    public interface Admission {
        void admit(Server server) throws Refused;

        void release(Server server);
    }

    private static final Admission NONE = new Admission() {
        @Override
        public void admit(Server server) {
        }

        @Override
        public void release(Server server) {
        }
    };

    private final Proxies proxies;
    private final Set<Server> dynamic = ConcurrentHashMap.newKeySet();
    /** Servers once tracked: HAProxy never clears their {@code SRV_F_NON_PURGEABLE}. */
    private final Set<Server> tracked = ConcurrentHashMap.newKeySet();
    private volatile Admission admission = NONE;

    DynamicServers(Proxies proxies) {
        this.proxies = proxies;
    }

    /** Set once by the engine that runs the proxies. */
    public void admission(Admission admission) {
        this.admission = admission;
    }

    /** Whether {@code server} was added at run time. */
    public boolean isDynamic(Server server) {
        return dynamic.contains(server);
    }

    /**
     * {@code add server <backend>/<name> <args>}: the server, registered and in maintenance
     * (unless {@code enabled}), its checks configured but off until {@code enable health|agent}.
     */
    public synchronized Server add(Proxy backend, String name, List<String> args) throws Refused {
        if (!Balancers.isDynamic(backend.config())) {
            throw new Refused("Backend must use a dynamic load balancing to support dynamic servers.");
        }
        Map<Integer, String> ids = new HashMap<>();
        for (Server s : backend.servers()) {
            ids.put(s.id(), s.config().source() + " ('server " + s.name() + "')");
        }
        DynamicServerLine.Parsed parsed;
        try {
            parsed = DynamicServerLine.parse(backend.name(), name, args, ids);
        } catch (DynamicServerLine.Refused e) {
            throw new Refused(e.getMessage());
        }
        ServerConfig config = parsed.config();
        Server target = config.check().track() == null ? null : trackTarget(backend, config.check().track());
        if (backend.server(name) != null) {
            throw new Refused("Already exists a server with the same name in backend.\n");
        }
        Server server = backend.newServer(config);
        server.setMaintenance(parsed.startsInMaintenance());
        if (server.check() != null) {
            server.setCheckDisabled(true);
            if (parsed.startsInMaintenance()) {
                server.check().setHealth(0); // as a server put in maintenance; back to rise when enabled
            }
        }
        if (config.check().agent() != null) {
            server.setAgentDisabled(true);
        }
        // outside the state-change lock: it may look a name up and read files, and event loops
        // take that lock for every check result
        admission.admit(server);
        StateChanges changes = proxies.stateChanges();
        synchronized (changes) {
            if (target != null) {
                server.track(target);
                server.setUp(target.isUp()); // the state it follows from now on
                tracked.add(target);
            }
            dynamic.add(server);
            changes.addServer(server);
        }
        return server;
    }

    /** {@code del server <backend>/<name>}. */
    public synchronized void delete(Server server) throws Refused {
        StateChanges changes = proxies.stateChanges();
        synchronized (changes) {
            if (isReferenced(server)) {
                throw new Refused("This server cannot be removed at runtime due to other configuration elements "
                        + "pointing to it.");
            }
            if (!server.isInMaintenance()) {
                throw new Refused("Only servers in maintenance mode can be deleted.");
            }
            if (server.served() > 0 || !server.queue().isEmpty() || server.counters().sessions.current() > 0) {
                throw new Refused("Server still has connections attached to it, cannot remove it.");
            }
            changes.removeServer(server);
            dynamic.remove(server);
            admission.release(server);
            // what is left are idle keep-alive connections: closed here, where HAProxy 2.6 refuses
            // until its pool purges them (a TODO in its code, done in later versions)
            server.sessions().forEach(Runnable::run);
        }
    }

    private boolean isReferenced(Server server) {
        if (tracked.contains(server) || !server.trackers().isEmpty() || isTrackedInConfiguration(server)) {
            return true;
        }
        for (TrafficRules.ServerRule rule : server.backend().rules().useServers()) {
            if (rule.server() == server) {
                return true;
            }
        }
        return false;
    }

    /** Whether a {@code track} line of the configuration names it, even if that tracker was deleted since. */
    private boolean isTrackedInConfiguration(Server server) {
        for (io.tollgate.engine.config.ProxyConfig p : proxies.config().proxies()) {
            for (ServerConfig s : p.servers()) {
                String track = s.check().track();
                if (track != null && (track.equals(server.backend().name() + "/" + server.name())
                        || (track.equals(server.name()) && p.name().equals(server.backend().name())))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The server {@code track [<backend>/]<server>} names, with {@code srv_apply_track}'s refusals. */
    private Server trackTarget(Proxy backend, String track) throws Refused {
        int slash = track.indexOf('/');
        String proxyName = slash < 0 ? backend.name() : track.substring(0, slash);
        String serverName = slash < 0 ? track : track.substring(slash + 1);
        Proxy owner = proxies.backend(proxyName);
        if (owner == null) {
            throw new Refused("unable to find required proxy '" + proxyName + "' for tracking.\n");
        }
        Server target = owner.server(serverName);
        if (target == null) {
            throw new Refused("unable to find required server '" + serverName + "' for tracking.\n");
        }
        if (isDynamic(target)) {
            throw new Refused("unable to use " + owner.name() + "/" + serverName
                    + " for tracking as it is a dynamic server.\n");
        }
        Server root = target.trackRoot();
        if (root.check() == null && root.config().check().agent() == null) {
            throw new Refused("unable to use " + root.backend().name() + "/" + root.name()
                    + " for tracking as it does not have any check nor agent enabled.\n");
        }
        return target;
    }
}
