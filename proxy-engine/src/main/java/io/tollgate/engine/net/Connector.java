package io.tollgate.engine.net;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import io.tollgate.engine.acl.RequestView;
import io.tollgate.engine.lb.Dispatcher;
import io.tollgate.engine.lb.Pending;
import io.tollgate.engine.lb.PendingQueue;
import io.tollgate.engine.runtime.Proxy;
import io.tollgate.engine.runtime.Server;
import io.tollgate.engine.runtime.TrafficHealth;
import io.tollgate.engine.stats.BackendCounters;

import java.util.concurrent.TimeUnit;

/**
 * Gets one request (or TCP session) a connection to a server of its backend: picks a server,
 * waits in the queue when every server is at {@code maxconn}, reuses a pooled connection or
 * opens one, and retries failed connections as HAProxy 2.6 does.
 *
 * <h2>States</h2>
 * <pre>
 *   start -> PICK --server with room--> CONNECT --ok--> connected(callback)
 *              |                           |
 *              |--all full--> QUEUED       +--refused/timeout--> retries left? --no--> failed(503)
 *              |               |  |                                   |
 *              |  slot granted-+  +--timeout queue--> failed(503)     +--option redispatch--> PICK
 *              +--no usable server--> failed(503)                     |   (another server, at once)
 *                                                                     +--else: same server after 1 s
 * </pre>
 * Every step runs on the client's event loop. As observed on HAProxy 2.6.12: a refused
 * connection is retried on the same server after a one-second turn-around, or, with
 * {@code option redispatch}, immediately on another server. Counters, as HAProxy keeps them:
 * {@code stot} per connection attempt on the server tried (the session stays one in
 * {@code scur}); {@code connect}/{@code reuse} per attempt; {@code wretr} per retry on the same
 * server; {@code wredis} per redispatch; {@code econ} once, when the retries are exhausted.
 * Queue and connect times are kept for the caller to record when the request ends.
 */
final class Connector {
    /** What the owner of the request hears back, always on its event loop. */
    interface Callback {
        /** A connection to {@code server} is ready; its slot is held until released. */
        void connected(Server server, Channel channel, boolean reused);

        /** No connection could be had; {@code status} is the HTTP status to answer (503). */
        void failed(int status, String reason);
    }

    /**
     * Opens new connections to servers, with the pipeline the protocol needs, on the client's
     * event loop. The client and its request are what a server's transport may read: the PROXY
     * header names the client, an {@code sni} expression may read the request (null when the
     * session has not built a view of it).
     */
    interface Dialer {
        ChannelFuture dial(Server server, Channel client, RequestView request);
    }

    static final long TURN_AROUND_MILLIS = 1000;

    private final Proxy backend;
    private final Channel client;
    private final EventLoop loop;
    private final RequestView request;
    private final ServerPool pool;
    private final Dialer dialer;
    private final Callback callback;
    private int retriesLeft;
    private boolean cancelled;
    private QueuedRequest queued;
    private long queueMillis;
    private boolean redispatched;
    private boolean reachedQueue;
    private boolean timedOut;
    /**
     * HAProxy's {@code %sq}/{@code %bq}: how many requests left the server's or the backend's
     * queue until this one did (itself included), 0 when it was not queued. The queue being FIFO,
     * that is its position when it joined.
     */
    private long serverQueuePosition;
    private long backendQueuePosition;
    /** The last server a connection was attempted to, shown in the log line of a failure. */
    private Server lastTried;
    private long connectMillis;
    /** The server a rule or a persistence cookie asks for, tried first; null for none. */
    private Server preferred;
    /** The server this session is counted on (scur), until it ends or moves. */
    private Server counted;

    Connector(Proxy backend, Channel client, RequestView request, ServerPool pool, Dialer dialer, Callback callback) {
        this.backend = backend;
        this.request = request;
        this.client = client;
        this.loop = client.eventLoop();
        this.pool = pool;
        this.dialer = dialer;
        this.callback = callback;
        this.retriesLeft = backend.config().retries();
    }

    void start() {
        pick(null);
    }

    /**
     * Sends the request to {@code server} rather than balancing, when it
     * {@linkplain Server#takesPersistentTraffic() takes traffic asked for by name}; when it is
     * full the request waits in that server's queue unless its {@code maxqueue} is reached.
     * Otherwise the backend balances as usual. Call before {@link #start()}.
     */
    void prefer(Server server) {
        this.preferred = server;
    }

    /** The client went away: give up whatever is in progress and free what is held. */
    void cancel() {
        cancelled = true;
        if (queued != null && queued.claim()) {
            queued.giveUp();
        }
    }

    /** Counts an attempt on {@code server}: a new session there, or a retry of the same one. */
    private void countAttempt(Server server) {
        if (counted == server) {
            server.counters().sessionRetried();
            return;
        }
        uncount();
        server.counters().sessionStarted();
        counted = server;
    }

    private void uncount() {
        if (counted != null) {
            counted.counters().sessionEnded();
            counted = null;
        }
    }

    long queueMillis() {
        return queueMillis;
    }

    long connectMillis() {
        return connectMillis;
    }

