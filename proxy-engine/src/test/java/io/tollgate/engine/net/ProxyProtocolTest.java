package io.tollgate.engine.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.haproxy.HAProxyCommand;
import io.netty.handler.codec.haproxy.HAProxyMessage;
import io.netty.handler.codec.haproxy.HAProxyMessageEncoder;
import io.netty.handler.codec.haproxy.HAProxyProtocolVersion;
import io.netty.handler.codec.haproxy.HAProxyProxiedProtocol;
import io.tollgate.engine.tls.TlsFixtures;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLSocket;

import static io.tollgate.engine.net.RunningEngine.freePort;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PROXY protocol over real sockets: {@code bind ... accept-proxy} (v1 and v2, the announced
 * client is what ACLs see, TLS after the header) and {@code server ... send-proxy(-v2)}.
 */
class ProxyProtocolTest {
    private static final String HTTP_DEFAULTS = """
            defaults
                mode http
                timeout connect 2s
                timeout client 5s
                timeout server 5s
            """;
    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
    }

    private Upstream upstream(String name) throws InterruptedException {
        Upstream u = new Upstream(name);
        closing.add(u);
        return u;
    }

    /** A frontend whose bind has {@code bindParams}, sending 192.0.2.0/24 clients to "proxied". */
    private int frontend(String mode, String bindParams, int proxied, int direct) throws Exception {
        int port = freePort();
        closing.add(RunningEngine.start("""
                defaults
                    mode %s
                    timeout connect 2s
                    timeout client 5s
                    timeout server 5s
                frontend fe
                    bind 127.0.0.1:%d %s
                    use_backend proxied if { src 192.0.2.0/24 }
                    default_backend direct
                backend proxied
                    server p 127.0.0.1:%d
                backend direct
                    server d 127.0.0.1:%d
                """.formatted(mode, port, bindParams, proxied, direct)));
        return port;
    }

    static byte[] v2Header(String source, int sourcePort) {
        EmbeddedChannel ch = new EmbeddedChannel(HAProxyMessageEncoder.INSTANCE);
        ch.writeOutbound(new HAProxyMessage(HAProxyProtocolVersion.V2, HAProxyCommand.PROXY, HAProxyProxiedProtocol.TCP4,
                source, "127.0.0.1", sourcePort, 443));
        ByteBuf out = ch.readOutbound();
        byte[] bytes = new byte[out.readableBytes()];
        out.readBytes(bytes);
        out.release();
        return bytes;
    }

    private static Socket send(int port, byte[] header) throws IOException {
        Socket s = new Socket("127.0.0.1", port);
        s.setSoTimeout(10_000);
        s.getOutputStream().write(header);
        return s;
    }

    private static byte[] v1(String line) {
        return line.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void theClientAnnouncedInV1OrV2IsTheSourceAclsSee() throws Exception {
        int port = frontend("http", "accept-proxy", upstream("proxied").port(), upstream("direct").port());
        try (RawHttp c = new RawHttp(send(port, v1("PROXY TCP4 192.0.2.10 127.0.0.1 56324 443\r\n")))) {
            assertThat(c.get("/").text()).isEqualTo("Hello! This is proxied!\n");
            assertThat(c.get("/").text()).isEqualTo("Hello! This is proxied!\n");
        }
        try (RawHttp c = new RawHttp(send(port, v2Header("192.0.2.20", 1234)))) {
            assertThat(c.get("/").text()).isEqualTo("Hello! This is proxied!\n");
        }
        try (RawHttp c = new RawHttp(send(port, v1("PROXY TCP4 198.51.100.7 127.0.0.1 56324 443\r\n")))) {
            assertThat(c.get("/").text()).isEqualTo("Hello! This is direct!\n");
        }
        // UNKNOWN: the connection's own address stays
        try (RawHttp c = new RawHttp(send(port, v1("PROXY UNKNOWN\r\n")))) {
            assertThat(c.get("/").text()).isEqualTo("Hello! This is direct!\n");
        }
    }

    @Test
    void aConnectionWithoutTheHeaderIsClosed() throws Exception {
        Upstream direct = upstream("direct");
        int port = frontend("http", "accept-proxy", upstream("proxied").port(), direct.port());
        try (Socket s = send(port, v1("GET / HTTP/1.1\r\nHost: x\r\n\r\n"))) {
            assertThat(s.getInputStream().read()).isEqualTo(-1);
        }
        assertThat(direct.requests()).isZero();
    }

    @Test
    void tcpModeAndTlsAfterTheHeader() throws Exception {
        TcpTestServer proxied = new TcpTestServer(TcpTestServer.Mode.ECHO);
        closing.add(proxied);
        TcpTestServer direct = new TcpTestServer(TcpTestServer.Mode.NOT_HTTP);
        closing.add(direct);
        int port = frontend("tcp", "accept-proxy ssl crt " + TlsFixtures.path("localhost.pem"), proxied.port(), direct.port());
        Socket raw = send(port, v2Header("192.0.2.30", 4321));
        try (SSLSocket tls = (SSLSocket) TlsFixtures.clientContext(null).getSocketFactory()
                .createSocket(raw, "localhost", port, true)) {
            tls.startHandshake();
            tls.getOutputStream().write("echo me".getBytes(StandardCharsets.US_ASCII));
            tls.getOutputStream().flush();
            assertThat(new String(tls.getInputStream().readNBytes(7), StandardCharsets.US_ASCII)).isEqualTo("echo me");
        }
    }

    @Test
    void sendProxyWritesAHeaderFirstAndConnectionsAreNotShared() throws Exception {
        Upstream behind = new Upstream("behind", null, true);
        closing.add(behind);
        int port = freePort();
        closing.add(RunningEngine.start(HTTP_DEFAULTS + """
                frontend fe
                    bind 127.0.0.1:%d
                    default_backend be
                backend be
                    server s1 127.0.0.1:%d send-proxy-v2
                """.formatted(port, behind.port())));
        try (RawHttp c = new RawHttp(port)) {
            assertThat(c.get("/").text()).isEqualTo("Hello! This is behind!\n");
            assertThat(c.get("/").text()).isEqualTo("Hello! This is behind!\n");
        }
        // one header per connection, naming the client, and no connection kept for another client
        assertThat(behind.proxyHeaders()).hasSize(2)
                .allSatisfy(h -> assertThat(h).startsWith("PROXY TCP4 127.0.0.1 127.0.0.1 ").endsWith(" " + port));
        assertThat(behind.connections()).isEqualTo(2);
    }

    /**
     * Behind {@code accept-proxy}, every reader of the client's address reads the announced
     * one: {@code X-Forwarded-For}, the {@code src} sample, stick-table tracking by
     * {@code src}, and the PROXY header sent on to a {@code send-proxy} server.
     */
    @Test
    void everyReaderSeesTheAnnouncedClient() throws Exception {
        Upstream behind = new Upstream("behind", null, true);
        closing.add(behind);
        int port = freePort();
        RunningEngine e = RunningEngine.start(HTTP_DEFAULTS + """
                frontend fe
                    bind 127.0.0.1:%d accept-proxy
                    option forwardfor
                    stick-table type ip size 10 store http_req_cnt
                    http-request track-sc0 src
                    http-request set-header X-Src %%[src]
                    default_backend be
                backend be
                    server s1 127.0.0.1:%d send-proxy
                """.formatted(port, behind.port()));
        closing.add(e);
        try (RawHttp c = new RawHttp(send(port, v1("PROXY TCP4 192.0.2.10 198.51.100.1 56324 443\r\n")))) {
            assertThat(c.get("/headers").text()).contains("X-Forwarded-For: 192.0.2.10").contains("X-Src: 192.0.2.10");
        }
        assertThat(behind.proxyHeaders()).containsExactly("PROXY TCP4 192.0.2.10 198.51.100.1 56324 443");
        assertThat(e.engine().proxies().table("fe").dump()).contains("key=192.0.2.10").doesNotContain("key=127.0.0.1");
    }

    /**
     * HAProxy 2.6.12 runs {@code tcp-request connection} rules before it reads the PROXY header,
     * so they see the load balancer in front; {@code tcp-request session} rules see the
     * announced client. Checked with both rules rejecting 192.0.2.0/24, announced from 127.0.0.1.
     */
    @Test
    void connectionRulesSeeTheSocketAndSessionRulesTheAnnouncedClient() throws Exception {
        Upstream app = upstream("app");
        int port = freePort();
        RunningEngine e = RunningEngine.start(HTTP_DEFAULTS + """
                frontend byConnection
                    bind 127.0.0.1:%d accept-proxy
                    tcp-request connection reject if { src 192.0.2.0/24 }
                    default_backend be
                frontend bySession
                    bind 127.0.0.1:%d accept-proxy
                    tcp-request session reject if { src 192.0.2.0/24 }
                    default_backend be
                backend be
                    server app 127.0.0.1:%d
                """.formatted(port, freePort(), app.port()));
        closing.add(e);
        byte[] announced = v1("PROXY TCP4 192.0.2.10 127.0.0.1 56324 443\r\n");
        try (RawHttp c = new RawHttp(send(e.port("byConnection"), announced))) {
            assertThat(c.get("/").status()).isEqualTo(200);
        }
        try (RawHttp c = new RawHttp(send(e.port("bySession"), announced))) {
            assertThat(c.isClosedWithoutAnswer()).isTrue();
        }
        assertThat(e.number("bySession", "FRONTEND", "dses")).isEqualTo(1);
    }
}
