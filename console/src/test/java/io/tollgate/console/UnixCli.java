package io.tollgate.console;

import java.io.IOException;
import java.io.InputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** A runtime API client on a UNIX socket in the JDK's own channels (tests; faster than socat for loops). */
final class UnixCli {

    private UnixCli() {
    }

    /** Sends one line (non-interactive mode) and returns everything answered until the server closes. */
    static String ask(Path socket, String line) throws IOException {
        return converse(socket, line + "\n");
    }

    /** Sends {@code input} as it is and returns everything answered until the server closes. */
    static String converse(Path socket, String input) throws IOException {
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            channel.write(ByteBuffer.wrap(input.getBytes(StandardCharsets.UTF_8)));
            InputStream in = Channels.newInputStream(channel);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The {@code status} column of one row of {@code show stat}. */
    static String status(Path socket, String proxy, String server) throws IOException {
        for (String row : ask(socket, "show stat").split("\n")) {
            if (row.startsWith(proxy + "," + server + ",")) {
                return row.split(",", -1)[17];
            }
        }
        throw new AssertionError("no row " + proxy + "/" + server + " in show stat");
    }
}