    /** Connection attempts made again, on the same server or another ({@code %rc}). */
    int retries() {
        return backend.config().retries() - retriesLeft;
    }

    long serverQueuePosition() {
        return serverQueuePosition;
    }

    long backendQueuePosition() {
        return backendQueuePosition;
    }

    Server lastTried() {
        return lastTried;
    }

    boolean redispatched() {
        return redispatched;
    }

    /** Whether the request waited in a queue (then {@link #queueMillis()} is its time there). */
    boolean reachedQueue() {
        return reachedQueue;
    }

    /** Whether it is waiting in a queue right now. */
    boolean isQueued() {
        return queued != null;
    }

    /** Whether the failure reported was a timeout (connect or queue) rather than a refusal. */
    boolean failedByTimeout() {
        return timedOut;
    }

    private void pick(Server avoid) {
        Server wanted = avoid == null ? preferred : null;
        preferred = null;
        if (wanted != null && wanted.takesPersistentTraffic()) {
            if (wanted.tryAcquire()) {
                connect(wanted);
                return;
            }
            int maxQueue = wanted.config().maxqueue();
            if (maxQueue <= 0 || wanted.queue().size() < maxQueue) {
                // HAProxy queues a request for a named server on that server, not the backend
                serverQueuePosition = wanted.queue().size() + 1;
                enqueue(wanted.queue(), () -> Dispatcher.enqueueOn(wanted, queued));
                return;
            }
        }
        Server s = Dispatcher.pick(backend, avoid, request);
        if (s != null) {
            connect(s);
        } else if (Dispatcher.hasCandidates(backend)) {
            backendQueuePosition = backend.queue().size() + 1;
            enqueue(backend.queue(), () -> Dispatcher.enqueue(backend, queued));
        } else {
            backend.backendCounters().connectionErrors.increment();
            callback.failed(503, "no server available");
        }
    }

    /** Waits in {@code queue} for a slot, at most {@code timeout queue}. */
    private void enqueue(PendingQueue queue, Runnable join) {
        queued = new QueuedRequest(System.nanoTime(), queue);
        reachedQueue = true;
        long timeout = backend.config().timeouts().effectiveQueue();
        if (timeout > 0) {
            queued.timer = loop.schedule(queued::expire, timeout, TimeUnit.MILLISECONDS);
        }
        join.run();
    }

    private void connect(Server server) {
        lastTried = server;
        countAttempt(server);
        Channel idle = pool == null ? null : pool.poll(server);
        if (idle != null) {
            server.counters().reuses.increment();
            backend.backendCounters().reuses.increment();
            connectMillis = 0;
            ServerSessions.register(server, idle);
            callback.connected(server, idle, true);
            return;
        }
        server.counters().connects.increment();
        backend.backendCounters().connects.increment();
        long start = System.nanoTime();
        dialer.dial(server, client, request).addListener((ChannelFuture f) -> {
            if (cancelled) {
                f.channel().close();
                uncount();
                Dispatcher.release(server);
            } else if (f.isSuccess()) {
                connectMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                TrafficHealth.connected(server);
                ServerSessions.register(server, f.channel());
                callback.connected(server, f.channel(), false);
            } else {
                failed(server, f.cause());
            }
        });
    }

    private void failed(Server server, Throwable cause) {
        TrafficHealth.connectFailed(server);
        BackendCounters sc = server.counters();
        BackendCounters bc = backend.backendCounters();
        Dispatcher.release(server);
        if (retriesLeft <= 0) {
            timedOut = cause instanceof io.netty.channel.ConnectTimeoutException;
            sc.connectionErrors.increment();
            bc.connectionErrors.increment();
            uncount();
            callback.failed(503, "connection to " + server + " failed: " + cause.getMessage());
            return;
        }
        retriesLeft--;
        if (backend.config().hasOption("redispatch")) {
            redispatched = true;
            sc.redispatches.increment();
            bc.redispatches.increment();
            uncount();
            pick(server);
            return;
        }
        sc.retries.increment();
        bc.retries.increment();
        loop.schedule(() -> {
            if (cancelled) {
                uncount();
                return;
            }
            if (server.isUsable() && server.tryAcquire()) {
                connect(server);
            } else {
                pick(null);
            }
        }, TURN_AROUND_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** This request's place in the backend queue. */
    private final class QueuedRequest extends Pending {
        final PendingQueue queue;
        ScheduledFuture<?> timer;

        QueuedRequest(long nanos, PendingQueue queue) {
            super(nanos);
            this.queue = queue;
        }

        @Override
        protected void granted(Server server) {
            loop.execute(() -> {
                if (timer != null) {
                    timer.cancel(false);
                }
                queued = null;
                if (cancelled) {
                    Dispatcher.release(server);
                    return;
                }
                queueMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - enqueuedNanos());
                connect(server);
            });
        }

        void expire() {
            if (claim()) {
                giveUp();
                queueMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - enqueuedNanos());
                timedOut = true;
                backend.backendCounters().connectionErrors.increment();
                callback.failed(503, "timeout in queue");
            }
        }

        void giveUp() {
            queue.remove(this);
            if (timer != null) {
                timer.cancel(false);
            }
            queued = null;
        }
    }
}
