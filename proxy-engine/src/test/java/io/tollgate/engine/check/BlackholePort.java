package io.tollgate.engine.check;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * A port on 127.0.0.1 where connects time out ({@code L4TOUT}): a listening socket with a
 * backlog of 1 that never accepts, filled with connections until the kernel drops further SYNs
 * (Linux drops a SYN while the listener's accept queue is full, it does not refuse it).
 */
final class BlackholePort implements AutoCloseable {
    private static final int MAX_FILLERS = 16;
    private final ServerSocket listener;
    private final List<Socket> fillers = new ArrayList<>();

    BlackholePort() throws IOException {
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort());
        for (int i = 0; i < MAX_FILLERS; i++) {
            Socket s = new Socket();
            try {
                s.connect(address, 300);
                fillers.add(s);
            } catch (SocketTimeoutException e) {
                s.close();
                return; // the queue is full: from now on every SYN is dropped
            }
        }
        close();
        throw new IllegalStateException("the accept queue of port " + address.getPort() + " never filled after "
                + MAX_FILLERS + " connections: this kernel does not drop SYNs on a full backlog");
    }

    int port() {
        return listener.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        for (Socket s : fillers) {
            s.close();
        }
        listener.close();
    }
}
