package io.tollgate.engine.log;

import io.tollgate.engine.config.ConfigProblem;
import io.tollgate.engine.runtime.Server;
import io.tollgate.engine.runtime.ServerEvent;
import io.tollgate.engine.runtime.StateChanges;
import io.tollgate.logship.LogRoute;
import io.tollgate.logship.LogShipper;
import io.tollgate.logship.Severity;

import java.util.List;

/**
 * Ships state-change events to syslog: each {@link ServerEvent} goes to the route of the proxy
 * it is about (a server's backend, a paused or stopped frontend), at its level, as HAProxy's
 * {@code send_log(proxy, ...)}; a proxy without {@code log} lines sends nothing. Events are
 * raised on event loops and under the state-change lock, so this only offers to the shipper,
 * which drops and counts when its queue is full.
 */
public final class EventLogs implements StateChanges.Listener {
    private static final String WARNING_PREFIX = "[" + ConfigProblem.Severity.WARNING.name() + "] ";

    private final LogRoutes routes;
    private final LogShipper shipper;

    public EventLogs(LogRoutes routes, LogShipper shipper) {
        this.routes = routes;
        this.shipper = shipper;
    }

    @Override
    public void serverChanged(Server server, String what, String cause) {
        // the words for syslog come with the event that follows
    }

    @Override
    public void event(ServerEvent event) {
        LogRoute route = event.proxy() == null ? routes.global() : routes.of(event.proxy());
        if (route != null) {
            shipper.offer(route, Severity.ofCode(event.level()), event.message());
        }
    }

    /**
     * Sends the configuration's warnings to the global targets at {@code warning}, in the words
     * printed on stderr without the {@code [WARNING] } tag. HAProxy only prints them; an operator
     * who reads only the logs learns of them this way.
     */
    public void configWarnings(List<ConfigProblem> warnings) {
        LogRoute route = routes.global();
        if (route == null) {
            return;
        }
        for (ConfigProblem w : warnings) {
            String line = w.toString();
            shipper.offer(route, Severity.WARNING,
                    line.startsWith(WARNING_PREFIX) ? line.substring(WARNING_PREFIX.length()) : line);
        }
    }
}
