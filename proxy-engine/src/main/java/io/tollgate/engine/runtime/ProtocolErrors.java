package io.tollgate.engine.runtime;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The last invalid request each frontend received and the last invalid response each backend
 * received, for {@code show errors}: HAProxy's {@code proxy_capture_error}. Only the error path
 * writes here (a bounded copy of what the parser saw), so valid traffic pays nothing.
 */
public final class ProtocolErrors {
    /** HAProxy's default {@code tune.bufsize}: a snapshot keeps at most this much. */
    public static final int MAX_BYTES = 16_384;

    /**
     * One captured message.
     *
     * @param proxy    the frontend (request) or backend (response) that saw it
     * @param other    the backend (request) or frontend (response) involved, or null
     * @param server   the server involved, or null
     * @param event    the process-wide event number (HAProxy's {@code error_snapshot_id})
     * @param source   the client's address, or null
     * @param bytes    the start of the message, at most {@link #MAX_BYTES}
     * @param length   how many bytes the message buffer held (may exceed {@code bytes.length})
     * @param position where the first invalid byte is
     * @param state    the parser state at that byte (HAProxy's {@code H1_MSG_*} number)
     * @param flags    HAProxy's message flags at that byte ({@code H1_MF_*})
     */
    public record Snapshot(long whenMillis, Proxy proxy, Proxy other, Server server, int event,
                           InetSocketAddress source, byte[] bytes, int length, int position, int state, int flags,
                           boolean isRequest) {
    }

    private final AtomicInteger events = new AtomicInteger();
    private final Map<Proxy, Snapshot> requests = new ConcurrentHashMap<>();
    private final Map<Proxy, Snapshot> responses = new ConcurrentHashMap<>();

    /** Keeps an invalid request seen by {@code frontend}, replacing the previous one. */
    public void request(Proxy frontend, Proxy backend, InetSocketAddress source, byte[] bytes, int length,
                        int position, int state, int flags) {
        requests.put(frontend, new Snapshot(System.currentTimeMillis(), frontend, backend, null,
                events.getAndIncrement(), source, bytes, length, position, state, flags, true));
    }

    /** Keeps an invalid response seen by {@code backend}, replacing the previous one. */
    public void response(Proxy backend, Proxy frontend, Server server, InetSocketAddress source, byte[] bytes,
                         int length, int position, int state, int flags) {
        responses.put(backend, new Snapshot(System.currentTimeMillis(), backend, frontend, server,
                events.getAndIncrement(), source, bytes, length, position, state, flags, false));
    }

    /** The number of errors captured so far. */
    public int count() {
        return events.get();
    }

    public Snapshot lastRequest(Proxy frontend) {
        return requests.get(frontend);
    }

    public Snapshot lastResponse(Proxy backend) {
        return responses.get(backend);
    }
}
