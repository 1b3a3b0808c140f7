package io.tollgate.console;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;

/**
 * How long the program runs: in the foreground until SIGINT or SIGTERM (the JVM's shutdown hook)
 * or until {@link #end()} is called. Ending closes what was registered, most recent first, once;
 * a failure to close one thing is reported and the rest are still closed.
 */
final class Lifetime {

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private final Thread hook;

    private Lifetime(boolean untilSignal) {
        if (untilSignal) {
            hook = new Thread(this::end, "tollgate-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
        } else {
            hook = null;
        }
    }

    /** A lifetime that SIGINT/SIGTERM end. */
    static Lifetime untilSignal() {
        return new Lifetime(true);
    }

    /** A lifetime that only {@link #end()} ends (tests). */
    static Lifetime untilEnded() {
        return new Lifetime(false);
    }

    /** Closes {@code resource} when this lifetime ends (at once if it already has). */
    <T extends AutoCloseable> T register(T resource) {
        boolean alreadyEnded;
        synchronized (this) {
            alreadyEnded = isEnded();
            if (!alreadyEnded) {
                resources.push(resource);
            }
        }
        if (alreadyEnded) {
            closeQuietly(resource);
        }
        return resource;
    }

    /** Closes everything registered, most recent first; later calls do nothing. */
    void end() {
        synchronized (this) {
            if (isEnded()) {
                return;
            }
            while (!resources.isEmpty()) {
                closeQuietly(resources.pop());
            }
            ended.countDown();
        }
        if (hook != null && Thread.currentThread() != hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting: the hook has run or is running end() itself
            }
        }
    }

    /** True when signals end it (the program), false when only {@link #end()} does (tests in-process). */
    boolean followsSignals() {
        return hook != null;
    }

    boolean isEnded() {
        return ended.getCount() == 0;
    }

    /** Blocks until {@link #end()} has closed everything. */
    void await() throws InterruptedException {
        ended.await();
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            System.err.println("[WARNING] while stopping " + resource + ": " + e);
        }
    }
}
