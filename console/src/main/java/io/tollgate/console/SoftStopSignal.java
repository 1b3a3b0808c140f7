package io.tollgate.console;

import io.tollgate.engine.api.Engine;

import java.io.PrintWriter;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * {@code kill -USR1 <pid>}: HAProxy's soft stop. Every proxy stops listening and says so
 * ({@code Proxy fe stopped (cumulated conns: FE: 12, BE: 0).} on stderr and in its logs), idle
 * HTTP connections close, requests under way are answered, TCP sessions run to their end; the
 * process exits once no session is left. A new process can therefore take the ports over while the
 * old one finishes its work, as with HAProxy's {@code -sf}. There is no {@code hard-stop-after}
 * (still warned about as unsupported): a session that never ends keeps the process, as it keeps
 * HAProxy's without that keyword; SIGTERM still stops at once.
 *
 * <p>The handler runs on the thread the JVM starts for the signal; the engine's soft stop only
 * closes listeners and posts events to the event loops, and the wait for the last session runs on
 * a thread of its own.
 */
final class SoftStopSignal implements AutoCloseable {
    private static final String USR1 = "USR1";
    private static final long POLL_MILLIS = 100;

    private final Signal signal;
    private final SignalHandler previous;

    private SoftStopSignal(Signal signal, SignalHandler previous) {
        this.signal = signal;
        this.previous = previous;
    }

    /**
     * Makes SIGUSR1 soft-stop {@code engine} and end {@code lifetime} when its last session has
     * gone; where that cannot be, says so on {@code err} and returns null.
     */
    static SoftStopSignal install(Engine engine, Lifetime lifetime, PrintWriter err) {
        try {
            Signal signal = new Signal(USR1);
            SignalHandler previous = Signal.handle(signal, s -> softStop(engine, lifetime));
            return new SoftStopSignal(signal, previous);
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            synchronized (err) {
                err.println("[WARNING] SIGUSR1 will not stop softly (" + e.getMessage() + "); SIGTERM stops at once");
                err.flush();
            }
            return null;
        }
    }

    /** Stops listening now, then ends the lifetime from a thread of its own once no session is left. */
    static void softStop(Engine engine, Lifetime lifetime) {
        engine.softStop();
        Thread waiter = new Thread(() -> {
            try {
                while (engine.liveSessions() > 0 && !lifetime.isEnded()) {
                    Thread.sleep(POLL_MILLIS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            lifetime.end();
        }, "tollgate-soft-stop");
        waiter.setDaemon(true);
        waiter.start();
    }

    @Override
    public void close() {
        Signal.handle(signal, previous);
    }

    @Override
    public String toString() {
        return "SIGUSR1 handler";
    }
}
