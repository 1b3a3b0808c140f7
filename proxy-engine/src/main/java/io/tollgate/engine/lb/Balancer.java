package io.tollgate.engine.lb;

import io.tollgate.engine.runtime.Server;

import java.util.List;

/**
 * One load-balancing algorithm ({@code balance <keyword>}). The {@link Dispatcher} decides which
 * servers are candidates (the usable active servers, else the backups) and which have room; the
 * balancer only chooses among them, and is told when a server's state or weight changes.
 */
public interface Balancer {
    /**
     * Picks one of {@code candidates} that has room, or returns null when none has. Called from
     * any event loop; implementations keep their own state consistent.
     */
    Server pick(List<Server> candidates);

    /** The CSV {@code algo} value. */
    String algorithm();

    /** A server went up or down, entered or left maintenance, or changed weight. */
    default void serverChanged(Server server) {
    }
}
