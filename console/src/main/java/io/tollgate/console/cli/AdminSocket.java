package io.tollgate.console.cli;

import io.tollgate.engine.admin.RuntimeApi;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;

import jdk.net.ExtendedSocketOptions;

/**
 * One listening admin socket. Blocking I/O on threads of its own, never the engine's event loops:
 * an acceptor takes a connection only when one of the {@code stats maxconn} workers is free (the
 * others wait in the backlog, as HAProxy's listener does), and each worker holds one session.
 */
final class AdminSocket implements AutoCloseable {

    private final SocketSpec spec;
    private final RuntimeApi api;
    private final ConsoleCommands console;
    private final Duration timeout;
    private final ScheduledExecutorService timer;
    private final ServerSocketChannel server;
    private final Semaphore free;
    private final ExecutorService workers;
    private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;

    private AdminSocket(SocketSpec spec, RuntimeApi api, ConsoleCommands console, CliSettings settings,
                        ScheduledExecutorService timer, ServerSocketChannel server) {
        this.spec = spec;
        this.api = api;
        this.console = console;
        this.timeout = settings.timeout();
        this.timer = timer;
        this.server = server;
        this.free = new Semaphore(settings.maxconn());
        this.workers = Executors.newFixedThreadPool(settings.maxconn(), r -> daemon(r, "tollgate-cli " + spec.text()));
        this.acceptor = daemon(this::acceptLoop, "tollgate-cli-accept " + spec.text());
    }

    /** Binds {@code spec} and starts serving; fails with a message naming the address. */
    static AdminSocket open(SocketSpec spec, RuntimeApi api, ConsoleCommands console, CliSettings settings,
                            ScheduledExecutorService timer) throws IOException {
        ServerSocketChannel server = bind(spec);
        AdminSocket socket = new AdminSocket(spec, api, console, settings, timer, server);
        socket.acceptor.start();
        return socket;
    }

    private static ServerSocketChannel bind(SocketSpec spec) throws IOException {
        ServerSocketChannel server;
        try {
            if (!spec.isUnix()) {
                // the address's own family, so that 0.0.0.0 is IPv4 only, as HAProxy binds it
                InetSocketAddress inet = (InetSocketAddress) spec.address();
                return ServerSocketChannel.open(inet.getAddress() instanceof Inet6Address
                        ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET).bind(inet);
            }
            UnixDomainSocketAddress address = (UnixDomainSocketAddress) spec.address();
            UnixSocketFile.clear(address);
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(address);
        } catch (IOException e) {
            throw new IOException("cannot bind stats socket '" + spec.text() + "': " + e.getMessage(), e);
        }
        Path path = ((UnixDomainSocketAddress) spec.address()).getPath();
        try {
            spec.owner().apply(path);
            UnixSocketFile.applyMode(path, spec.mode());
            return server;
        } catch (IOException e) {
            server.close();
            Files.deleteIfExists(path);
            throw new IOException("stats socket '" + spec.text() + "' : " + e.getMessage(), e);
        }
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            try {
                free.acquire();
            } catch (InterruptedException e) {
                return;
            }
            try {
                SocketChannel connection = server.accept();
                open.add(connection);
                workers.execute(() -> serve(connection));
            } catch (IOException | RuntimeException e) { // closed, or the pool shut down
                free.release();
            }
        }
    }

    private void serve(SocketChannel connection) {
        IdleTimeout idle = new IdleTimeout(timer, timeout, connection);
        try (connection) {
            CliSession session = new CliSession(api, console, idle, peer(connection), from(connection), spec.level(),
                    spec.severityOutput());
            LineReader in = new LineReader(new BufferedInputStream(idle.watch(Channels.newInputStream(connection))));
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(connection));
            session.run(in, out);
            out.flush();
        } catch (IOException e) {
            // the client left, sent too long a line, or stayed idle: the connection just ends
        } finally {
            idle.cancel();
            open.remove(connection);
            free.release();
        }
    }

    /**
     * This socket as {@code show cli sockets} lists it: {@code unix@<path>}, {@code ipv4@<ip>:<port>} or
     * {@code ipv6@[<ip>]:<port>} (the port actually bound), then the level.
     */
    String describe() {
        String where;
        if (spec.isUnix()) {
            where = "unix@" + ((UnixDomainSocketAddress) spec.address()).getPath();
        } else {
            InetSocketAddress bound;
            try {
                bound = (InetSocketAddress) server.getLocalAddress();
            } catch (IOException e) {
                bound = (InetSocketAddress) spec.address();
            }
            where = bound.getAddress() instanceof Inet6Address six
                    ? "ipv6@[" + ipv6(six) + "]:" + bound.getPort()
                    : "ipv4@" + bound.getAddress().getHostAddress() + ":" + bound.getPort();
        }
        return where + " " + spec.level().name().toLowerCase(Locale.ROOT);
    }

    /** As inet_ntop writes it: the longest run of two or more zero groups becomes {@code ::}. */
    static String ipv6(Inet6Address address) {
        byte[] b = address.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (b[2 * i] & 0xff) << 8 | b[2 * i + 1] & 0xff;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }

    /** The peer's user name on a UNIX socket (cheap: the kernel's credentials), "-" otherwise. */
    private static String peer(SocketChannel connection) {
        try {
            return connection.getOption(ExtendedSocketOptions.SO_PEERCRED).user().getName();
        } catch (IOException | UnsupportedOperationException e) {
            return "-";
        }
    }

    private String from(SocketChannel connection) {
        try {
            return spec.isUnix() ? spec.text() : String.valueOf(connection.getRemoteAddress());
        } catch (IOException e) {
            return spec.text();
        }
    }

    /** Stops accepting, ends the sessions, and removes a UNIX socket's file. */
    @Override
    public void close() throws IOException {
        server.close();
        acceptor.interrupt();
        workers.shutdownNow();
        for (SocketChannel connection : open) {
            connection.close();
        }
        if (spec.isUnix()) {
            Files.deleteIfExists(((UnixDomainSocketAddress) spec.address()).getPath());
        }
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
