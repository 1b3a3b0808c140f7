package io.tollgate.engine.net;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.haproxy.HAProxyMessageDecoder;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslHandler;
import io.tollgate.engine.config.ProxyMode;
import io.tollgate.engine.runtime.Proxy;
import io.tollgate.engine.tls.BindTlsContext;

/**
 * The pipeline of a client connection accepted by one {@code bind} line, in the order bytes
 * arrive: the PROXY protocol header ({@code accept-proxy}), TLS ({@code ssl}), then what the
 * frontend's mode needs (see {@link Pipelines}). With {@code accept-proxy} the rest is only
 * built once the header has named the client ({@link AcceptProxyHandler}).
 */
final class ClientInitializer extends ChannelInitializer<SocketChannel> {
    private final NetContext net;
    private final Proxy frontend;
    private final ListenerGate gate;
    private final TrafficCounter traffic;
    private final BindTlsContext tls;
    private final boolean acceptProxy;
    private final String bind;

    /**
     * @param tls         the bind's TLS context, or null for clear text
     * @param acceptProxy whether connections start with a PROXY protocol header
     * @param bind        how error lines name the listener: its {@code name}, else its number
     */
    ClientInitializer(NetContext net, Proxy frontend, ListenerGate gate, TrafficCounter traffic,
                      BindTlsContext tls, boolean acceptProxy, String bind) {
        this.net = net;
        this.frontend = frontend;
        this.gate = gate;
        this.traffic = traffic;
        this.tls = tls;
        this.acceptProxy = acceptProxy;
        this.bind = bind;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        if (acceptProxy) {
            ch.pipeline().addLast(Pipelines.PROXY_DECODER, new HAProxyMessageDecoder());
            ch.pipeline().addLast(Pipelines.ACCEPT_PROXY, new AcceptProxyHandler(this::session, clientTimeout()));
        } else {
            session(ch);
        }
    }

    /** TLS, then the HTTP or TCP session of the frontend. */
    private void session(Channel ch) {
        ChannelPipeline p = ch.pipeline();
        if (tls != null) {
            SslHandler h = tls.newHandler(ch.alloc());
            if (clientTimeout() > 0) {
                // HAProxy bounds the handshake with timeout client too
                h.setHandshakeTimeoutMillis(clientTimeout());
            }
            p.addLast(Pipelines.TLS, h);
        }
        p.addLast(Pipelines.TRAFFIC, traffic);
        io.tollgate.engine.log.AccessLog log = net.accessLog(frontend);
        SessionBytes bytes = log != null && log.hasFormat() ? new SessionBytes() : null;
        if (bytes != null) {
            p.addLast(Pipelines.SESSION_BYTES, bytes);
        }
        if (frontend.mode() == ProxyMode.HTTP) {
            p.addLast(Pipelines.CAPTURE, new ErrorCapture());
            p.addLast(Pipelines.HTTP_CODEC, new HttpServerCodec(NetContext.decoderConfig()));
            if (clientTimeout() > 0) {
                p.addLast(Pipelines.IDLE, NetContext.idle(clientTimeout()));
            }
            p.addLast(Pipelines.HTTP_SESSION, new HttpSession(net, frontend, gate, log, bytes, bind));
        } else {
            p.addLast(Pipelines.RELAY, new TcpSession(net, frontend, gate, log, bytes, bind));
        }
    }

    private long clientTimeout() {
        return frontend.config().timeouts().client();
    }
}
