package io.tollgate.logship;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

/**
 * A syslog stream with RFC 6587 octet counting: each message is sent as {@code <length> <message>},
 * without a trailing newline.
 *
 * <p>The socket is non-blocking so that a receiver that stops reading never holds up the shipper's
 * thread: frames wait in a bounded queue of whole frames ({@link #MAX_PENDING_BYTES}) and new ones
 * are dropped while it is full. When the connection fails, the frame that was half written is
 * dropped (resending its tail would break the framing, resending it whole could duplicate it) and
 * the others wait for the next connection, attempted after a backoff that doubles from 100 ms to 5 s.
 * A connection attempt that has not completed within {@link #CONNECT_TIMEOUT_MILLIS} fails. Syslog
 * receivers never write, so each tick also reads: end of stream means the receiver closed, and the
 * transport reconnects before writing into a dead connection loses a message.
 */
final class TcpTransport implements Transport {

    static final int MAX_PENDING_BYTES = 256 * 1024;
    static final long CONNECT_TIMEOUT_MILLIS = 5000;

    private final Endpoint.Tcp endpoint;
    private final Drops drops;
    private final Backoff backoff;
    private final ArrayDeque<ByteBuffer> pending = new ArrayDeque<>();
    private long pendingBytes;
    private SocketChannel channel;
    private boolean connected;
    private long nextAttemptMillis;
    private boolean failing;
    private long nowMillis;
    private long connectStartedMillis;
    private final ByteBuffer scratch = ByteBuffer.allocate(512);

    TcpTransport(Endpoint.Tcp endpoint, Drops drops, Backoff backoff) {
        this.endpoint = endpoint;
        this.drops = drops;
        this.backoff = backoff;
    }

    @Override
    public void send(byte[] buffer, int length, long epochMillis) {
        byte[] prefix = (length + " ").getBytes(StandardCharsets.US_ASCII);
        int frameLength = prefix.length + length;
        if (pendingBytes + frameLength > MAX_PENDING_BYTES) {
            drops.add(1);
            return;
        }
        ByteBuffer frame = ByteBuffer.allocate(frameLength);
        frame.put(prefix).put(buffer, 0, length).flip();
        pending.add(frame);
        pendingBytes += frameLength;
        if (connected) {
            write();
        }
    }

    @Override
    public void tick(long nowMillis) {
        this.nowMillis = nowMillis;
        if (channel == null) {
            if (nowMillis >= nextAttemptMillis) {
                connect(nowMillis);
            }
            return;
        }
        if (!connected) {
            try {
                if (!channel.finishConnect()) {
                    if (nowMillis - connectStartedMillis >= CONNECT_TIMEOUT_MILLIS) {
                        fail(nowMillis, new IOException("connect timed out"));
                    }
                    return;
                }
                connected = true;
                failing = false;
                backoff.reset();
            } catch (IOException e) {
                fail(nowMillis, e);
                return;
            }
        }
        if (isClosedByPeer()) {
            fail(nowMillis, new IOException("connection closed by the receiver"));
            return;
        }
        write();
    }

    private boolean isClosedByPeer() {
        try {
            scratch.clear();
            return channel.read(scratch) < 0;
        } catch (IOException e) {
            return true;
        }
    }

    private void connect(long now) {
        try {
            InetSocketAddress address = new InetSocketAddress(endpoint.host(), endpoint.port());
            if (address.isUnresolved()) {
                throw new IOException("cannot resolve '" + endpoint.host() + "'");
            }
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            connectStartedMillis = now;
            if (channel.connect(address)) {
                connected = true;
                failing = false;
                backoff.reset();
                write();
            }
        } catch (IOException e) {
            fail(now, e);
        }
    }

    private void write() {
        try {
            while (!pending.isEmpty()) {
                ByteBuffer head = pending.peek();
                channel.write(head);
                if (head.hasRemaining()) {
                    return;
                }
                pending.poll();
                pendingBytes -= head.capacity();
            }
        } catch (IOException e) {
            fail(nowMillis, e);
        }
    }

    private void fail(long now, IOException cause) {
        closeChannel();
        ByteBuffer head = pending.peek();
        if (head != null && head.position() > 0) {
            pending.poll();
            pendingBytes -= head.capacity();
            drops.add(1);
        }
        nextAttemptMillis = now + backoff.nextDelayMillis();
        if (!failing) {
            failing = true;
            drops.report("log target tcp@" + endpoint.host() + ":" + endpoint.port() + ": " + FailureText.of(cause));
        }
    }

    private void closeChannel() {
        connected = false;
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // the connection is being abandoned anyway
            }
            channel = null;
        }
    }

    @Override
    public void close() {
        if (connected) {
            write();
        }
        drops.add(pending.size());
        pending.clear();
        pendingBytes = 0;
        closeChannel();
    }
}
