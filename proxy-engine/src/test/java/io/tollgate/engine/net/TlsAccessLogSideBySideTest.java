package io.tollgate.engine.net;

import io.tollgate.engine.check.HaproxyProcess;
import io.tollgate.engine.tls.TlsFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import static io.tollgate.engine.net.RunningEngine.freePort;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code option httpslog}, the connection error lines of failed TLS handshakes (HAProxy's
 * default line and {@code error-log-format}) and {@code log-format-sd}: the same connections
 * through Debian's HAProxy 2.6 and through Tollgate, both shipping to UDP sockets of the test.
 * The datagrams must be equal once the syslog header's date, tag and pid, the log lines' dates,
 * the client ports and the timers are masked.
 */
class TlsAccessLogSideBySideTest {
    private static final String CERT = TlsFixtures.path("localhost.pem").toString();
    /** An error-log-format with the httpslog fields and others HAProxy fills for a connection without request. */
    private static final String ERROR_FORMAT = "ERR\\ %ci:%cp\\ [%tr]\\ %ft\\ %b/%s\\ %TR/%Tw/%Tc/%Tr/%Ta\\ %ST\\ %B\\ "
            + "%CC\\ %CS\\ %tsc\\ %ac/%fc/%bc/%sc/%rc\\ %sq/%bq\\ %hr\\ %hs\\ %{+Q}r\\ %[fc_err]/%[ssl_fc_err,hex]/"
            + "%[ssl_c_err]/%[ssl_c_ca_err]/%[ssl_fc_is_resumed]\\ %[ssl_fc_sni]/%sslv/%sslc\\ %Ti\\ %Tq\\ %U\\ %ts\\ %HM";
    private static final String SD_FORMAT = "[exampleSDID@1234\\ bytes=\\\"%B\\\"\\ status=\\\"%ST\\\"\\ fe=\\\"%{+E}f\\\"]";
    /** The first bytes of a ClientHello: the client goes away in the middle of the handshake. */
    private static final byte[] PARTIAL_HELLO = HexFormat.of().parseHex("16030100c8010000c40303");

    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
    }

    private record Ports(int plain, int tls, int quiet, int errors, int sd, int tcp, int legacy, int stats) {
        static Ports free() throws IOException {
            return new Ports(freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort(),
                    freePort());
        }
    }

    private static String config(Ports p, int syslog, int rfc5424, int upstream) {
        return """
                global
                    log 127.0.0.1:%d local0
                defaults
                    mode http
                    log global
                    timeout connect 2s
                    timeout client 10s
                    timeout server 10s
                frontend fe_s
                    option httpslog
                    bind 127.0.0.1:%d
                    bind 127.0.0.1:%d ssl crt %s
                    default_backend be
                frontend fe_n
                    option httpslog
                    option dontlognull
                    bind 127.0.0.1:%d ssl crt %s name mybind
                    default_backend be
                frontend fe_e
                    option httpslog
                    error-log-format %s
                    bind 127.0.0.1:%d ssl crt %s
                    default_backend be
                frontend fe_sd
                    no log
                    log 127.0.0.1:%d format rfc5424 local0
                    option httplog
                    log-format-sd %s
                    bind 127.0.0.1:%d
                    default_backend be
                frontend fe_t
                    mode tcp
                    option tcplog
                    option log-separate-errors
                    bind 127.0.0.1:%d ssl crt %s
                    default_backend be_t
                frontend fe_l
                    bind 127.0.0.1:%d ssl crt %s
                    default_backend be
                backend be
                    server s1 127.0.0.1:%d
                backend be_t
                    mode tcp
                    server t1 127.0.0.1:%d
                listen stats
                    bind 127.0.0.1:%d
                    no log
                    stats enable
                    stats uri /
                """.formatted(syslog, p.plain, p.tls, CERT, p.quiet, CERT, ERROR_FORMAT, p.errors, CERT, rfc5424,
                SD_FORMAT, p.sd, p.tcp, CERT, p.legacy, CERT, upstream, upstream, p.stats);
    }

    /** Keeps the access datagrams it receives (not the event lines such as "Proxy fe_s started."). */
    private static final class Receiver implements AutoCloseable {
        final DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        final List<String> datagrams = new CopyOnWriteArrayList<>();

        Receiver() throws IOException {
            Thread t = new Thread(this::receive, "syslog-receiver");
            t.setDaemon(true);
            t.start();
        }

        private void receive() {
            byte[] buf = new byte[65536];
            while (!socket.isClosed()) {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                try {
                    socket.receive(p);
                } catch (IOException closed) {
                    return;
                }
                String d = new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
                if (d.contains(" 127.0.0.1:") || d.contains(" ERR ")) {
                    datagrams.add(d);
                }
            }
        }

        void await(int count) {
            long end = System.nanoTime() + 10_000_000_000L;
            while (datagrams.size() < count) {
                if (System.nanoTime() > end) {
                    throw new AssertionError("expected " + count + " lines, got " + datagrams);
                }
                RunningEngine.sleep(10);
            }
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() {
            socket.close();
        }
    }

    /** The counts a proxy's stats CSV says, to wait for connections to be gone before the next one. */
    private interface Csv {
        Map<String, Map<String, String>> rows() throws Exception;
    }

    private static void settle(Csv csv) {
        long end = System.nanoTime() + 10_000_000_000L;
        try {
            while (!List.of("fe_s", "fe_n", "fe_e", "fe_sd", "fe_t", "fe_l").stream()
                    .allMatch(fe -> rowsOf(csv).get(fe + "/FRONTEND").get("scur").equals("0"))) {
                if (System.nanoTime() > end) {
                    throw new AssertionError("frontends still have sessions: " + csv.rows());
                }
                RunningEngine.sleep(10);
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, Map<String, String>> rowsOf(Csv csv) {
        try {
            return csv.rows();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Sends the same connections to one proxy, waiting after each for its line and for it to be gone. */
    private static void traffic(Ports p, Receiver local, Receiver rfc5424, Csv csv) throws Exception {
        int[] lines = {0};
        Runnable logged = () -> {
            local.await(++lines[0]);
            settle(csv);
        };
        try (RawHttp c = new RawHttp(p.plain)) {
            assertThat(c.get("/plain").status()).isEqualTo(200);
        }
        logged.run();
        try (RawHttp c = new RawHttp(tls(p.tls, "TLSv1.3", "TLS_AES_256_GCM_SHA384", "localhost"))) {
            assertThat(c.get("/sni").status()).isEqualTo(200);
        }
        logged.run();
        try (RawHttp c = new RawHttp(tls(p.tls, "TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", null))) {
            assertThat(c.get("/tls12").status()).isEqualTo(200);
        }
        logged.run();
        // a second connection of the same client resumes its session
        for (String protocol : new String[] {"TLSv1.2", "TLSv1.3"}) {
            SSLContext client = TlsFixtures.clientContext(null);
            for (int i = 0; i < 2; i++) {
                try (RawHttp c = new RawHttp(tls(client, p.tls, protocol, null, null))) {
                    assertThat(c.get("/" + protocol + "-" + i).status()).isEqualTo(200);
                }
                logged.run();
            }
        }
        clearText(p.tls, "GET / HTTP/1.0\r\n\r\n");
        logged.run();
        partialHello(p.tls);
        logged.run();
        // dontlognull: the client that went away says nothing; the clear-text one is logged
        partialHello(p.quiet);
        settle(csv);
        clearText(p.quiet, "GET / HTTP/1.0\r\n\r\n");
        logged.run();
        clearText(p.errors, "GET / HTTP/1.0\r\n\r\n");
        logged.run();
        clearText(p.errors, "\u0000\u0001garbage\r\n");
        logged.run();
        clearText(p.errors, "CONNECT example:443 HTTP/1.1\r\n\r\n");
        logged.run();
        partialHello(p.errors);
        logged.run();
        try (RawHttp c = new RawHttp(p.sd)) {
            assertThat(c.get("/sd").status()).isEqualTo(200);
        }
        rfc5424.await(1);
        settle(csv);
        // a TCP frontend writes the same error line, at err under log-separate-errors
        clearText(p.tcp, "hello\r\n");
        logged.run();
        // without a log format: nothing for a failed handshake, "Connect from" once one succeeded
        clearText(p.legacy, "GET / HTTP/1.0\r\n\r\n");
        settle(csv);
        try (RawHttp c = new RawHttp(tls(p.legacy, "TLSv1.3", "TLS_AES_256_GCM_SHA384", null))) {
            assertThat(c.get("/legacy").status()).isEqualTo(200);
        }
        logged.run();
    }

    /**
     * One protocol and one cipher suite, so that both proxies have the same choice (their default
     * orders differ: OpenSSL prefers TLS_AES_256_GCM_SHA384, the JDK TLS_AES_128_GCM_SHA256).
     */
    private static SSLSocket tls(int port, String protocol, String suite, String sni) throws IOException {
        return tls(TlsFixtures.clientContext(null), port, protocol, suite, sni);
    }

    /** As above, from {@code client}'s context (and its session cache); any suite when {@code suite} is null. */
    private static SSLSocket tls(SSLContext client, int port, String protocol, String suite, String sni)
            throws IOException {
        SSLSocket s = (SSLSocket) client.getSocketFactory().createSocket("127.0.0.1", port);
        SSLParameters p = s.getSSLParameters();
        p.setProtocols(new String[] {protocol});
        p.setCipherSuites(new String[] {suite != null ? suite
                : protocol.equals("TLSv1.3") ? "TLS_AES_256_GCM_SHA384" : "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"});
        p.setServerNames(sni == null ? List.of() : List.of(new SNIHostName(sni)));
        s.setSSLParameters(p);
        s.setSoTimeout(10_000);
        s.startHandshake();
        return s;
    }

    /** Not TLS at all: the proxy closes the connection. */
    private static void clearText(int port, String text) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = s.getInputStream();
            while (in.read() >= 0) {
                // whatever the TLS layer answers, until it closes
            }
        }
    }

    private static void partialHello(int port) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.getOutputStream().write(PARTIAL_HELLO);
        }
    }

    @Test
    void haproxyAndTollgateWriteTheSameHttpsLogErrorAndStructuredDataLines() throws Exception {
        Upstream upstream = new Upstream("s1");
        closing.add(upstream);
        Receiver theirLocal = new Receiver();
        closing.add(theirLocal);
        Receiver their5424 = new Receiver();
        closing.add(their5424);
        Ports hp = Ports.free();
        HaproxyProcess haproxy = HaproxyProcess.start(config(hp, theirLocal.port(), their5424.port(), upstream.port()),
                hp.stats);
        closing.add(haproxy);
        traffic(hp, theirLocal, their5424, haproxy::csv);

        Receiver ourLocal = new Receiver();
        closing.add(ourLocal);
        Receiver our5424 = new Receiver();
        closing.add(our5424);
        Ports tp = Ports.free();
        RunningEngine engine = RunningEngine.start(config(tp, ourLocal.port(), our5424.port(), upstream.port()));
        closing.add(engine);
        // HAProxy's lines count the test's open connection to its stats page in actconn: so do these
        RawHttp stats = new RawHttp(tp.stats);
        closing.add(stats);
        assertThat(stats.get("/;csv").status()).isEqualTo(200);
        traffic(tp, ourLocal, our5424, engine::csv);

        List<String> theirs = new ArrayList<>(theirLocal.datagrams);
        theirs.addAll(their5424.datagrams);
        List<String> ours = new ArrayList<>(ourLocal.datagrams);
        ours.addAll(our5424.datagrams);
        assertThat(ours.stream().map(TlsAccessLogSideBySideTest::masked).toList())
                .as("Tollgate's datagrams %s%nHAProxy's datagrams %s", ours, theirs)
                .containsExactlyElementsOf(theirs.stream().map(TlsAccessLogSideBySideTest::masked).toList());
        assertThat(theirs).anySatisfy(d -> assertThat(d).endsWith(" fe_s/2: SSL handshake failure\n"))
                .anySatisfy(d -> assertThat(d).endsWith(" fe_n/mybind: SSL handshake failure\n"))
                .anySatisfy(d -> assertThat(d).startsWith("<131>").endsWith(" fe_t/1: SSL handshake failure\n"))
                .anySatisfy(d -> assertThat(d).contains(": Connect from 127.0.0.1:").endsWith(" (fe_l/HTTP)\n"))
                .anySatisfy(d -> assertThat(d).contains("[exampleSDID@1234 bytes=\""))
                .anySatisfy(d -> assertThat(d).contains("\"GET /TLSv1.2-1 HTTP/1.1\" 0/0000000000000000/0/0/1 "))
                .anySatisfy(d -> assertThat(d).contains("\"GET /TLSv1.3-1 HTTP/1.1\" 0/0000000000000000/0/0/1 "));
    }

    /**
     * The syslog header's date, tag and pid, the dates and client ports of the lines, and the
     * httplog timers ({@code %TR/%Tw/%Tc/%Tr/%Ta}, the 5th field) masked.
     */
    static String masked(String datagram) {
        String s = datagram
                .replaceFirst("^<(\\d+)>\\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\w+\\[\\d+]: ", "<$1>HEADER: ")
                .replaceFirst("^<(\\d+)>1 \\S+ - \\w+ \\d+ - ", "<$1>1 HEADER ")
                .replaceAll("\\d\\d/\\w{3}/\\d{4}:\\d\\d:\\d\\d:\\d\\d\\.\\d{3}", "DATE")
                .replaceAll("127\\.0\\.0\\.1:\\d+ ", "127.0.0.1:PORT ");
        String[] t = s.split(" ", -1);
        int at = List.of(t).indexOf("[DATE]");
        if (at > 0 && at + 3 < t.length && t[at + 3].matches("-?\\d+(/-?\\d+){4}")) {
            t[at + 3] = "TIMERS";
        }
        return String.join(" ", t);
    }
}
