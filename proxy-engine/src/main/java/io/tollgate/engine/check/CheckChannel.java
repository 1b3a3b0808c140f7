package io.tollgate.engine.check;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.tollgate.engine.runtime.CheckStatus;

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
}
