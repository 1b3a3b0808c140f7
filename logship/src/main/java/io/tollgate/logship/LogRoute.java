package io.tollgate.logship;

import java.util.List;

/**
 * The log targets of one section (a proxy's own {@code log} lines, or {@code log global}'s) with
 * the identity its messages carry; built once at configuration time and passed with every message.
 */
public record LogRoute(LogIdentity identity, List<LogTarget> targets) {

    public LogRoute {
        targets = List.copyOf(targets);
    }
}
