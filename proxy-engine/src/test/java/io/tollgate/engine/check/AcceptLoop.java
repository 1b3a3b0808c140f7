package io.tollgate.engine.check;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.function.Consumer;

/** Serves each connection of a test server on its own daemon thread until the socket closes. */
final class AcceptLoop {
    private AcceptLoop() {
    }

    static void start(ServerSocket socket, String name, Consumer<Socket> session) {
        Thread acceptor = new Thread(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket c = socket.accept();
                    Thread t = new Thread(() -> session.accept(c), name + "-session");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        }, name);
        acceptor.setDaemon(true);
        acceptor.start();
    }
}
