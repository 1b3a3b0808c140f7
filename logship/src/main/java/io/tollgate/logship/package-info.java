/**
 * Syslog message formats and transports (UDP, TCP octet-counted, Unix datagram, stdout/stderr,
 * rotating files) and the asynchronous bounded shipper that never blocks its caller. It knows
 * nothing of proxies. Empty until the logging issue fills it; the module exists so that the
 * dependency direction {@code logship <- proxy-engine <- console} is fixed from the start.
 */
package io.tollgate.logship;
