package io.tollgate.engine.check;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A port on 127.0.0.1 that accepts connections and never answers nor reads: an HTTP check
 * connects, sends its request and waits until {@code timeout check} ({@code L7TOUT}).
 */
final class SilentServer implements AutoCloseable {
    private final ServerSocket listener;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final List<Long> acceptNanos = new CopyOnWriteArrayList<>();

    SilentServer() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptUntilClosed, "silent-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** When each connection was accepted ({@link System#nanoTime}), in order. */
    List<Long> acceptNanos() {
        return List.copyOf(acceptNanos);
    }

    private void acceptUntilClosed() {
        while (!listener.isClosed()) {
            try {
                Socket s = listener.accept();
                acceptNanos.add(System.nanoTime());
                held.add(s); // kept open, unread, until close()
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket s : held) {
            s.close();
        }
    }
}
