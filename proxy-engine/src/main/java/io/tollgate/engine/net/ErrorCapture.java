package io.tollgate.engine.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.tollgate.engine.http.H1Syntax;
import io.tollgate.engine.runtime.ProtocolErrors;
import io.tollgate.engine.runtime.Proxy;
import io.tollgate.engine.runtime.Server;

/**
 * Sits before an HTTP codec and holds on to the bytes being decoded, so that when the decoder
 * calls a message invalid, {@code show errors} can show what it was given: the message is told
 * to the session during the read, while this handler still holds the read's buffer. Valid
 * traffic costs a reference count up and down per read; bytes are copied (at most
 * {@link ProtocolErrors#MAX_BYTES}) only when an error is captured.
 *
 * <p>A head that arrived over several reads is captured from the read where the decoder gave
 * up (HAProxy's buffer holds the whole head); in practice a head comes in one read.
 */
final class ErrorCapture extends ChannelInboundHandlerAdapter {
    private ByteBuf reading;
    private int start;
    private int end;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf b)) {
            ctx.fireChannelRead(msg);
            return;
        }
        reading = b;
        start = b.readerIndex();
        end = b.writerIndex();
        b.retain();
        try {
            ctx.fireChannelRead(msg);
        } finally {
            reading = null;
            b.release();
        }
    }

    /** Keeps the invalid request the client of {@code frontend} is sending. */
    static void request(Channel client, Proxy frontend, Proxy backend) {
        ErrorCapture c = client.pipeline().get(ErrorCapture.class);
        byte[] bytes = c == null ? new byte[0] : c.bytes();
        int length = c == null ? 0 : c.end - c.start;
        H1Syntax.Error e = H1Syntax.locate(bytes, bytes.length, true);
        frontend.proxies().errors().request(frontend, backend, ClientConnection.source(client), bytes, length,
                e.position(), e.state(), e.flags());
    }

    /** Keeps the invalid response {@code server} is sending for a client of {@code frontend}. */
    static void response(Channel serverChannel, Server server, Proxy frontend, Channel client) {
        ErrorCapture c = serverChannel.pipeline().get(ErrorCapture.class);
        byte[] bytes = c == null ? new byte[0] : c.bytes();
        int length = c == null ? 0 : c.end - c.start;
        H1Syntax.Error e = H1Syntax.locate(bytes, bytes.length, false);
        Proxy backend = server.backend();
        backend.proxies().errors().response(backend, frontend, server, ClientConnection.source(client), bytes, length,
                e.position(), e.state(), e.flags());
    }

    private byte[] bytes() {
        if (reading == null) {
            return new byte[0];
        }
        byte[] b = new byte[Math.min(end - start, ProtocolErrors.MAX_BYTES)];
        reading.getBytes(start, b);
        return b;
    }
}
