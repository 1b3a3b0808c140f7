package io.tollgate.engine.check;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP server on 127.0.0.1 for check tests, each connection served on its own thread by a
 * {@link Behaviour}: the usual ones are a banner then line replies, silence, a short reply then
 * close, a reset, and a binary greeting then echo. It records the lines it read.
 */
final class ScriptedTcpServer implements AutoCloseable {
    /** What the server does with one connection. */
    @FunctionalInterface
    interface Behaviour {
        void serve(Socket socket, ScriptedTcpServer server) throws IOException, InterruptedException;
    }

    private final ServerSocket listener;
    private final Thread acceptor;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    final List<String> lines = new CopyOnWriteArrayList<>();

    ScriptedTcpServer(Behaviour behaviour) throws IOException {
        listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        acceptor = daemon("scripted-tcp-" + listener.getLocalPort(), () -> {
            while (!listener.isClosed()) {
                try {
                    Socket s = listener.accept();
                    open.add(s);
                    daemon("scripted-tcp-conn", () -> serve(behaviour, s));
                } catch (IOException e) {
                    return; // closed
                }
            }
        });
    }

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private void serve(Behaviour behaviour, Socket s) {
        try (s) {
            behaviour.serve(s, this);
        } catch (IOException | InterruptedException e) {
            // the check went away: nothing to do
        } finally {
            open.remove(s);
        }
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Sends {@code banner}, then answers every line with "OK " and the line, CRLF-terminated. */
    static Behaviour bannerThenReplies(String banner) {
        return (socket, server) -> {
            OutputStream out = socket.getOutputStream();
            out.write(banner.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String line;
            while ((line = readLine(socket.getInputStream())) != null) {
                server.lines.add(line);
                out.write(("OK " + line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            }
        };
    }

    /** Says nothing and keeps the connection open until the check closes it. */
    static Behaviour silent() {
        return (socket, server) -> {
            InputStream in = socket.getInputStream();
            while (in.read() >= 0) {
                // swallow
            }
        };
    }

    /** Sends {@code reply} (possibly nothing) and closes. */
    static Behaviour replyThenClose(byte[] reply) {
        return (socket, server) -> {
            socket.getOutputStream().write(reply);
            socket.getOutputStream().flush();
            socket.shutdownOutput();
        };
    }

    /** Sends {@code greeting}, then echoes every byte back. */
    static Behaviour greetThenEcho(byte[] greeting) {
        return (socket, server) -> {
            OutputStream out = socket.getOutputStream();
            out.write(greeting);
            out.flush();
            byte[] buf = new byte[4096];
            int n;
            while ((n = socket.getInputStream().read(buf)) >= 0) {
                out.write(buf, 0, n);
                out.flush();
            }
        };
    }

    /**
     * Sends {@code before} (possibly nothing), then aborts the connection with a reset, 500 ms
     * after accepting it: a reset that beat a checker still warming up to its connect
     * notification would make the connect itself fail (L4CON), in HAProxy too.
     */
    static Behaviour reset(byte[] before) {
        return (socket, server) -> {
            socket.getOutputStream().write(before);
            socket.getOutputStream().flush();
            Thread.sleep(500);
            socket.setSoLinger(true, 0);
        };
    }

    /** A line without its CR LF, or null at the end of the stream. */
    private static String readLine(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                int len = b.length();
                return len > 0 && b.charAt(len - 1) == '\r' ? b.substring(0, len - 1) : b.toString();
            }
            b.append((char) c);
        }
        return b.isEmpty() ? null : b.toString();
    }

    /** A port nothing listens on (bound, then released), for "Connection refused". */
    static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket s : open) {
            s.close();
        }
        acceptor.interrupt();
    }
}
