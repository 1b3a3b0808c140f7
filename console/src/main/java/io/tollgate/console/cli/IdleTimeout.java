package io.tollgate.console.cli;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code stats timeout}: closes a connection that sent nothing for that long. Blocking channel reads
 * have no timeout of their own, so a shared timer closes the channel, which ends the blocked read
 * (or a write to a client that stopped reading) with an exception. A session may change its own
 * with {@code set timeout cli}, from its next wait on.
 */
final class IdleTimeout {

    private final ScheduledExecutorService timer;
    private volatile Duration timeout;
    private final Closeable connection;
    private ScheduledFuture<?> pending;

    IdleTimeout(ScheduledExecutorService timer, Duration timeout, Closeable connection) {
        this.timer = timer;
        this.timeout = timeout;
        this.connection = connection;
    }

    /** {@code in}, restarting the countdown each time more input is asked for. */
    InputStream watch(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                restart();
                return super.read(b, off, len);
            }
        };
    }

    /** {@code set timeout cli}: this connection's timeout from now on. */
    void change(Duration timeout) {
        this.timeout = timeout;
    }

    Duration timeout() {
        return timeout;
    }

    synchronized void restart() {
        cancel();
        pending = timer.schedule(this::expire, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    synchronized void cancel() {
        if (pending != null) {
            pending.cancel(false);
        }
    }

    private void expire() {
        try {
            connection.close();
        } catch (IOException e) {
            // closing is all there is to do
        }
    }
}
