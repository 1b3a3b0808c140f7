package io.tollgate.engine.config;

/**
 * The {@code timeout} values of a proxy, in milliseconds; 0 means "not set". The effective
 * getters apply HAProxy's fallbacks so callers never repeat them.
 */
public record Timeouts(long connect, long client, long server, long httpRequest,
                       long httpKeepAlive, long queue, long tunnel, long check,
                       long clientFin, long serverFin, long tarpit) {

    public static final Timeouts NONE = new Timeouts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** The shape before {@code timeout tarpit} was kept. */
    public Timeouts(long connect, long client, long server, long httpRequest, long httpKeepAlive, long queue,
                    long tunnel, long check, long clientFin, long serverFin) {
        this(connect, client, server, httpRequest, httpKeepAlive, queue, tunnel, check, clientFin, serverFin, 0);
    }

    /** {@code timeout tarpit} falls back to {@code timeout connect}. */
    public long effectiveTarpit() {
        return tarpit > 0 ? tarpit : connect;
    }

    /** {@code timeout queue} falls back to {@code timeout connect}. */
    public long effectiveQueue() {
        return queue > 0 ? queue : connect;
    }

    /** {@code timeout http-request} falls back to {@code timeout client}. */
    public long effectiveHttpRequest() {
        return httpRequest > 0 ? httpRequest : client;
    }

    /** {@code timeout http-keep-alive} falls back to {@code timeout http-request}, then client. */
    public long effectiveHttpKeepAlive() {
        return httpKeepAlive > 0 ? httpKeepAlive : effectiveHttpRequest();
    }

    /** {@code timeout tunnel} falls back to the larger of client and server. */
    public long effectiveTunnel() {
        return tunnel > 0 ? tunnel : Math.max(client, server);
    }

    public Timeouts with(String name, long value) {
        return switch (name) {
            case "connect" -> new Timeouts(value, client, server, httpRequest, httpKeepAlive, queue, tunnel, check, clientFin, serverFin, tarpit);
            case "client" -> new Timeouts(connect, value, server, httpRequest, httpKeepAlive, queue, tunnel, check, clientFin, serverFin, tarpit);
            case "server" -> new Timeouts(connect, client, value, httpRequest, httpKeepAlive, queue, tunnel, check, clientFin, serverFin, tarpit);
            case "http-request" -> new Timeouts(connect, client, server, value, httpKeepAlive, queue, tunnel, check, clientFin, serverFin, tarpit);
            case "http-keep-alive" -> new Timeouts(connect, client, server, httpRequest, value, queue, tunnel, check, clientFin, serverFin, tarpit);
            case "queue" -> new Timeouts(connect, client, server, httpRequest, httpKeepAlive, value, tunnel, check, clientFin, serverFin, tarpit);
            case "tunnel" -> new Timeouts(connect, client, server, httpRequest, httpKeepAlive, queue, value, check, clientFin, serverFin, tarpit);
            case "check" -> new Timeouts(connect, client, server, httpRequest, httpKeepAlive, queue, tunnel, value, clientFin, serverFin, tarpit);
            case "client-fin" -> new Timeouts(connect, client, server, httpRequest, httpKeepAlive, queue, tunnel, check, value, serverFin, tarpit);
            case "server-fin" -> new Timeouts(connect, client, server, httpRequest, httpKeepAlive, queue, tunnel, check, clientFin, value, tarpit);
            case "tarpit" -> new Timeouts(connect, client, server, httpRequest, httpKeepAlive, queue, tunnel, check, clientFin, serverFin, value);
            default -> throw new IllegalArgumentException("unknown timeout '" + name + "'");
        };
    }
}
