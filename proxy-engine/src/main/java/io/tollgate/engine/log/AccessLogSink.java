package io.tollgate.engine.log;

import io.tollgate.engine.runtime.Proxy;

/**
 * Where finished access-log messages go: the message text only, without any syslog header, with
 * the syslog level it is sent at ({@link #INFO} for traffic, {@link #ERR} for errors under
 * {@code option log-separate-errors}). Called on an event loop: an implementation must not block
 * (the shipper queues the line and returns).
 */
public interface AccessLogSink {
    int ERR = 3;
    int INFO = 6;

    void log(Proxy frontend, int level, String message);

    /**
     * A message with its RFC 5424 structured data ({@code log-format-sd}), which only
     * {@code format rfc5424} targets show. A sink that has no use for it logs the message alone.
     */
    default void log(Proxy frontend, int level, String message, String structuredData) {
        log(frontend, level, message);
    }
}
