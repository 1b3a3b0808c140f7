package io.tollgate.engine.log;

import io.tollgate.engine.config.Config;
import io.tollgate.engine.config.Directive;
import io.tollgate.engine.config.GlobalSettings;
import io.tollgate.engine.config.ProxyConfig;
import io.tollgate.engine.runtime.Proxy;
import io.tollgate.logship.LogIdentity;
import io.tollgate.logship.LogRoute;
import io.tollgate.logship.LogTarget;
import io.tollgate.logship.SyslogFormat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each proxy's messages go, resolved once at start: the proxy's own {@code log} lines,
 * {@code log global} standing for the global section's targets, {@code no log} (an emptied list)
 * for none; and the global section's own route, for messages about the whole process. A proxy
 * without any target has no route: HAProxy's {@code send_log(proxy, ...)} sends nothing for it.
 *
 * <p>Messages carry the proxy's {@code log-tag}, else the global one, else {@value #TAG}
 * (HAProxy uses its program name, and ours is Tollgate). With {@code log-send-hostname} they
 * carry that hostname, and the targets whose line gave no {@code format} use {@code rfc3164}
 * instead of {@code local}, as HAProxy 2.6 does.
 *
 * <p>A frontend and a backend may share a name, so each side has its own map; a {@code listen}
 * section is in both.
 */
public final class LogRoutes {
    static final String TAG = "tollgate";

    private final Map<String, LogRoute> frontends;
    private final Map<String, LogRoute> backends;
    private final LogRoute global;

    private LogRoutes(Map<String, LogRoute> frontends, Map<String, LogRoute> backends, LogRoute global) {
        this.frontends = frontends;
        this.backends = backends;
        this.global = global;
    }

    /**
     * Resolves every proxy's route and the global one.
     *
     * @throws IllegalArgumentException naming the line of a target that does not parse (the
     *     configuration check parses them too, so this means a configuration built by hand)
     */
    public static LogRoutes of(Config config) {
        GlobalSettings settings = config.global();
        String globalTag = settings.logTag() == null ? TAG : settings.logTag();
        long pid = ProcessHandle.current().pid();
        List<LogTarget> globalTargets = targets(settings.logs(), List.of(), settings.logHostname());
        Map<String, LogRoute> frontends = new HashMap<>();
        Map<String, LogRoute> backends = new HashMap<>();
        for (ProxyConfig p : config.proxies()) {
            List<LogTarget> targets = targets(p.logs(), globalTargets, settings.logHostname());
            if (targets.isEmpty()) {
                continue;
            }
            String tag = p.logTag() == null ? globalTag : p.logTag();
            LogRoute route = new LogRoute(new LogIdentity(tag, settings.logHostname(), pid), targets);
            if (p.kind().isFrontend()) {
                frontends.put(p.name(), route);
            }
            if (p.kind().isBackend()) {
                backends.put(p.name(), route);
            }
        }
        LogRoute global = globalTargets.isEmpty() ? null
                : new LogRoute(new LogIdentity(globalTag, settings.logHostname(), pid), globalTargets);
        return new LogRoutes(frontends, backends, global);
    }

    private static List<LogTarget> targets(List<Directive> logs, List<LogTarget> global, String hostname) {
        List<LogTarget> targets = new ArrayList<>();
        for (Directive d : logs) {
            if (!d.args().isEmpty() && d.args().get(0).equals("global")) {
                targets.addAll(global);
                continue;
            }
            try {
                LogTarget target = LogTarget.parse(d.args());
                targets.add(hostname == null ? target : target.withDefaultFormat(SyslogFormat.RFC3164));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("[" + d.source() + "] : " + e.getMessage(), e);
            }
        }
        return targets;
    }

    /** The route of the frontend named {@code frontend}, or null when its lines go nowhere. */
    public LogRoute frontend(String frontend) {
        return frontends.get(frontend);
    }

    /**
     * The route of {@code proxy}'s own messages (its backend side's for a {@code listen}
     * section), or null when they go nowhere.
     */
    public LogRoute of(Proxy proxy) {
        return proxy.isBackend() ? backends.get(proxy.name()) : frontends.get(proxy.name());
    }

    /** The global section's route, or null when it has no {@code log} line. */
    public LogRoute global() {
        return global;
    }

    /** True when nothing at all is logged: neither a proxy nor the global section has a target. */
    public boolean isEmpty() {
        return frontends.isEmpty() && backends.isEmpty() && global == null;
    }
}
