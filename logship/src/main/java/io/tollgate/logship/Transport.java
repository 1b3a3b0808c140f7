package io.tollgate.logship;

/**
 * Moves rendered messages to one endpoint. Only the shipper's thread calls a transport, so
 * implementations need no locks; none may block for long, since every target shares that thread.
 */
interface Transport {

    /**
     * Sends one message. {@code buffer[length]} is always {@code '\n'}, so line-oriented transports
     * send {@code length + 1} bytes without copying. {@code epochMillis} is the time the message was
     * stamped with. What cannot be sent is counted as dropped.
     */
    void send(byte[] buffer, int length, long epochMillis);

    /** Called often (at least every few tens of milliseconds): flush, reconnect, notice file moves. */
    default void tick(long nowMillis) {
    }

    /** Reopens a file target after an external rotation; others have nothing to reopen. */
    default void reopen() {
    }

    /** Flushes what it can without blocking for long, counts the rest as dropped, and releases resources. */
    void close();
}
