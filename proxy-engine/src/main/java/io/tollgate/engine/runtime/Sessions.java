package io.tollgate.engine.runtime;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live client sessions, for {@code show sess} and {@code shutdown session}, and the idle
 * server connections, for {@code show servers conn}. A session costs one map put when its
 * connection is admitted and one remove when it closes; nothing per request.
 *
 * <p>HAProxy names a stream by its address ({@code 0x55d0...}); Tollgate prints a number of the
 * same shape, derived from the session's sequence number, so scripts that pass it back to
 * {@code show sess <id>} or {@code shutdown session <id>} keep working.
 */
public final class Sessions {
    /** What a session tells about itself; read from other threads, so values may be a moment old. */
    public interface Live {
        /** {@code tcpv4}, {@code tcpv6} or {@code unix_stream}. */
        String proto();

        /** The client's address, or null when unknown. */
        InetSocketAddress source();

        /** The address the client connected to, or null when unknown. */
        InetSocketAddress destination();

        Proxy frontend();

        /** The backend of the current request or connection, or null before one is chosen. */
        Proxy backend();

        /** The server of the current request or connection, or null. */
        Server server();

        /** The local address of the current server connection, or null. */
        SocketAddress serverSource();

        /** The remote address of the current server connection, or null. */
        SocketAddress serverDestination();

        /** Times the session was woken for work (requests, connections): HAProxy's {@code calls}. */
        long calls();

        /** Closes the client connection (and so the server's); callable from any thread. */
        void shutdown();

        /**
         * Closes the client connection if it is between requests (an idle HTTP keep-alive
         * connection), else lets the exchange under way finish first: the soft stop's way of
         * ending sessions without cutting a request. A TCP session goes on until it ends.
         */
        default void closeWhenIdle() {
        }
    }

    /** A registered session: its id, number and start time with what it tells. */
    public record Entry(long id, long number, long startMillis, long startNanos, Live live) {
    }

    /** The server connection pools' figures, told by the network layer which owns them. */
    public interface IdleCounter {
        /** The idle connections to a server on each thread, in thread order. */
        int[] idlePerThread(Server server);

        /** The most idle connections kept per server, all threads together. */
        int idleLimit();

        /** How long an idle connection is kept, in milliseconds. */
        long purgeDelayMillis();
    }

    /** Without a network layer: one thread, nothing idle. */
    private static final IdleCounter NONE = new IdleCounter() {
        @Override
        public int[] idlePerThread(Server server) {
            return new int[1];
        }

        @Override
        public int idleLimit() {
            return -1;
        }

        @Override
        public long purgeDelayMillis() {
            return 5_000;
        }
    };

    private static final long ID_BASE = 0x55d0_0000_0000L;
    private static final long ID_STEP = 0x40;

    private final ConcurrentHashMap<Long, Entry> live = new ConcurrentHashMap<>();
    private final AtomicLong numbers = new AtomicLong();
    private volatile IdleCounter idle = NONE;

    /** Registers a session that has just started; returns its id for {@link #remove}. */
    public long register(Live session) {
        long number = numbers.getAndIncrement();
        long id = ID_BASE + number * ID_STEP;
        live.put(id, new Entry(id, number, System.currentTimeMillis(), System.nanoTime(), session));
        return id;
    }

    public void remove(long id) {
        live.remove(id);
    }

    /** The session with this id, or null. */
    public Entry find(long id) {
        return live.get(id);
    }

    /** How many sessions are live. */
    public int count() {
        return live.size();
    }

    /** Every live session, oldest first. */
    public List<Entry> all() {
        List<Entry> list = new ArrayList<>(live.values());
        list.sort((a, b) -> Long.compare(a.number(), b.number()));
        return list;
    }

    /** Set by the network layer, which owns the pools. */
    public void idleCounter(IdleCounter counter) {
        this.idle = counter;
    }

    public IdleCounter idle() {
        return idle;
    }
}
