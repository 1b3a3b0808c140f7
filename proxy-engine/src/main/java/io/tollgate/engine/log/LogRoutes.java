package io.tollgate.engine.log;

import io.tollgate.engine.config.Config;
import io.tollgate.engine.config.Directive;
import io.tollgate.engine.config.ProxyConfig;
import io.tollgate.logship.LogIdentity;
import io.tollgate.logship.LogRoute;
import io.tollgate.logship.LogTarget;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each frontend's access lines go, resolved once at start: the frontend's own {@code log}
 * lines, {@code log global} standing for the global section's targets, {@code no log} (an emptied
 * list) for none. Frontends without any target have no route.
 *
 * <p>Messages carry the tag {@value #TAG}: HAProxy uses its program name, and ours is Tollgate.
 * {@code log-tag} and {@code log-send-hostname} are not read yet (they are still warned about as
 * unsupported), so no hostname is sent.
 */
public final class LogRoutes {
    static final String TAG = "tollgate";

    private final Map<String, LogRoute> byFrontend;

    private LogRoutes(Map<String, LogRoute> byFrontend) {
        this.byFrontend = byFrontend;
    }

    /**
     * Resolves every frontend's route.
     *
     * @throws IllegalArgumentException naming the line of a target that does not parse (the
     *     configuration check parses them too, so this means a configuration built by hand)
     */
    public static LogRoutes of(Config config) {
        LogIdentity identity = new LogIdentity(TAG, null, ProcessHandle.current().pid());
        List<LogTarget> global = targets(config.global().logs(), List.of());
        Map<String, LogRoute> routes = new HashMap<>();
        for (ProxyConfig p : config.proxies()) {
            if (!p.kind().isFrontend()) {
                continue;
            }
            List<LogTarget> targets = targets(p.logs(), global);
            if (!targets.isEmpty()) {
                routes.put(p.name(), new LogRoute(identity, targets));
            }
        }
        return new LogRoutes(routes);
    }

    private static List<LogTarget> targets(List<Directive> logs, List<LogTarget> global) {
        List<LogTarget> targets = new ArrayList<>();
        for (Directive d : logs) {
            if (!d.args().isEmpty() && d.args().get(0).equals("global")) {
                targets.addAll(global);
                continue;
            }
            try {
                targets.add(LogTarget.parse(d.args()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("[" + d.source() + "] : " + e.getMessage(), e);
            }
        }
        return targets;
    }

    /** The route of {@code frontend}, or null when its lines go nowhere. */
    public LogRoute route(String frontend) {
        return byFrontend.get(frontend);
    }

    public boolean isEmpty() {
        return byFrontend.isEmpty();
    }
}
