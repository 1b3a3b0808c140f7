package io.tollgate.engine.net;

/**
 * The names of every pipeline handler, in pipeline order, so that code that adds, finds or
 * removes a handler (the WebSocket upgrade removes the HTTP codecs) agrees on them.
 *
 * <pre>
 * client side, TCP:  traffic -> idle -> relay
 * client side, HTTP: traffic -> http-codec -> idle -> http-session
 * server side, TCP:  traffic -> idle -> relay
 * server side, HTTP: traffic -> http-codec -> idle -> http-server
 * </pre>
 */
final class Pipelines {
    static final String TRAFFIC = "traffic";
    static final String HTTP_CODEC = "http-codec";
    static final String IDLE = "idle";
    static final String RELAY = "relay";
    static final String HTTP_SESSION = "http-session";
    static final String HTTP_SERVER = "http-server";

    private Pipelines() {
    }
}
