package io.tollgate.engine.net;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.tollgate.engine.runtime.Server;

import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Idle keep-alive connections to servers, owned by one event loop and only touched from it, so
 * it needs no locks (the habit of Armeria's and reactor-netty's pools; Netty's SimpleChannelPool
 * shares one deque across loops). Most recently used first, so a few warm connections serve a
 * light load and the others age out; at most {@value #MAX_IDLE_PER_SERVER} idle per server and
 * loop; idle longer than {@value #IDLE_MILLIS} ms closed by a periodic purge (HAProxy's
 * {@code pool-purge-delay} default).
 */
final class ServerPool {
    static final int MAX_IDLE_PER_SERVER = 256;
    static final long IDLE_MILLIS = 5_000;

    private record Idle(Channel channel, long sinceNanos) {
    }

    private final EventLoop loop;
    private final Map<Server, ArrayDeque<Idle>> idle = new IdentityHashMap<>();

    ServerPool(EventLoop loop) {
        this.loop = loop;
        loop.scheduleAtFixedRate(this::purge, IDLE_MILLIS, IDLE_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** A live idle connection to {@code server}, or null. */
    Channel poll(Server server) {
        assert loop.inEventLoop();
        ArrayDeque<Idle> q = idle.get(server);
        if (q == null) {
            return null;
        }
        Idle i;
        while ((i = q.pollFirst()) != null) {
            Integer version = i.channel().attr(ServerTransport.ADDRESS_VERSION).get();
            if (version != null && version != server.addressVersion()) {
                i.channel().close(); // opened before 'set server addr': new requests go to the new address
            } else if (i.channel().isActive()) {
                return i.channel();
            }
        }
        return null;
    }

    /**
     * Keeps a connection for reuse, or closes it when the pool is full or the connection is
     * private to the client it was opened for (its PROXY header, or its SNI taken from the
     * request, would be wrong for another: {@link ServerTransport#PRIVATE}).
     */
    void offer(Server server, Channel channel) {
        assert loop.inEventLoop();
        if (channel.hasAttr(ServerTransport.PRIVATE)) {
            channel.close();
            return;
        }
        ArrayDeque<Idle> q = idle.computeIfAbsent(server, s -> new ArrayDeque<>());
        if (q.size() >= MAX_IDLE_PER_SERVER || !channel.isActive()) {
            channel.close();
            return;
        }
        q.addFirst(new Idle(channel, System.nanoTime()));
    }

    /** Forgets a connection that closed while idle. */
    void remove(Server server, Channel channel) {
        ArrayDeque<Idle> q = idle.get(server);
        if (q != null) {
            q.removeIf(i -> i.channel() == channel);
        }
    }

    int idleCount(Server server) {
        ArrayDeque<Idle> q = idle.get(server);
        return q == null ? 0 : q.size();
    }

    private void purge() {
        long limit = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(IDLE_MILLIS);
        for (ArrayDeque<Idle> q : idle.values()) {
            for (Iterator<Idle> it = q.descendingIterator(); it.hasNext(); ) {
                Idle i = it.next();
                if (i.sinceNanos() < limit || !i.channel().isActive()) {
                    it.remove();
                    i.channel().close();
                }
            }
        }
    }

    void closeAll() {
        for (ArrayDeque<Idle> q : idle.values()) {
            for (Idle i : q) {
                i.channel().close();
            }
            q.clear();
        }
    }
}
