package io.tollgate.engine.net;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslContextBuilder;
import io.tollgate.engine.acl.RequestView;
import io.tollgate.engine.config.Config;
import io.tollgate.engine.config.ConfigLoader;
import io.tollgate.engine.runtime.Proxies;
import io.tollgate.engine.runtime.Server;
import io.tollgate.engine.stats.Ticker;
import io.tollgate.engine.tls.CertifiedKey;
import io.tollgate.engine.tls.ServerTls;
import io.tollgate.engine.tls.ServerTlsContext;
import io.tollgate.engine.tls.SniExpression;
import io.tollgate.engine.tls.TlsDefaults;
import io.tollgate.engine.tls.TlsFixtures;
import io.tollgate.engine.tls.Verify;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Server connections opened for a client and its request ({@link NetContext#tcpDialer},
 * {@link NetContext#httpDialer}), which is what the PROXY header and a request-dependent SNI
 * read: here over real sockets, with a real accepted client connection.
 */
class ServerTransportTest {
    private final List<AutoCloseable> closing = new ArrayList<>();
    private final EventLoopGroup group = Transport.NIO.newGroup(1, "transport-test");

    @AfterEach
    void stop() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }

    /** A client connection as Tollgate's listener would hold it. */
    private Channel acceptedClient() throws Exception {
        CompletableFuture<Channel> accepted = new CompletableFuture<>();
        Channel listener = new ServerBootstrap().group(group).channel(Transport.NIO.serverChannel())
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new ChannelInboundHandlerAdapter());
                        accepted.complete(ch);
                    }
                }).bind("127.0.0.1", 0).sync().channel();
        closing.add(() -> listener.close().sync());
        Socket socket = new Socket("127.0.0.1", ((InetSocketAddress) listener.localAddress()).getPort());
        closing.add(socket);
        return accepted.get(5, TimeUnit.SECONDS);
    }

    private static Server server(int port) throws Exception {
        Path file = Files.createTempFile("transport", ".cfg");
        Files.writeString(file, "backend be\n  timeout connect 2s\n  server s1 127.0.0.1:" + port + "\n");
        Config config = ConfigLoader.load(List.of(file), Map.of(), file.getParent());
        Files.delete(file);
        Server s = new Proxies(config, Ticker.SYSTEM).backend("be").servers().get(0);
        s.resolve();
        return s;
    }

    private static void await(List<String> seen) throws InterruptedException {
        for (int i = 0; i < 100 && seen.isEmpty(); i++) {
            Thread.sleep(20);
        }
    }

    @Test
    void thePROXYHeaderNamesTheClientAsTheListenerSawIt() throws Exception {
        Upstream behind = new Upstream("behind", null, true);
        closing.add(behind);
        Server s = server(behind.port());
        Channel client = acceptedClient();
        NetContext v1 = new NetContext(Transport.NIO, Map.of(s, new ServerTransport(null, 1, null, 2000)));
        v1.tcpDialer.dial(s, client, null).sync().channel().close();
        await(behind.proxyHeaders());
        InetSocketAddress src = (InetSocketAddress) client.remoteAddress();
        InetSocketAddress dst = (InetSocketAddress) client.localAddress();
        assertThat(behind.proxyHeaders()).containsExactly(
                "PROXY TCP4 127.0.0.1 127.0.0.1 " + src.getPort() + " " + dst.getPort());

        // behind accept-proxy, the header passes on the client its own header named
        ClientConnection.proxied(client, new InetSocketAddress(InetAddress.getByName("192.0.2.10"), 5555),
                new InetSocketAddress(InetAddress.getByName("198.51.100.1"), 443));
        NetContext v2 = new NetContext(Transport.NIO, Map.of(s, new ServerTransport(null, 2, null, 2000)));
        Channel ch = v2.tcpDialer.dial(s, client, null).sync().channel();
        assertThat(ch.hasAttr(ServerTransport.PRIVATE)).isTrue();
        ch.close();
        for (int i = 0; i < 100 && behind.proxyHeaders().size() < 2; i++) {
            Thread.sleep(20);
        }
        assertThat(behind.proxyHeaders()).element(1).isEqualTo("PROXY TCP4 192.0.2.10 198.51.100.1 5555 443");
    }

    @Test
    void sniCanComeFromTheRequest() throws Exception {
        CertifiedKey k = TlsFixtures.key("localhost.pem");
        Upstream secure = new Upstream("secure", SslContextBuilder.forServer(k.key(), k.chain()).build(), false);
        closing.add(secure);
        Server s = server(secure.port());
        ServerTls tls = ServerTls.DEFAULT.withVerify(Verify.NONE).withSni(SniExpression.parse("req.hdr(host),field(1,:)"));
        ServerTlsContext ctx = ServerTlsContext.build(tls, TlsDefaults.NONE, Path::of);
        NetContext net = new NetContext(Transport.NIO, Map.of(s, new ServerTransport(null, 0, ctx, 2000)));
        Channel ch = net.httpDialer.dial(s, acceptedClient(), request("shop.example:8443")).sync().channel();
        assertThat(ch.hasAttr(ServerTransport.PRIVATE)).isTrue();
        ch.close();
        await(secure.serverNames());
        assertThat(secure.serverNames()).containsExactly("shop.example");
    }

    private static RequestView request(String host) {
        return new RequestView() {
            public String method() { return "GET"; }
            public String uri() { return "/"; }
            public String path() { return "/"; }
            public String query() { return null; }
            public List<String> headers(String name) { return name.equalsIgnoreCase("host") ? List.of(host) : List.of(); }
            public InetAddress source() { return null; }
            public int sourcePort() { return 0; }
            public int destinationPort() { return 0; }
            public boolean isTls() { return false; }
        };
    }
}
