package io.tollgate.engine.check;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny SMTP server on 127.0.0.1 for {@code option smtpchk}: it sends {@code greeting}, answers
 * {@code HELO}/{@code EHLO} with {@code helloReply} (then hangs up if {@code closeAfterHello}),
 * {@code QUIT} with {@code 221 2.0.0 Bye}, and records the command lines it received.
 */
final class SmtpResponder implements AutoCloseable {
    static final String READY = "220 mail.example ESMTP ready\r\n";
    static final String HELLO_OK = "250 mail.example Hello there\r\n";
    static final String EHLO_OK = "250-mail.example Hello there\r\n250-SIZE 1000\r\n250 HELP\r\n";

    private final ServerSocket socket;
    private final String greeting;
    private final String helloReply;
    private final boolean closeAfterHello;
    final List<String> commands = new CopyOnWriteArrayList<>();

    SmtpResponder(String greeting, String helloReply, boolean closeAfterHello) throws IOException {
        this.greeting = greeting;
        this.helloReply = helloReply;
        this.closeAfterHello = closeAfterHello;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        AcceptLoop.start(socket, "smtp-responder", this::serve);
    }

    int port() {
        return socket.getLocalPort();
    }

    private void serve(Socket c) {
        try (c) {
            OutputStream out = c.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.US_ASCII));
            out.write(greeting.getBytes(StandardCharsets.US_ASCII));
            String line;
            while ((line = in.readLine()) != null) {
                commands.add(line);
                if (line.startsWith("QUIT")) {
                    out.write("221 2.0.0 Bye\r\n".getBytes(StandardCharsets.US_ASCII));
                    return;
                }
                out.write(helloReply.getBytes(StandardCharsets.US_ASCII));
                if (closeAfterHello) {
                    return;
                }
            }
        } catch (IOException e) {
            // the check hung up first
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
