package io.tollgate.engine.net;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A syslog UDP listener on 127.0.0.1 for tests: keeps every datagram (without its final newline)
 * in arrival order, read by a daemon thread, until closed.
 */
final class SyslogReceiver implements AutoCloseable {
    private final DatagramSocket socket;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread reader;

    SyslogReceiver() throws SocketException {
        socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        reader = new Thread(this::read, "syslog-receiver-" + socket.getLocalPort());
        reader.setDaemon(true);
        reader.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    /** Every datagram so far. */
    List<String> lines() {
        return List.copyOf(lines);
    }

    /**
     * Waits (at most about 10 s) until {@code count} datagrams arrived, then returns them all.
     *
     * @throws AssertionError saying what came when fewer did
     */
    List<String> await(int count) {
        for (int i = 0; i < 200 && lines.size() < count; i++) {
            RunningEngine.sleep(50);
        }
        if (lines.size() < count) {
            throw new AssertionError("expected " + count + " syslog datagrams on port " + port() + ", got "
                    + lines.size() + ": " + lines);
        }
        return lines();
    }

    /** Waits (at most about 10 s) for a datagram {@code wanted} accepts, and returns it. */
    String await(Predicate<String> wanted, String what) {
        for (int i = 0; i < 200; i++) {
            for (String line : lines) {
                if (wanted.test(line)) {
                    return line;
                }
            }
            RunningEngine.sleep(50);
        }
        throw new AssertionError("no syslog datagram " + what + " on port " + port() + "; got " + lines);
    }

    private void read() {
        byte[] buf = new byte[65536];
        while (!socket.isClosed()) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
            } catch (IOException e) {
                return; // closed
            }
            String line = new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
            lines.add(line.endsWith("\n") ? line.substring(0, line.length() - 1) : line);
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
