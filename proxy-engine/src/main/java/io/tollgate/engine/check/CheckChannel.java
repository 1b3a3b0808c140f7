package io.tollgate.engine.check;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.tollgate.engine.runtime.CheckStatus;

import java.net.InetSocketAddress;

/** What a {@link Conversation} can do with its connection. */
public interface CheckChannel {
    /** HAProxy's check buffer ({@code tune.bufsize}): replies are judged on at most this much. */
    int BUFFER_LIMIT = 16_384;

    ByteBufAllocator alloc();

    /** Sends bytes (the channel takes ownership of {@code data}). */
    void send(ByteBuf data);

    /** Ends the run with a verdict; {@code code} is -1 when none goes with it, {@code info} "" when none. */
    void finish(CheckStatus status, int code, String info);

    default void finish(CheckStatus status) {
        finish(status, -1, "");
    }

    /** Whether the run already ended (a verdict, a timeout, an error). */
    boolean isFinished();

    /** The address the check connects to when nothing else is said: the server's, or its {@code addr}/{@code port}. */
    InetSocketAddress checkAddress();

    /**
     * Closes the current connection and opens another ({@code tcp-check connect} in the middle of
     * a script), with fresh timeouts: {@link Conversation#connected} is called again once it is up,
     * {@link Conversation#failed} if it cannot be. Nothing more arrives from the old connection.
     */
    void reconnect(CheckEndpoint endpoint);
}
