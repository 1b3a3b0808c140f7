package io.tollgate.engine.log;

import io.tollgate.engine.runtime.Proxy;
import io.tollgate.logship.LogShipper;
import io.tollgate.logship.Severity;

/**
 * Hands access lines to a {@link LogShipper} on the frontend's precomputed route. The lookup and
 * the shipper's queue entry are all a line costs here; a full queue drops the line and counts it.
 */
public final class ShippedAccessLogs implements AccessLogSink {
    private final LogRoutes routes;
    private final LogShipper shipper;

    public ShippedAccessLogs(LogRoutes routes, LogShipper shipper) {
        this.routes = routes;
        this.shipper = shipper;
    }

    @Override
    public void log(Proxy frontend, int level, String message) {
        log(frontend, level, message, null);
    }

    @Override
    public void log(Proxy frontend, int level, String message, String structuredData) {
        var route = routes.frontend(frontend.name());
        if (route != null) {
            shipper.offer(route, Severity.ofCode(level), message, structuredData);
        }
    }
}
