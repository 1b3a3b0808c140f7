package io.tollgate.logship;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDomainDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.unix.DomainDatagramPacket;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Datagrams to a Unix socket such as {@code /dev/log}. JDK 17 has no Unix datagram channel, so this
 * goes through Netty's native epoll transport, on one event-loop thread of its own. The socket is
 * not connected: each datagram is addressed, so a syslog daemon that restarts and recreates its
 * socket is reached again without reconnecting. Writes are asynchronous; failures (no receiver) and
 * messages refused while Netty's outbound buffer is above its high-water mark are counted as dropped.
 */
final class UnixDatagramTransport implements Transport {

    private final Endpoint.UnixDatagram endpoint;
    private final Drops drops;
    private final EventLoopGroup group;
    private final Channel channel;
    private final DomainSocketAddress address;
    private volatile boolean failing;

    // Active on registration lets an unbound, unconnected socket send addressed datagrams; Netty
    // deprecates the option without offering another way to do that.
    @SuppressWarnings("deprecation")
    UnixDatagramTransport(Endpoint.UnixDatagram endpoint, Drops drops) {
        if (!Epoll.isAvailable()) {
            throw new IllegalStateException("log target '" + endpoint.path()
                    + "': Unix datagram sockets need Netty's native epoll transport, which is unavailable: "
                    + Epoll.unavailabilityCause());
        }
        this.endpoint = endpoint;
        this.drops = drops;
        this.address = new DomainSocketAddress(endpoint.path().toString());
        this.group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("tollgate-log-unix", true),
                EpollIoHandler.newFactory());
        this.channel = new Bootstrap().group(group)
                .channel(EpollDomainDatagramChannel.class)
                .option(ChannelOption.DATAGRAM_CHANNEL_ACTIVE_ON_REGISTRATION, true)
                .handler(new ChannelInboundHandlerAdapter() {
                    @Override
                    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                        // a datagram socket has no connection to lose; send failures are counted below
                    }
                })
                .register().syncUninterruptibly().channel();
    }

    @Override
    public void send(byte[] buffer, int length, long epochMillis) {
        if (!channel.isWritable()) {
            drops.add(1);
            return;
        }
        DomainDatagramPacket packet = new DomainDatagramPacket(Unpooled.copiedBuffer(buffer, 0, length + 1), address);
        channel.writeAndFlush(packet).addListener(future -> {
            if (future.isSuccess()) {
                failing = false;
            } else {
                drops.add(1);
                if (!failing) {
                    failing = true;
                    drops.report("log target " + endpoint.path() + ": " + FailureText.of(future.cause()));
                }
            }
        });
    }

    @Override
    public void close() {
        channel.close().awaitUninterruptibly(1, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
}
