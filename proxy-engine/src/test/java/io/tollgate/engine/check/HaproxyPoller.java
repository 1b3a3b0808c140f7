package io.tollgate.engine.check;

import java.io.IOException;

/**
 * Reads HAProxy's stats CSV every 30 ms into a {@link StatusTrail}, on its own thread, until
 * closed: often enough to see every state that lasts a check interval of a few hundred ms.
 */
final class HaproxyPoller implements AutoCloseable {
    private static final long PERIOD_MILLIS = 30;
    private final Thread thread;
    private volatile boolean stopped;

    HaproxyPoller(HaproxyProcess haproxy, StatusTrail trail) {
        thread = new Thread(() -> {
            while (!stopped) {
                try {
                    trail.record(haproxy.csv());
                } catch (IOException e) {
                    // a poll that failed on a busy machine: the next one tells
                } catch (InterruptedException e) {
                    return;
                }
                try {
                    Thread.sleep(PERIOD_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "haproxy-poller");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.interrupt();
        thread.join(5000);
    }
}
