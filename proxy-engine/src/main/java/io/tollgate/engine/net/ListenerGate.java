package io.tollgate.engine.net;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.tollgate.engine.runtime.FrontendListeners;
import io.tollgate.engine.runtime.Proxy;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A frontend's listening sockets and its {@code maxconn}, as HAProxy's FULL listeners do it: at
 * the limit, the listening sockets stop accepting, so newcomers wait in the kernel's backlog. A
 * listener may still have accepted a few connections in the same batch before it paused; those
 * are held, unread and uncounted, exactly as if they were still in the backlog, and admitted in
 * arrival order as sessions end. So {@code scur} never exceeds {@code maxconn}. A session also
 * takes a place of the process's {@code maxconn} ({@link ProcessSlots}), which pauses every
 * frontend alike.
 *
 * <p>The runtime API changes the limit ({@code set maxconn frontend}: a higher one lets held
 * connections in at once) and the sockets themselves: {@code disable frontend} closes them, so
 * that connects are refused as HAProxy's paused listeners refuse them, {@code enable frontend}
 * binds the same addresses again, {@code shutdown frontend} closes them for good. Connections
 * already accepted go on in every case.
 */
final class ListenerGate implements FrontendListeners {
    private record Held(Channel channel, Runnable start) {
    }

    /** Binds a listener again on the port it first got (a port 0 in the configuration got one of its own). */
    interface Binder {
        Channel bind(int port) throws InterruptedException;
    }

    private static final class Listener {
        private final Binder binder;
        private final int port;
        private volatile Channel channel;

        Listener(Channel channel, Binder binder) {
            this.channel = channel;
            this.binder = binder;
            this.port = ((java.net.InetSocketAddress) channel.localAddress()).getPort();
        }
    }

    private final Proxy frontend;
    private final ProcessSlots process;
    private volatile int maxconn;
    private final AtomicInteger admitted = new AtomicInteger();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Queue<Held> held = new ConcurrentLinkedQueue<>();
    private volatile boolean full;
    /**
     * Serialises pausing, resuming and stopping, apart from the monitor of {@link #setAccepting}:
     * binding waits for an event loop, which may be waiting for that monitor.
     */
    private final Object sockets = new Object();

    /** The limit at start is the frontend's ({@code maxconn}, else the global one); none when 0. */
    /** The process's current sessions ({@code %ac}). */
    long processConnections() {
        return process.active();
    }

    ListenerGate(Proxy frontend, ProcessSlots process) {
        this.frontend = frontend;
        this.process = process;
        process.add(this);
        int m = frontend.frontendMaxconn();
        this.maxconn = m <= 0 ? Integer.MAX_VALUE : m;
    }

    void add(Channel listener, Binder binder) {
        listeners.add(new Listener(listener, binder));
    }

    /** How many sockets this frontend binds, paused or not (HAProxy's {@code Listeners} counts them all). */
    int size() {
        return listeners.size();
    }

    /** The listening sockets now (they change when the frontend is paused and resumed). */
    List<Channel> channels() {
        List<Channel> all = new ArrayList<>();
        for (Listener l : listeners) {
            all.add(l.channel);
        }
        return all;
    }

    /**
     * A connection was accepted: {@code start} runs now (on the caller's loop) if there is room,
     * or later on the connection's own loop when a session ends. Until then it is not read.
     */
    void admit(Channel channel, Runnable start) {
        if (tryTake()) {
            start.run();
            return;
        }
        channel.config().setAutoRead(false);
        held.add(new Held(channel, start));
        // a session may have ended between the failed take and the hold
        admitHeld();
    }

    /** An admitted session ended: its place goes to a held connection, or the listeners resume. */
    void released() {
        admitted.decrementAndGet();
        process.release();
    }

    private boolean tryTake() {
        int n;
        do {
            n = admitted.get();
            if (n >= maxconn) {
                setAccepting(false);
                return false;
            }
        } while (!admitted.compareAndSet(n, n + 1));
        if (!process.tryTake()) {
            admitted.decrementAndGet();
            return false;
        }
        if (n + 1 >= maxconn) {
            setAccepting(false);
        }
        return true;
    }

    /** The process reached its {@code maxconn}: stop accepting until it has room. */
    void processFull() {
        if (!full) {
            setAccepting(false);
        }
    }

    /** A session ended somewhere, or the process limit rose: let a held connection in, or listen again. */
    void wake() {
        if (full || !held.isEmpty()) {
            admitHeld();
        }
    }

    private void admitHeld() {
        Held h;
        while ((h = held.peek()) != null) {
            if (!h.channel().isActive()) {
                held.remove(h);
                continue;
            }
            if (!tryTake()) {
                return;
            }
            if (held.remove(h)) {
                Held admittedOne = h;
                h.channel().eventLoop().execute(() -> {
                    if (admittedOne.channel().isActive()) {
                        admittedOne.start().run();
                    } else {
                        released();
                    }
                });
            } else {
                // another thread admitted it first: give the place back
                admitted.decrementAndGet();
            }
        }
        if (admitted.get() < maxconn && process.hasRoom()) {
            setAccepting(true);
        }
    }

    boolean isFull() {
        return full;
    }

    private synchronized void setAccepting(boolean accepting) {
        if (full != accepting) {
            return;
        }
        if (accepting && (admitted.get() >= maxconn || !held.isEmpty() || !process.hasRoom())) {
            return;
        }
        full = !accepting;
        for (Listener l : listeners) {
            l.channel.config().setAutoRead(accepting);
        }
    }

    @Override
    public void maxconnChanged() {
        maxconn = Math.max(0, frontend.frontendMaxconn());
        if (admitted.get() >= maxconn) {
            setAccepting(false);
        }
        admitHeld();
    }

    @Override
    public boolean pause() {
        synchronized (sockets) {
            closeAll();
            return true;
        }
    }

    @Override
    public boolean resume() {
        synchronized (sockets) {
            return rebind();
        }
    }

    private boolean rebind() {
        List<Channel> bound = new ArrayList<>();
        try {
            for (Listener l : listeners) {
                bound.add(l.binder.bind(l.port));
            }
        } catch (InterruptedException | RuntimeException e) {
            bound.forEach(ch -> await(ch.close()));
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
        for (int i = 0; i < bound.size(); i++) {
            Channel ch = bound.get(i);
            listeners.get(i).channel = ch;
            // read after the swap: a racing setAccepting has seen either this channel or the flag
            ch.config().setAutoRead(!full);
        }
        return true;
    }

    @Override
    public void stop() {
        synchronized (sockets) {
            closeAll();
        }
    }

    private void closeAll() {
        for (Listener l : listeners) {
            await(l.channel.close());
        }
    }

    /** The runtime API runs on threads of its own; an event loop must not wait for itself. */
    private static void await(ChannelFuture f) {
        if (!f.channel().eventLoop().inEventLoop()) {
            f.awaitUninterruptibly();
        }
    }
}
