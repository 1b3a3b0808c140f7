package io.tollgate.logship;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.EpollDomainDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.unix.DomainDatagramPacket;
import io.netty.channel.unix.DomainSocketAddress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Targets on this machine without a network: a Unix datagram socket (as /dev/log) and stdout. Like
 * haproxy 2.6.12 ({@code log stdout local0} printed {@code <134>Nov 23 20:45:05 haproxy[32397]: ...}
 * and {@code log stderr format raw local0} the bare line), a standard stream gets the target's
 * format and one {@code \n} per message.
 */
class LocalTargetsTest {

    @TempDir
    Path dir;

    @Test
    void aUnixDatagramSocketReceivesOneDatagramPerMessage() throws Exception {
        Path socket = dir.resolve("log.sock");
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
        try {
            Channel receiver = new Bootstrap().group(group).channel(EpollDomainDatagramChannel.class)
                    .handler(new SimpleChannelInboundHandler<DomainDatagramPacket>() {
                        @Override
                        protected void channelRead0(ChannelHandlerContext ctx, DomainDatagramPacket packet) {
                            received.add(packet.content().toString(StandardCharsets.UTF_8));
                        }
                    })
                    .bind(new DomainSocketAddress(socket.toString())).sync().channel();
            try (LogShipper shipper = new LogShipper(100, Clock.systemUTC(), p -> { })) {
                LogRoute route = Routes.of(socket + " local1 warning", "unix@" + socket + " format short local0");
                shipper.offer(route, Severity.ERR, "Server be/s1 is DOWN");
                assertThat(received.poll(10, TimeUnit.SECONDS))
                        .matches("<139>\\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d tollgate\\[4242\\]: Server be/s1 is DOWN\n");
                assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("<3>Server be/s1 is DOWN\n");
                assertThat(shipper.dropped()).isZero();
            }
            receiver.close().sync();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }

    @Test
    void aMissingUnixSocketCountsDrops() throws Exception {
        try (LogShipper shipper = new LogShipper(100, Clock.systemUTC(), p -> { })) {
            LogRoute route = Routes.of(dir.resolve("nobody.sock") + " local0");
            for (int i = 0; i < 200 && shipper.dropped() == 0; i++) {
                shipper.offer(route, Severity.INFO, "lost " + i);
                Thread.sleep(10);
            }
            assertThat(shipper.dropped()).isPositive();
        }
        assertThat(Files.exists(dir.resolve("nobody.sock"))).isFalse();
    }

    @Test
    void stdoutGetsOneLinePerMessageInTheTargetsFormat() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (LogShipper shipper = new LogShipper(100, Clock.systemUTC(), p -> { })) {
            LogRoute route = Routes.of("stdout format raw daemon", "stdout format short local0 err");
            shipper.offer(route, Severity.INFO, "hello");
            shipper.offer(route, Severity.CRIT, "broken");
        } finally {
            System.setOut(original);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).isEqualTo("hello\nbroken\n<2>broken\n");
    }
}
