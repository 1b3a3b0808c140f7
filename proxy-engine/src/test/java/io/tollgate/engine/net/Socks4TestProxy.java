package io.tollgate.engine.net;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A tiny SOCKS4 proxy on 127.0.0.1 for tests (blocking, a thread per direction): grants every
 * CONNECT, remembers where each one went ({@link #requests()}), then relays bytes both ways.
 */
final class Socks4TestProxy implements AutoCloseable {
    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "socks4-test");
        t.setDaemon(true);
        return t;
    });
    private final List<String> requests = new CopyOnWriteArrayList<>();

    Socks4TestProxy() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    /** "address:port" of each CONNECT, in order. */
    List<String> requests() {
        return requests;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                threads.execute(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try {
            DataInputStream in = new DataInputStream(client.getInputStream());
            int version = in.read();
            int command = in.read();
            int port = in.readUnsignedShort();
            byte[] ip = in.readNBytes(4);
            while (in.read() > 0) {
                // the user id, ignored
            }
            OutputStream out = client.getOutputStream();
            if (version != 4 || command != 1) {
                out.write(new byte[] {0, 0x5b, 0, 0, 0, 0, 0, 0});
                client.close();
                return;
            }
            InetAddress target = InetAddress.getByAddress(ip);
            requests.add(target.getHostAddress() + ":" + port);
            Socket upstream;
            try {
                upstream = new Socket(target, port);
            } catch (IOException e) {
                out.write(new byte[] {0, 0x5b, 0, 0, 0, 0, 0, 0});
                client.close();
                return;
            }
            out.write(new byte[] {0, 0x5a, 0, 0, 0, 0, 0, 0});
            out.flush();
            threads.execute(() -> pipe(in, upstream, client));
            pipe(upstream.getInputStream(), client, upstream);
        } catch (IOException e) {
            close(client);
        }
    }

    private static void pipe(InputStream from, Socket to, Socket source) {
        try {
            from.transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException e) {
            close(to);
            close(source);
        }
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already gone
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }
}
