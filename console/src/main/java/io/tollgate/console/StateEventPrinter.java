package io.tollgate.console;

import io.tollgate.engine.runtime.Server;
import io.tollgate.engine.runtime.ServerEvent;
import io.tollgate.engine.runtime.StateChanges;

import java.io.PrintWriter;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * Prints state-change events on stderr as HAProxy does in the foreground
 * ({@code [WARNING]  (pid) : Server b/s is DOWN, ...}), from a thread of its own: events are
 * raised on event loops, which must not wait for a terminal. When the queue is full an event is
 * dropped and counted rather than blocking.
 */
final class StateEventPrinter implements StateChanges.Listener, AutoCloseable {
    private static final int CAPACITY = 4096;
    private static final String STOP = new String("stop");

    private final BlockingQueue<String> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final LongAdder dropped = new LongAdder();
    private final PrintWriter err;
    private final Thread thread;

    private StateEventPrinter(PrintWriter err) {
        this.err = err;
        this.thread = new Thread(this::drain, "tollgate-events");
        this.thread.setDaemon(true);
    }

    /** A running printer, to be given to the engine as a listener before it starts (it must hear the first checks). */
    static StateEventPrinter start(PrintWriter err) {
        StateEventPrinter printer = new StateEventPrinter(err);
        printer.thread.start();
        return printer;
    }

    /** HAProxy's prefix: the tag in brackets padded to 11 columns, then the pid. */
    static String line(ServerEvent event, long pid) {
        String tag = "[" + event.stderrTag() + "]";
        return String.format("%-11s(%d) : %s", tag, pid, event.stderr());
    }

    @Override
    public void serverChanged(Server server, String what, String cause) {
    }

    @Override
    public void event(ServerEvent event) {
        if (event.stderr() != null && !queue.offer(line(event, ProcessHandle.current().pid()))) {
            dropped.increment();
        }
    }

    /** Events not printed because the queue was full. */
    long dropped() {
        return dropped.sum();
    }

    private void drain() {
        try {
            while (true) {
                String line = queue.take();
                if (line == STOP) {
                    return;
                }
                err.println(line);
                if (queue.isEmpty()) {
                    err.flush();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        queue.offer(STOP);
        thread.join(2000);
        err.flush();
    }
}
