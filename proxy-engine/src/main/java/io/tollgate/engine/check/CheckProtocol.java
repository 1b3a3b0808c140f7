package io.tollgate.engine.check;

import io.tollgate.engine.runtime.CheckStatus;
import io.tollgate.engine.runtime.Server;

/**
 * One health-check type (TCP connect, HTTP, MySQL, ...): what a check says to a server once
 * connected and how it judges the reply. Immutable and shared by the servers of a backend;
 * each check run gets a fresh {@link Conversation}.
 */
public interface CheckProtocol {
    /** A new conversation for one run against {@code server}. */
    Conversation open(Server server);

    /**
     * The status of a run that connected but had no verdict when {@code timeout check} (or
     * {@code inter}) expired: {@code L7TOUT}, {@code L6TOUT} for the SSL hello.
     */
    default CheckStatus timeoutStatus() {
        return CheckStatus.L7_TIMEOUT;
    }
}
