package io.tollgate.engine.admin;

import java.util.List;

/**
 * The usage lines of the commands HAProxy 2.6 does not have, as {@code help} shows them. Tests that
 * compare with HAProxy set exactly these aside; a new Tollgate command must be added here, so it is
 * never hidden by accident.
 */
final class TollgateOnlyCommands {
    static final List<String> LINES = List.of(
            "  reopen logs                             : reopen every log file (after logrotate)");

    private TollgateOnlyCommands() {
    }

    /** {@code answer} without Tollgate's own usage lines: what HAProxy answers. */
    static String without(String answer) {
        String rest = answer;
        for (String line : LINES) {
            rest = rest.replace(line + "\n", "");
        }
        return rest;
    }
}
