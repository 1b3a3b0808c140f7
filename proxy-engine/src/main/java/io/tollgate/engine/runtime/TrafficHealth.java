package io.tollgate.engine.runtime;

/**
 * Passive health checks ({@code observe layer4|layer7}): what live traffic tells about a server,
 * as HAProxy's {@code health_adjust} reads it. Connection failures are errors at both layers; at
 * layer 7, so are 5xx responses other than 501 and 505 and invalid responses. A success clears
 * the run of errors; {@code error-limit} errors in a row trigger the server's {@code on-error}
 * action ({@link StateChanges#trafficErrors}).
 *
 * <p>Called on the hot path: a server that does not observe costs one field read.
 */
public final class TrafficHealth {
    static final String L4_ERROR = "L4 unsuccessful connection";
    static final String HTTP_STATUS = "Wrong http response";
    static final String HTTP_INVALID = "Invalid http response";

    private TrafficHealth() {
    }

    /** A connection to the server opened. */
    public static void connected(Server server) {
        if (server.observedLayer() == 4) {
            success(server);
        }
    }

    /** A connection to the server failed (refused, timed out). */
    public static void connectFailed(Server server) {
        if (server.observedLayer() != 0) {
            error(server, L4_ERROR);
        }
    }

    /** The server answered with {@code status}. */
    public static void responded(Server server, int status) {
        if (server.observedLayer() != 7) {
            return;
        }
        if (status >= 500 && status != 501 && status != 505) {
            error(server, HTTP_STATUS);
        } else {
            success(server);
        }
    }

    /** The server's response could not be read (invalid, or it closed before it ended). */
    public static void invalidResponse(Server server) {
        if (server.observedLayer() == 7) {
            error(server, HTTP_INVALID);
        }
    }

    private static void success(Server server) {
        if (server.consecutiveErrors().get() != 0) {
            server.consecutiveErrors().set(0);
        }
    }

    private static void error(Server server, String what) {
        int n = server.consecutiveErrors().incrementAndGet();
        if (n >= server.config().check().errorLimit()) {
            server.backend().stateChanges().trafficErrors(server, n, what);
        }
    }
}
