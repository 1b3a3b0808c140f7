package io.tollgate.engine.check;

import io.netty.buffer.ByteBuf;
import io.tollgate.engine.runtime.CheckStatus;

import java.net.InetSocketAddress;

/**
 * One check run's exchange with a server, driven by the run on its event loop: never blocks.
 * Each callback either waits for more (returns) or ends the run with {@link CheckChannel#finish}
 * (or, for a script, moves to another connection with {@link CheckChannel#reconnect}).
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

    /** Where the run's first connection goes: the check's address unless a script says otherwise. */
    default CheckEndpoint firstConnection(InetSocketAddress checkAddress) {
        return new CheckEndpoint(checkAddress, false);
    }

    /**
     * The reply did not come in time: {@code status} is the protocol's timeout status. A script
     * may report another status or say where it was waiting; by default the run ends with it.
     */
    default void timedOut(CheckChannel channel, CheckStatus status) {
        channel.finish(status);
    }

    /**
     * The connection could not be made ({@code L4CON}, {@code L4TOUT}) or broke ({@code SOCKERR});
     * {@code info} is the system's text, {@code in} what was received and not consumed. By
     * default the run ends with them.
     */
    default void failed(CheckChannel channel, ByteBuf in, CheckStatus status, String info) {
        channel.finish(status, -1, info);
    }
}
