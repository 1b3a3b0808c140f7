package io.tollgate.logship;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Ships log messages to their targets without ever making the caller wait.
 *
 * <h2>Never in the way</h2>
 * {@link #offer} stamps the message with the time, puts one entry in a bounded queue and returns;
 * when the queue is full the message is dropped and counted. It takes no lock that a target could
 * hold and does no I/O, so event loops may call it.
 *
 * <h2>One thread does the rest</h2>
 * A daemon thread ({@code tollgate-log-shipper}) takes entries in batches and, for each target of
 * the message's route, filters by level and sampling, renders the target's format and hands the
 * bytes to the endpoint's transport. Transports are created on first use, one per distinct
 * {@link Endpoint}, and are only touched by this thread, so they need no locks. None of them blocks
 * for long: UDP and TCP sockets are non-blocking (a TCP target that stops reading fills a bounded
 * queue of frames, then drops), Unix datagrams go through a Netty event loop, files are local disk.
 * Every {@value #TICK_MILLIS} ms (at most, and at least), the thread ticks every transport:
 * file buffers are written out, TCP reconnects are attempted, moved files are noticed.
 *
 * <h2>What is counted</h2>
 * {@link #dropped()} is HAProxy's {@code DroppedLogs}: messages refused by a full queue, plus each
 * delivery to a target that failed or was refused (one message to two failing targets counts two).
 *
 * <h2>Stopping</h2>
 * {@link #close()} stops taking messages, lets the thread deliver what is queued and close the
 * transports (flushing files and TCP frames it can), waits for that within a bound, and counts
 * what is left as dropped.
 */
public final class LogShipper implements AutoCloseable {

    static final long TICK_MILLIS = 50;
    private static final int BATCH = 512;
    private static final int MAX_MESSAGE_BYTES = SyslogFormat.MAX_MAX_LENGTH;

    /** One queued message; the only object {@link #offer} allocates. */
    private record Entry(LogRoute route, Severity level, String text, String structuredData, long epochSecond,
                         int nano) { }

    private final BlockingQueue<Entry> queue;
    private final Clock clock;
    private final Drops drops;
    private final Thread thread;
    private final ConcurrentLinkedQueue<CompletableFuture<Void>> reopenRequests = new ConcurrentLinkedQueue<>();
    private volatile boolean closing;

    // owned by the shipper thread
    private final Map<Endpoint, Transport> transports = new HashMap<>();
    private final Map<LogTarget, long[]> sampleCounters = new IdentityHashMap<>();
    private final StringBuilder text = new StringBuilder(256);
    private final byte[] out = new byte[MAX_MESSAGE_BYTES + 1];
    private int renderedLength;

    /**
     * @param capacity messages that may wait for the shipper's thread
     * @param clock the time stamped on messages and used for file rotation (its zone is the local time)
     * @param problems told of a target that fails (once per episode, or at most once a minute) and
     *     of a file that recovers; called from the shipper's own threads, never from a caller's
     */
    public LogShipper(int capacity, Clock clock, Consumer<String> problems) {
        if (capacity < 1) {
            throw new IllegalArgumentException("log queue capacity must be at least 1, got " + capacity);
        }
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.clock = clock;
        this.drops = new Drops(problems);
        this.thread = new Thread(this::run, "tollgate-log-shipper");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * A shipper on the system clock that reports problems on standard error, as the program's other
     * runtime warnings are ({@code [WARNING] logs : log file /var/log/t.log: write failed, ...}).
     */
    public static LogShipper start(int capacity) {
        return new LogShipper(capacity, Clock.systemDefaultZone(),
                problem -> System.err.println("[WARNING] logs : " + problem));
    }

    /** Queues a message for the route's targets; false (and counted) when the queue is full. Never blocks. */
    public boolean offer(LogRoute route, Severity level, String message) {
        return offer(route, level, message, null);
    }

    /** As {@link #offer(LogRoute, Severity, String)}, with RFC 5424 structured data ({@code log-format-sd}). */
    public boolean offer(LogRoute route, Severity level, String message, String structuredData) {
        if (closing) {
            drops.add(1);
            return false;
        }
        Instant now = clock.instant();
        if (!queue.offer(new Entry(route, level, message, structuredData, now.getEpochSecond(), now.getNano()))) {
            drops.add(1);
            return false;
        }
        return true;
    }

    /** Messages dropped so far (HAProxy's {@code DroppedLogs}). */
    public long dropped() {
        return drops.total();
    }

    /** Messages waiting for the shipper's thread. */
    public int queued() {
        return queue.size();
    }

    /**
     * Reopens every file target (after an external logrotate moved them: {@code kill -HUP} or the
     * runtime API). Completes once the shipper's thread has reopened them; lines queued before the
     * call went to the old files.
     */
    public CompletableFuture<Void> reopen() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        reopenRequests.add(done);
        if (!thread.isAlive()) {
            done.complete(null);
        }
        return done;
    }

    @Override
    public void close() {
        closing = true;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(TimeUnit.SECONDS.toMillis(1));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        drops.add(queue.size());
        queue.clear();
    }

    private void run() {
        List<Entry> batch = new ArrayList<>(BATCH);
        long lastTick = 0;
        try {
            while (!closing || !queue.isEmpty()) {
                Entry first = queue.poll(TICK_MILLIS, TimeUnit.MILLISECONDS);
                if (first != null) {
                    deliver(first);
                    queue.drainTo(batch, BATCH - 1);
                    for (Entry e : batch) {
                        deliver(e);
                    }
                    batch.clear();
                }
                long now = System.nanoTime() / 1_000_000;
                // not after every batch: at a low rate each line is a batch, and a tick costs
                // system calls (a TCP target's liveness read, a file's write)
                if (first == null || now - lastTick >= TICK_MILLIS) {
                    lastTick = now;
                    tick(now);
                }
                answerReopenRequests();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            for (Transport t : transports.values()) {
                t.close();
            }
            answerReopenRequests();
        }
    }

    private void tick(long now) {
        for (Transport t : transports.values()) {
            t.tick(now);
        }
    }

    private void answerReopenRequests() {
        CompletableFuture<Void> request;
        while ((request = reopenRequests.poll()) != null) {
            for (Transport t : transports.values()) {
                t.reopen();
            }
            request.complete(null);
        }
    }

    private void deliver(Entry e) {
        OffsetDateTime time = null;
        for (LogTarget target : e.route().targets()) {
            if (!target.accepts(e.level())) {
                continue;
            }
            Sampling sampling = target.sampling();
            if (sampling != null && !sampling.accepts(sampleCounters.computeIfAbsent(target, t -> new long[1])[0]++)) {
                continue;
            }
            Transport transport = transport(target.endpoint());
            if (transport == null) {
                drops.add(1);
                continue;
            }
            if (time == null) {
                time = OffsetDateTime.ofInstant(Instant.ofEpochSecond(e.epochSecond(), e.nano()), clock.getZone());
            }
            try {
                render(e, target, time);
                transport.send(out, renderedLength, e.epochSecond() * 1000 + e.nano() / 1_000_000);
            } catch (RuntimeException ex) {
                // a bug in one transport must not stop the thread every target depends on
                drops.add(1);
                drops.report("log target " + target.endpoint() + ": " + ex);
            }
        }
    }

    /** Renders the message as {@code target} wants it into {@link #out}, followed by a newline. */
    private void render(Entry e, LogTarget target, OffsetDateTime time) {
        text.setLength(0);
        target.format().appendHeader(text, target.facility(), target.levelFor(e.level()), time,
                e.route().identity(), e.structuredData());
        text.append(e.text());
        renderedLength = Utf8.encode(text, out, target.maxLength());
        out[renderedLength] = '\n';
    }

    private Transport transport(Endpoint endpoint) {
        Transport transport = transports.get(endpoint);
        if (transport == null && !transports.containsKey(endpoint)) {
            try {
                transport = open(endpoint);
            } catch (IOException | RuntimeException ex) {
                drops.report("cannot open log target " + endpoint + ": " + FailureText.of(ex));
            }
            transports.put(endpoint, transport);
        }
        return transport;
    }

    private Transport open(Endpoint endpoint) throws IOException {
        if (endpoint instanceof Endpoint.Udp udp) {
            return new UdpTransport(udp, drops);
        } else if (endpoint instanceof Endpoint.Tcp tcp) {
            TcpTransport t = new TcpTransport(tcp, drops, new Backoff(100, 5000));
            t.tick(System.nanoTime() / 1_000_000);
            return t;
        } else if (endpoint instanceof Endpoint.UnixDatagram unix) {
            return new UnixDatagramTransport(unix, drops);
        } else if (endpoint instanceof Endpoint.StandardStream stream) {
            return new StandardStreamTransport(stream.fd(), drops);
        } else if (endpoint instanceof Endpoint.File file) {
            return new FileSink(file, clock, drops);
        }
        throw new IllegalArgumentException("unknown endpoint " + endpoint);
    }
}
