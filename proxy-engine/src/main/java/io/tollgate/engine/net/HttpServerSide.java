package io.tollgate.engine.net;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.tollgate.engine.runtime.Server;

/**
 * The last handler of a server connection in HTTP mode: hands what the server sends to the
 * exchange that leased the connection, or, while the connection sits idle in the pool, drops it
 * from the pool when the server closes or speaks out of turn.
 */
final class HttpServerSide extends ChannelInboundHandlerAdapter {
    private final Server server;
    private final ServerPool pool;
    private HttpExchange owner;

    HttpServerSide(Server server, ServerPool pool) {
        this.server = server;
        this.pool = pool;
    }

    void lease(HttpExchange exchange) {
        this.owner = exchange;
    }

    /** Back to the pool: nobody listens until the next lease. */
    void unlease() {
        this.owner = null;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (owner != null && msg instanceof HttpObject o) {
            owner.fromServer(o);
        } else {
            ReferenceCountUtil.release(msg);
            pool.remove(server, ctx.channel());
            ctx.close();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (owner != null) {
            owner.serverReadComplete();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (owner != null) {
            owner.serverWritabilityChanged(ctx.channel().isWritable());
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            if (owner != null) {
                owner.serverTimeout();
            }
        } else {
            ctx.fireUserEventTriggered(evt);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (owner != null) {
            owner.serverClosed(false);
        } else {
            pool.remove(server, ctx.channel());
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (owner != null) {
            owner.serverClosed(true);
        }
        ctx.close();
    }
}
