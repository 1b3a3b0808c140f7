package io.tollgate.engine.net;

import io.tollgate.engine.log.AccessLogSink;
import io.tollgate.engine.runtime.Proxy;

import java.util.ArrayList;
import java.util.List;

/** An access-log sink for tests: keeps every line, and waits (boundedly) for the next ones. */
final class CapturedLog implements AccessLogSink {
    /** One line as the sink received it. */
    record Line(String frontend, int level, String message) {
    }

    private final List<Line> lines = new ArrayList<>();

    @Override
    public synchronized void log(Proxy frontend, int level, String message) {
        lines.add(new Line(frontend.name(), level, message));
        notifyAll();
    }

    /** Waits up to 10 s until {@code count} lines have arrived, then returns all of them. */
    synchronized List<Line> await(int count) throws InterruptedException {
        long end = System.nanoTime() + 10_000_000_000L;
        while (lines.size() < count) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("expected " + count + " log lines, got " + lines);
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return List.copyOf(lines);
    }

    /** The message of line {@code index} (0-based), waiting for it. */
    String message(int index) throws InterruptedException {
        return await(index + 1).get(index).message();
    }

    synchronized List<Line> all() {
        return List.copyOf(lines);
    }
}
