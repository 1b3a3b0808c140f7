package io.tollgate.engine.lb;

import io.tollgate.engine.acl.RequestView;
import io.tollgate.engine.runtime.Server;

import java.util.List;

/**
 * One load-balancing algorithm ({@code balance <keyword>}). The {@link Dispatcher} decides which
 * servers are candidates (the usable active servers, else the backups) and which have room; the
 * balancer only chooses among them, and is told when a server's state or weight changes.
 */
public interface Balancer {
    /**
     * Picks one of {@code candidates} that has room ({@link Server#hasRoom()}), or returns null
     * when none has. {@code request} is what hash-based algorithms hash (an HTTP request, or only
     * the addresses of a TCP connection); it is null when {@link #needsRequest()} is false.
     * Called from any event loop; implementations keep their own state consistent.
     */
    Server pick(List<Server> candidates, RequestView request);

    /** Whether {@link #pick} reads the request; when false, callers need not build a view. */
    default boolean needsRequest() {
        return false;
    }

    /** The CSV {@code algo} value. */
    String algorithm();

    /** A server went up or down, entered or left maintenance, or changed weight. */
    default void serverChanged(Server server) {
    }

    /**
     * A server joined the backend at run time ({@code add server}); it becomes a candidate only
     * later, through the candidate list, so this is where per-server state makes room for it.
     */
    default void serverAdded(Server server) {
        serverChanged(server);
    }

    /** A server left the backend at run time ({@code del server}); it is no candidate any more. */
    default void serverRemoved(Server server) {
        serverChanged(server);
    }
}
