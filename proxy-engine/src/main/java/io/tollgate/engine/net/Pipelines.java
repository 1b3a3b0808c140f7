package io.tollgate.engine.net;

/**
 * The names of every pipeline handler, in pipeline order, so that code that adds, finds or
 * removes a handler (the WebSocket upgrade removes the HTTP codecs) agrees on them.
 *
 * <pre>
 * client side, TCP:  [proxy-decoder -> accept-proxy] -> [tls] -> traffic -> idle -> relay
 * client side, HTTP: [proxy-decoder -> accept-proxy] -> [tls] -> traffic -> capture -> http-codec -> idle -> http-session
 * server side, TCP:  [socks] -> [send-proxy] -> [tls] -> traffic -> idle -> relay
 * server side, HTTP: [socks] -> [send-proxy] -> [tls] -> traffic -> capture -> http-codec -> idle -> http-server
 * </pre>
 * Bracketed handlers exist only when configured; the two PROXY protocol ones leave once the
 * header has passed. A server connection with SOCKS or TLS ends with {@code connecting} until
 * it is ready (see {@link ServerTransport}); the session's handlers come after.
 */
final class Pipelines {
    static final String PROXY_DECODER = "proxy-decoder";
    static final String ACCEPT_PROXY = "accept-proxy";
    static final String SOCKS = "socks";
    static final String SEND_PROXY = "send-proxy";
    static final String TLS = "tls";
    static final String TRAFFIC = "traffic";
    static final String SESSION_BYTES = "session-bytes";
    static final String CAPTURE = "capture";
    static final String HTTP_CODEC = "http-codec";
    static final String IDLE = "idle";
    static final String RELAY = "relay";
    static final String HTTP_SESSION = "http-session";
    static final String HTTP_SERVER = "http-server";
    static final String CONNECTING = "connecting";

    private Pipelines() {
    }
}
