package io.tollgate.engine.check;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A load-balancing agent on 127.0.0.1 for agent-check tests: answers every connection with the
 * reply the test last set, then closes. With {@code readsLine}, it first reads the checker's
 * {@code agent-send} line and remembers it, so that two checkers (Tollgate and HAProxy) sharing
 * one agent can be told apart.
 */
final class TestAgent implements AutoCloseable {
    /** One connection served: what the checker sent, and which reply (by generation) it got. */
    record Served(String sent, int generation) {
    }

    private final ServerSocket socket;
    private final boolean readsLine;
    private final AtomicInteger generation = new AtomicInteger();
    private volatile byte[] reply;
    final List<Served> served = new CopyOnWriteArrayList<>();

    TestAgent(boolean readsLine, String firstReply) throws IOException {
        this.readsLine = readsLine;
        this.reply = firstReply.getBytes(StandardCharsets.UTF_8);
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::acceptLoop, "test-agent-" + socket.getLocalPort());
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    /** The raw bytes of the next replies (a line usually ends with {@code \n}). */
    void reply(String text) {
        reply = text.getBytes(StandardCharsets.UTF_8);
        generation.incrementAndGet();
    }

    /** Waits until {@code count} checkers that sent {@code sent} got the current reply. */
    void awaitServed(String sent, int count) throws InterruptedException {
        int current = generation.get();
        CheckedEngine.await(Duration.ofSeconds(10), count + " runs of " + sent.strip() + " on reply " + current,
                () -> served.stream().filter(s -> s.generation() == current && s.sent().equals(sent)).count() >= count);
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket c = socket.accept();
                Thread t = new Thread(() -> serve(c), "test-agent-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket c) {
        try (c) {
            String sent = readsLine ? readLine(c) : "";
            int gen = generation.get();
            OutputStream out = c.getOutputStream();
            out.write(reply);
            out.flush();
            served.add(new Served(sent, gen));
        } catch (IOException e) {
            // the checker gave up (a timeout): nothing to answer
        }
    }

    private static String readLine(Socket c) throws IOException {
        c.setSoTimeout(2000);
        InputStream in = c.getInputStream();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            for (int b = in.read(); b >= 0; b = in.read()) {
                line.write(b);
                if (b == '\n') {
                    break;
                }
            }
        } catch (SocketTimeoutException e) {
            // sent nothing, or no line end
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
