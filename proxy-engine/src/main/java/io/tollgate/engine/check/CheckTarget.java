package io.tollgate.engine.check;

import java.net.InetSocketAddress;

/**
 * Where and how long one check run may take: the address ({@code addr}/{@code port} or the
 * server's own), the connect timeout, and the read timeout once connected (0: what is left of
 * the connect timeout, when {@code inter} bounds the whole run).
 */
record CheckTarget(InetSocketAddress address, long connectTimeoutMillis, long readTimeoutMillis) {
}
