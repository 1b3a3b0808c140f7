package io.tollgate.engine.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseEncoder;

import java.nio.charset.StandardCharsets;

/**
 * What a response looks like on the wire: encoded by Netty's own HTTP/1 encoder, as the engine
 * will write it, and read back byte for byte (ISO-8859-1, one char per byte) to compare with the
 * bytes captured from HAProxy.
 */
final class Wire {
    private Wire() {
    }

    static String bytes(Reply reply) {
        return bytes(reply.response());
    }

    static String bytes(FullHttpResponse response) {
        EmbeddedChannel channel = new EmbeddedChannel(new HttpResponseEncoder());
        channel.writeOutbound(response);
        StringBuilder out = new StringBuilder();
        for (Object o = channel.readOutbound(); o != null; o = channel.readOutbound()) {
            ByteBuf buf = (ByteBuf) o;
            out.append(buf.toString(StandardCharsets.ISO_8859_1));
            buf.release();
        }
        channel.finishAndReleaseAll();
        return out.toString();
    }
}
