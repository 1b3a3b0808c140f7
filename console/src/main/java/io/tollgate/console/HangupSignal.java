package io.tollgate.console;

import io.tollgate.engine.api.Engine;

import java.io.PrintWriter;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * {@code kill -HUP <pid>} reopens every {@code file@} log target, as the runtime API's
 * {@code reopen logs} does, so that logrotate's {@code postrotate} can be
 * {@code kill -HUP $(cat /run/tollgate.pid)}. Each reopen is told on standard error
 * ({@code [NOTICE] SIGHUP: log files reopened}).
 *
 * <p>HAProxy 2.6 gives SIGHUP another meaning: it dumps the state of every server into its logs
 * (one "SIGHUP received, dumping servers states" block per proxy). HAProxy writes no files, so it
 * has nothing to reopen; Tollgate does, and reopening on SIGHUP is what daemons that write their own
 * logs do. The server states stay one command away ({@code show servers state}).
 *
 * <p>The JVM's own handler would stop the process on SIGHUP; this one replaces it while installed
 * and puts it back on {@link #close()}. The handler runs on a thread the JVM starts per signal and
 * only queues the request ({@link Engine#reopenLogs()} never blocks); the log shipper's thread
 * does the reopening. {@code sun.misc.Signal} is in the {@code jdk.unsupported} module, which Java
 * 17 exports to every class path application, shaded jar included, without flags.
 */
final class HangupSignal implements AutoCloseable {
    private static final String HUP = "HUP";

    private final Signal signal;
    private final SignalHandler previous;

    private HangupSignal(Signal signal, SignalHandler previous) {
        this.signal = signal;
        this.previous = previous;
    }

    /**
     * Makes SIGHUP call {@code reopen}; where that cannot be (no SIGHUP on this system, or the JVM
     * runs with {@code -Xrs}), says so on {@code err} and returns null: the process runs on, and
     * {@code reopen logs} still works.
     */
    static HangupSignal install(Supplier<CompletableFuture<Void>> reopen, PrintWriter err) {
        try {
            Signal signal = new Signal(HUP);
            SignalHandler previous = Signal.handle(signal, s -> reopen.get().whenComplete((done, failure) -> {
                synchronized (err) {
                    err.println(failure == null ? "[NOTICE] SIGHUP: log files reopened"
                            : "[WARNING] SIGHUP: log files not reopened: " + failure);
                    err.flush();
                }
            }));
            return new HangupSignal(signal, previous);
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            synchronized (err) {
                err.println("[WARNING] SIGHUP will not reopen the log files (" + e.getMessage()
                        + "); use 'reopen logs' on the admin socket");
                err.flush();
            }
            return null;
        }
    }

    @Override
    public void close() {
        Signal.handle(signal, previous);
    }

    @Override
    public String toString() {
        return "SIGHUP handler";
    }
}
