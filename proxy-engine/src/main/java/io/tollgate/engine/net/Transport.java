package io.tollgate.engine.net;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDomainSocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;

/** The one place that picks the native epoll transport when the platform has it, NIO otherwise. */
public enum Transport {
    EPOLL(EpollServerSocketChannel.class, EpollSocketChannel.class, EpollDomainSocketChannel.class),
    NIO(NioServerSocketChannel.class, NioSocketChannel.class, NioDomainSocketChannel.class);

    private final Class<? extends ServerChannel> serverChannel;
    private final Class<? extends SocketChannel> socketChannel;
    private final Class<? extends Channel> domainChannel;

    Transport(Class<? extends ServerChannel> serverChannel, Class<? extends SocketChannel> socketChannel,
              Class<? extends Channel> domainChannel) {
        this.serverChannel = serverChannel;
        this.socketChannel = socketChannel;
        this.domainChannel = domainChannel;
    }

    /** The channel class for connections to Unix domain sockets ({@code server s /path}). */
    public Class<? extends Channel> domainChannel() {
        return domainChannel;
    }

    /** The address of a Unix socket, in the form this transport's channels take. */
    public SocketAddress domainAddress(String path) {
        return this == EPOLL ? new DomainSocketAddress(path) : UnixDomainSocketAddress.of(path);
    }

    /** Epoll unless unavailable or disabled with {@code -Dtollgate.transport=nio}. */
    public static Transport best() {
        if ("nio".equalsIgnoreCase(System.getProperty("tollgate.transport"))) {
            return NIO;
        }
        return Epoll.isAvailable() ? EPOLL : NIO;
    }

    public EventLoopGroup newGroup(int threads, String name) {
        IoHandlerFactory factory = this == EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(name, true), factory);
    }

    public Class<? extends ServerChannel> serverChannel() {
        return serverChannel;
    }

    public Class<? extends SocketChannel> socketChannel() {
        return socketChannel;
    }
}
