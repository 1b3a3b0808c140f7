package io.tollgate.engine.stats;

import io.tollgate.engine.runtime.Server;

/**
 * Which servers the {@code up} and {@code no-maint} options hide, the same on the stats page
 * ({@code ;up}, {@code ;no-maint}) and the CLI ({@code show stat up|no-maint}), as HAProxy hides
 * them: {@code no-maint} the servers in maintenance, {@code up} those too and checked servers
 * that are down.
 */
public final class HiddenServers {
    private HiddenServers() {
    }

    public static boolean hidden(Server s, boolean up, boolean noMaint) {
        if (!(up || noMaint)) {
            return false;
        }
        if (s.isInMaintenance()) {
            return true;
        }
        return up && s.check() != null && !s.isCheckDisabled() && !s.isUp();
    }
}
