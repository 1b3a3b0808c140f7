package io.tollgate.logship;

import java.nio.file.Path;

/** Where a log target's bytes go; equal endpoints share one transport (one socket, one open file). */
public sealed interface Endpoint {

    /** Syslog datagrams to {@code host:port} (HAProxy's {@code ip:port}, {@code udp@}, {@code ipv4@}, {@code ipv6@}). */
    record Udp(String host, int port) implements Endpoint { }

    /** A TCP stream with RFC 6587 octet-counted frames ({@code tcp@host:port}). */
    record Tcp(String host, int port) implements Endpoint { }

    /** A Unix datagram socket such as {@code /dev/log}. */
    record UnixDatagram(Path path) implements Endpoint { }

    /** The process's standard output (fd 1) or error (fd 2): one line per message. */
    record StandardStream(int fd) implements Endpoint { }

    /** Tollgate's own rotating file ({@code file@<path>}). */
    record File(Path path, Rotation rotation) implements Endpoint { }
}
