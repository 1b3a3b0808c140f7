package io.tollgate.engine.check;

import io.netty.buffer.ByteBuf;

/**
 * One check run's exchange with a server, driven by the run on its event loop: never blocks.
 * Each callback either waits for more (returns) or ends the run with {@link CheckChannel#finish}.
 */
public interface Conversation {
    /** The TCP connection is up: send the first bytes, or finish at once (a plain connect check). */
    void connected(CheckChannel channel);

    /**
     * Bytes arrived. {@code in} holds everything received and not consumed yet (at most
     * {@link CheckChannel#BUFFER_LIMIT} bytes); read from it, or leave it to accumulate.
     */
    void received(CheckChannel channel, ByteBuf in);

    /** The server closed its side; {@code in} holds what was not consumed. */
    void closed(CheckChannel channel, ByteBuf in);
}
