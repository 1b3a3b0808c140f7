package io.tollgate.engine.stats;

import io.tollgate.engine.runtime.CheckState;
import io.tollgate.engine.runtime.Server;

/**
 * A server's {@code status} column, worked out as HAProxy's
 * {@code stats_fill_sv_stats_computestate} does (FORMATS §4.2): the admin state first
 * ({@code MAINT}, {@code MAINT (via b/s)}), then the operational state of the end of the track
 * chain ({@code UP}, {@code NOLB}, {@code DRAIN}, {@code DOWN}, {@code no check}) with
 * {@code x/y} while its checks move it between states. Every surface gets the string from here
 * through the snapshot.
 */
final class ServerStatus {
    private ServerStatus() {
    }

    static String of(Server server) {
        if (server.isInForcedMaintenance()) {
            return "MAINT";
        }
        if (server.inheritsMaintenance()) {
            return "MAINT (via " + server.tracked() + ")";
        }
        Server ref = server.trackRoot();
        CheckState check = ref.isCheckDisabled() ? null : ref.check();
        CheckState agent = ref.isAgentDisabled() ? null : ref.agent();
        if (ref.isUp() && !ref.isStopping()) {
            boolean goingDown = check != null && !check.isFullyUp();
            if (server.isDraining()) {
                if (agent != null) {
                    return "DRAIN (agent)";
                }
                return goingDown ? "DRAIN " + check.ratio() : "DRAIN";
            }
            if (goingDown) {
                return "UP " + check.ratio();
            }
            return check == null ? "no check" : "UP"; // an agent alone still shows "no check", as HAProxy
        }
        if (ref.isUp()) {
            boolean steady = (server.check() == null && server.tracked() == null) || check == null || check.isFullyUp();
            return steady ? "NOLB" : "NOLB " + check.ratio();
        }
        if (agent != null && agent.health() == 0) {
            return "DOWN (agent)";
        }
        if (check != null && check.health() == 0 || check == null && agent == null) {
            return "DOWN";
        }
        return "DOWN " + (check != null ? check : agent).ratio();
    }

    /**
     * Checks are configured and enabled ({@code chkfail}, {@code chkdown}, {@code downtime} are
     * shown): HAProxy tests {@code CHK_ST_ENABLED}, so after {@code disable health} and on a
     * dynamic server before {@code enable health} they are empty (checked with {@code haproxy -db}).
     */
    static boolean isChecked(Server server) {
        return server.check() != null && !server.isCheckDisabled();
    }

    /**
     * Checks are configured and running: HAProxy pauses them in maintenance, which empties the
     * {@code check_*} columns.
     */
    static boolean isChecking(Server server) {
        return isChecked(server) && !server.isInMaintenance();
    }
}
