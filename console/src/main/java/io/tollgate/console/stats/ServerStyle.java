package io.tollgate.console.stats;

import io.tollgate.engine.stats.StatField;
import io.tollgate.engine.stats.StatRow;

/**
 * The colour of a server row: the CSS class the legend explains, picked from the status text as
 * HAProxy picks it (FORMATS §7.4): {@code maintain} for any MAINT, else {@code active_} or
 * {@code backup_} followed by the state's style. The page's script applies the same rule when a
 * live update changes a status.
 */
final class ServerStyle {
    private ServerStyle() {
    }

    static String of(StatRow server) {
        String status = server.text(StatField.STATUS);
        if (status == null) {
            status = "";
        }
        if (status.startsWith("MAINT")) {
            return "maintain";
        }
        boolean backup = server.value(StatField.BCK) instanceof Long b && b > 0;
        long weight = server.value(StatField.WEIGHT) instanceof Long w ? w : 0;
        return (backup ? "backup_" : "active_") + style(status, weight);
    }

    /** The part after {@code active_}/{@code backup_}; the order of the tests is the rule. */
    static String style(String status, long weight) {
        if (status.equals("DOWN") || status.equals("DOWN (agent)")) {
            return "down";
        }
        if (status.startsWith("DOWN ")) {
            return "going_up"; // DOWN x/y: checks are bringing it back
        }
        if (status.startsWith("DRAIN") || status.startsWith("UP") && weight == 0) {
            return "draining";
        }
        if (status.startsWith("NOLB ") || status.startsWith("UP ")) {
            return "going_down"; // x/y: failing checks are taking it down
        }
        if (status.equals("NOLB")) {
            return "nolb";
        }
        if (status.equals("no check")) {
            return "no_check";
        }
        return "up";
    }
}
