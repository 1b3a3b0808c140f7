/**
 * Log shipping: HAProxy's syslog formats and levels, the {@code log} line's targets, and the
 * asynchronous shipper that never blocks its caller. It knows nothing of proxies.
 *
 * <p>The engine parses each {@code log} line with {@link io.tollgate.logship.LogTarget#parse},
 * groups a section's targets with its {@code log-tag}/{@code log-send-hostname} into a
 * {@link io.tollgate.logship.LogRoute}, and calls {@link io.tollgate.logship.LogShipper#offer}
 * with an already formatted message and its {@link io.tollgate.logship.Severity}. Transports: UDP,
 * TCP with RFC 6587 octet counting, Unix datagram sockets (Netty epoll), stdout/stderr, and
 * rotating files ({@code file@}).
 */
package io.tollgate.logship;
