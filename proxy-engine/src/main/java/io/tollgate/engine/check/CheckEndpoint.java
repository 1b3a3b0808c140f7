package io.tollgate.engine.check;

import java.net.InetSocketAddress;

/**
 * Where one connection of a check run goes, and how it ends: with a reset, as HAProxy closes
 * check connections, or with a FIN when {@code linger} ({@code tcp-check connect linger}).
 */
public record CheckEndpoint(InetSocketAddress address, boolean linger) {
}
