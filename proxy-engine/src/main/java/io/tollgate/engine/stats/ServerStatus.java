package io.tollgate.engine.stats;

import io.tollgate.engine.config.CheckSettings;
import io.tollgate.engine.runtime.Server;

/**
 * A server's {@code status} column and health counter, worked out as HAProxy's
 * {@code stats_fill_sv_stats_computestate} does (FORMATS §4.2): the admin state first
 * ({@code MAINT}), then the operational state ({@code UP}, {@code DOWN}, {@code no check}), with
 * {@code x/y} while a checked server is between states.
 *
 * <p>Grows with the health checks (their own health counter, {@code DRAIN}, {@code NOLB},
 * agents, tracking); every surface gets the string from here through the snapshot.
 */
final class ServerStatus {
    private ServerStatus() {
    }

    static String of(Server server) {
        return of(server, health(server));
    }

    static String of(Server server, int health) {
        if (server.isInMaintenance()) {
            return "MAINT";
        }
        CheckSettings check = server.config().check();
        int rise = check.rise();
        int fall = check.fall();
        if (server.isUp()) {
            if (!check.enabled()) {
                return "no check";
            }
            // Below the top of the range a failing check has started pulling the server down.
            return health < rise + fall - 1 ? "UP " + (health - rise + 1) + "/" + fall : "UP";
        }
        if (!check.enabled() || health == 0) {
            return "DOWN";
        }
        // Above zero successful checks have started bringing it back.
        return "DOWN " + health + "/" + rise;
    }

    /**
     * The health counter (0 .. rise+fall-1). No checker keeps one yet, so this is where HAProxy's
     * counter rests between transitions: at the top while UP, at 0 while DOWN or in maintenance
     * (entering maintenance resets it).
     */
    static int health(Server server) {
        CheckSettings check = server.config().check();
        return server.isUp() && !server.isInMaintenance() ? check.rise() + check.fall() - 1 : 0;
    }

    /** Checks are configured ({@code chkfail}, {@code chkdown}, {@code downtime} are shown). */
    static boolean isChecked(Server server) {
        return server.config().check().enabled();
    }

    /**
     * Checks are configured and running: HAProxy pauses them in maintenance, which empties the
     * {@code check_*} columns.
     */
    static boolean isChecking(Server server) {
        return isChecked(server) && !server.isInMaintenance();
    }
}
