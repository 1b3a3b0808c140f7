package io.tollgate.console.cli;

import java.io.PrintWriter;
import java.io.Writer;

/**
 * What was printed on stderr while starting (the configuration's warnings), kept for
 * {@code show startup-logs} in the very text written, as HAProxy keeps its startup messages in a
 * 64 kB ring: past that size the oldest lines give way. Recording ends once started, so the later
 * state-change messages stay out, as in HAProxy.
 */
public final class StartupLog {
    static final int SIZE = 65536;

    private final StringBuilder text = new StringBuilder();
    private boolean ended;

    /** {@code err}, also recording here what is written through it until {@link #end()}. */
    public PrintWriter tee(PrintWriter err) {
        return new PrintWriter(new Writer() {
            @Override
            public void write(char[] chars, int off, int len) {
                err.write(chars, off, len);
                record(chars, off, len);
            }

            @Override
            public void flush() {
                err.flush();
            }

            @Override
            public void close() {
                err.flush();
            }
        });
    }

    /** Startup is over: nothing more is kept. */
    public synchronized void end() {
        ended = true;
    }

    /** What was kept, whole lines only. */
    public synchronized String text() {
        int lastLine = text.lastIndexOf("\n");
        return text.substring(0, lastLine + 1);
    }

    private synchronized void record(char[] chars, int off, int len) {
        if (ended) {
            return;
        }
        text.append(chars, off, len);
        if (text.length() > SIZE) {
            int cut = text.indexOf("\n", text.length() - SIZE);
            text.delete(0, cut < 0 ? text.length() - SIZE : cut + 1);
        }
    }
}
