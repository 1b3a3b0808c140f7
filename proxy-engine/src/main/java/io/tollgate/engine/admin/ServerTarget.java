package io.tollgate.engine.admin;

import io.tollgate.engine.runtime.Proxies;
import io.tollgate.engine.runtime.Proxy;
import io.tollgate.engine.runtime.Server;

/**
 * A command's {@code <backend>/<server>} argument, looked up with HAProxy's error texts
 * ({@code Require 'backend/server'.}, {@code No such backend.}, {@code No such server.}),
 * shared by every command that names a server.
 */
record ServerTarget(Server server, String error) {
    static ServerTarget find(Proxies proxies, String target) {
        int slash = target.indexOf('/');
        if (slash < 0) {
            return new ServerTarget(null, "Require 'backend/server'.\n");
        }
        Proxy backend = proxies.backend(target.substring(0, slash));
        if (backend == null) {
            return new ServerTarget(null, "No such backend.\n");
        }
        Server s = backend.server(target.substring(slash + 1));
        return s == null ? new ServerTarget(null, "No such server.\n") : new ServerTarget(s, null);
    }
}
