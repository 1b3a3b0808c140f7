package io.tollgate.engine.net;

import io.tollgate.engine.log.AccessLogSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static io.tollgate.engine.net.RunningEngine.freePort;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTP access-log lines over real loopback traffic, captured from the sink: each built-in format,
 * a custom format with every variable, the termination codes of the main ways a request ends,
 * and the options that filter lines or raise their level.
 */
class AccessLogTrafficTest {
    private static final String DATE = "\\d\\d/\\w{3}/\\d{4}:\\d\\d:\\d\\d:\\d\\d\\.\\d{3}";
    private static final String TIMES = "\\d+/\\d+/\\d+/\\d+/\\d+";

    private final List<AutoCloseable> closing = new ArrayList<>();
    private final CapturedLog log = new CapturedLog();
    private int port;

    @AfterEach
    void stop() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
    }

    private Upstream upstream() throws InterruptedException {
        Upstream u = new Upstream("s1");
        closing.add(u);
        return u;
    }

    /** Starts frontend {@code fe} with {@code frontendLines} and backend {@code be} with {@code backendLines}. */
    private void start(String frontendLines, String backendLines) throws Exception {
        port = freePort();
        RunningEngine engine = RunningEngine.start("""
                global
                    log 127.0.0.1:514 local0
                defaults
                    mode http
                    timeout connect 2s
                    timeout client 10s
                    timeout server 10s
                frontend fe
                    bind 127.0.0.1:%d
                    log global
                %s
                    default_backend be
                backend be
                %s
                """.formatted(port, frontendLines, backendLines), log);
        closing.add(engine);
    }

    private String request(String raw) throws Exception {
        try (RawHttp c = new RawHttp(port)) {
            c.send(raw);
            c.read(false);
        }
        return log.message(0);
    }

    @Test
    void httplogLineHasHaproxysFieldsInHaproxysPlaces() throws Exception {
        Upstream s1 = upstream();
        start("    option httplog", "    server s1 127.0.0.1:" + s1.port());
        String line = request("GET /some/path?q=1 HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(line).matches("127\\.0\\.0\\.1:\\d+ \\[" + DATE + "] fe be/s1 " + TIMES
                + " 200 \\d+ - - ---- 1/1/0/0/0 0/0 \"GET /some/path\\?q=1 HTTP/1\\.1\"");
        assertThat(log.all().get(0).level()).isEqualTo(AccessLogSink.INFO);
        assertThat(log.all().get(0).frontend()).isEqualTo("fe");
    }

    @Test
    void eachKeepAliveRequestHasItsLine() throws Exception {
        Upstream s1 = upstream();
        start("    option httplog", "    server s1 127.0.0.1:" + s1.port());
        try (RawHttp c = new RawHttp(port)) {
            assertThat(c.get("/a").status()).isEqualTo(200);
            assertThat(c.get("/b").status()).isEqualTo(200);
        }
        List<CapturedLog.Line> lines = log.await(2);
        assertThat(lines.get(0).message()).endsWith("\"GET /a HTTP/1.1\"");
        assertThat(lines.get(1).message()).endsWith("\"GET /b HTTP/1.1\"");
    }

    @Test
    void clfLineQuotesItsStringsAndEndsWithASpace() throws Exception {
        Upstream s1 = upstream();
        start("    option httplog clf", "    server s1 127.0.0.1:" + s1.port());
        String line = request("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(line).matches("127\\.0\\.0\\.1 - - \\[\\d\\d/\\w{3}/\\d{4}:\\d\\d:\\d\\d:\\d\\d \\+0000] "
                + "\"GET / HTTP/1\\.1\" 200 \\d+ \"\" \"\" \\d+ \\d{3} \"fe\" \"be\" \"s1\" \\d+ \\d+ \\d+ \\d+ \\d+ "
                + "---- 1 1 0 0 0 0 0 \"\" \"\" ");
    }

    @Test
    void withoutFormatTheConnectionIsLoggedAtAccept() throws Exception {
        Upstream s1 = upstream();
        start("", "    server s1 127.0.0.1:" + s1.port());
        String line = request("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(line).matches("Connect from 127\\.0\\.0\\.1:\\d+ to 127\\.0\\.0\\.1:" + port + " \\(fe/HTTP\\)");
    }

    @Test
    void aFrontendWithoutLogTargetsLogsNothing() throws Exception {
        Upstream s1 = upstream();
        port = freePort();
        closing.add(RunningEngine.start("""
                defaults
                    mode http
                    timeout connect 2s
                    timeout client 10s
                    timeout server 10s
                frontend fe
                    bind 127.0.0.1:%d
                    log global
                    option httplog
                    default_backend be
                backend be
                    server s1 127.0.0.1:%d
                """.formatted(port, s1.port()), log));
        try (RawHttp c = new RawHttp(port)) {
            assertThat(c.get("/").status()).isEqualTo(200);
        }
        // the request is answered after its line would have been handed over
        assertThat(log.all()).isEmpty();
    }

    @Test
    void customFormatWritesEveryVariable() throws Exception {
        Upstream s1 = upstream();
        start("""
                    capture request header Host len 3
                    capture request header X-Missing len 10
                    capture response header Content-Length len 20
                    log-format "ci=%ci cp=%{+X}cp fi=%fi fp=%fp f=%f ft=%ft b=%b s=%s si=%si sp=%sp bi=%bi \
                ST=%ST B=%B U=%U ts=%ts tsc=%tsc ac=%ac fc=%fc bc=%bc sc=%sc rc=%rc sq=%sq bq=%bq \
                hr=%hr hs=%hs hrl=%hrl hsl=%{+Q}hsl r=%{+Q}r HM=%HM HU=%HU HP=%HP HQ=%HQ HV=%HV ID=%ID \
                pid=%pid rt=%rt lc=%lc CC=%CC CS=%{+Q}CS t=%t tr=%tr trg=%trg trl=%trl T=%T Ts=%Ts ms=%ms \
                Th=%Th Ti=%Ti TR=%TR Tq=%Tq Tw=%Tw Tc=%Tc Tr=%Tr Ta=%Ta Tt=%Tt %%"
                """, "    server s1 127.0.0.1:" + s1.port());
        String line = request("GET /p?a=b HTTP/1.1\r\nHost: example\r\n\r\n");
        assertThat(line).matches("ci=127\\.0\\.0\\.1 cp=[0-9A-F]{4} fi=127\\.0\\.0\\.1 fp=" + port + " f=fe ft=fe b=be s=s1 "
                + "si=127\\.0\\.0\\.1 sp=" + s1.port() + " bi=127\\.0\\.0\\.1 "
                + "ST=200 B=\\d+ U=49 ts=-- tsc=---- ac=1 fc=1 bc=0 sc=0 rc=0 sq=0 bq=0 "
                + "hr=\\{exa\\|} hs=\\{\\d+} hrl=exa - hsl=\"\\d+\" "
                + "r=\"GET /p\\?a=b HTTP/1\\.1\" HM=GET HU=/p\\?a=b HP=/p HQ=\\?a=b HV=HTTP/1\\.1 ID=- "
                + "pid=" + ProcessHandle.current().pid() + " rt=\\d+ lc=0 CC=- CS=\"\" "
                + "t=" + DATE + " tr=" + DATE + " trg=\\S+ \\+0000 trl=\\S+ [+-]\\d{4} T=\\S+ \\+0000 Ts=\\d+ ms=\\d{3} "
                + "Th=0 Ti=\\d+ TR=\\d+ Tq=\\d+ Tw=0 Tc=\\d+ Tr=\\d+ Ta=\\d+ Tt=\\d+ %");
    }

    @Test
    void aClientThatLeavesDuringTheResponseIsCD() throws Exception {
        Upstream s1 = upstream();
        start("    option httplog", "    server s1 127.0.0.1:" + s1.port());
        try (RawHttp c = new RawHttp(port)) {
            c.send("GET /endless HTTP/1.1\r\nHost: x\r\n\r\n");
            InputStream in = c.in();
            in.readNBytes(1000);
        }
        assertThat(log.message(0)).contains(" fe be/s1 ").contains(" 200 ").contains(" CD-- ");
    }

    @Test
    void aRefusedServerConnectionIsSC() throws Exception {
        int closed = freePort();
        start("    option httplog", "    retries 0\n    server s1 127.0.0.1:" + closed);
        String line = request("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(line).matches(".* fe be/s1 \\d+/\\d+/-1/-1/\\d+ 503 \\d+ - - SC-- .*");
    }

    @Test
    void aServerThatClosesMidResponseIsSD() throws Exception {
        Upstream s1 = upstream();
        start("    option httplog", "    server s1 127.0.0.1:" + s1.port());
        try (RawHttp c = new RawHttp(port)) {
            c.send("GET /abort HTTP/1.1\r\nHost: x\r\n\r\n");
            c.in().readAllBytes();
        }
        assertThat(log.message(0)).contains(" fe be/s1 ").contains(" 200 ").contains(" SD-- ");
    }

    @Test
    void aSilentServerIsSHWith504() throws Exception {
        Upstream s1 = upstream();
        start("    option httplog", "    timeout server 200\n    server s1 127.0.0.1:" + s1.port());
        String line = request("GET /slow?ms=3000 HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(line).matches(".* fe be/s1 \\d+/\\d+/\\d+/-1/\\d+ 504 \\d+ - - sH-- .*");
    }

    @Test
    void aDeniedRequestIsPRWithoutServer() throws Exception {
        Upstream s1 = upstream();
        start("    option httplog\n    http-request deny", "    server s1 127.0.0.1:" + s1.port());
        String line = request("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(line).matches(".* fe fe/<NOSRV> \\d+/-1/-1/-1/\\d+ 403 \\d+ - - PR-- .*");
    }

    @Test
    void anUnparsableRequestIsBADREQ() throws Exception {
        Upstream s1 = upstream();
        start("    option httplog", "    server s1 127.0.0.1:" + s1.port());
        String line = request("GET / HTTP/1.1\r\nHost x\r\n\r\n");
        assertThat(line).matches("127\\.0\\.0\\.1:\\d+ \\[" + DATE + "] fe fe/<NOSRV> -1/-1/-1/-1/\\d+ 400 \\d+ - - PR-- "
                + "1/1/0/0/0 0/0 \"<BADREQ>\"");
    }

    @Test
    void aBackendWithoutUsableServerIsNOSRV503AndAnErrorUnderLogSeparateErrors() throws Exception {
        start("    option httplog\n    option log-separate-errors", "");
        String line = request("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(line).matches(".* fe be/<NOSRV> \\d+/-1/-1/-1/\\d+ 503 \\d+ - - SC-- .*");
        assertThat(log.all().get(0).level()).isEqualTo(AccessLogSink.ERR);
    }

    @Test
    void dontlogNormalKeepsOnlyErrors() throws Exception {
        Upstream s1 = upstream();
        start("    option httplog\n    option dontlog-normal", "    server s1 127.0.0.1:" + s1.port());
        try (RawHttp c = new RawHttp(port)) {
            assertThat(c.get("/").status()).isEqualTo(200);
            assertThat(c.get("/status?code=500").status()).isEqualTo(500);
        }
        assertThat(log.message(0)).contains(" 500 ").contains("/status?code=500");
        assertThat(log.all()).hasSize(1);
    }

    @Test
    void insertedAndValidCookiesShowInTheTerminationState() throws Exception {
        Upstream s1 = upstream();
        start("    option httplog", "    cookie SRV insert\n    server s1 127.0.0.1:" + s1.port() + " cookie c1");
        try (RawHttp c = new RawHttp(port)) {
            assertThat(c.get("/").headers()).containsKey("set-cookie");
            c.send("GET / HTTP/1.1\r\nHost: x\r\nCookie: SRV=c1\r\n\r\n");
            assertThat(c.read(false).status()).isEqualTo(200);
        }
        List<CapturedLog.Line> lines = log.await(2);
        assertThat(lines.get(0).message()).contains(" --NI ");
        assertThat(lines.get(1).message()).contains(" --VN ");
    }

    @Test
    void aClientGoneBeforeItsRequestIsCRAndDontlognullDropsIt() throws Exception {
        Upstream s1 = upstream();
        start("    option httplog", "    server s1 127.0.0.1:" + s1.port());
        try (RawHttp c = new RawHttp(port)) {
            c.send("GET /a");
        }
        assertThat(log.message(0)).matches("127\\.0\\.0\\.1:\\d+ \\[" + DATE + "] fe fe/<NOSRV> -1/-1/-1/-1/\\d+ 400 0 - - "
                + "CR-- 1/1/0/0/0 0/0 \"<BADREQ>\"");
    }

    @Test
    void dontlognullDropsConnectionsThatSentNothing() throws Exception {
        Upstream s1 = upstream();
        start("    option httplog\n    option dontlognull", "    server s1 127.0.0.1:" + s1.port());
        new RawHttp(port).close();
        try (RawHttp c = new RawHttp(port)) {
            assertThat(c.get("/after").status()).isEqualTo(200);
        }
        assertThat(log.message(0)).endsWith("\"GET /after HTTP/1.1\"");
        assertThat(log.all()).hasSize(1);
    }

    @Test
    void aRequestNotSentInTimeIsCRWith408() throws Exception {
        Upstream s1 = upstream();
        start("    option httplog\n    timeout http-request 200", "    server s1 127.0.0.1:" + s1.port());
        try (RawHttp c = new RawHttp(port)) {
            assertThat(c.read(false).status()).isEqualTo(408);
        }
        assertThat(log.message(0)).matches(".* fe fe/<NOSRV> -1/-1/-1/-1/\\d+ 408 0 - - cR-- 1/1/0/0/0 0/0 \"<BADREQ>\"");
    }

    @Test
    void requestLinePiecesAreEncodedAndBadRequestsShowBADREQ() throws Exception {
        Upstream s1 = upstream();
        start("    capture request header Host len 3\n    log-format \"%{+Q}HM %HU %HP %HPO %HQ %HV %hr %{+Q}r\"",
                "    server s1 127.0.0.1:" + s1.port());
        try (RawHttp c = new RawHttp(port)) {
            assertThat(c.get("/p%7Bx%7D").status()).isEqualTo(200);
            c.send("GET http://h/a|b?q=\"1\" HTTP/1.1\r\nHost: example\r\n\r\n");
            c.read(false);
            c.send("GET / HTTP/1.1\r\nHost x\r\n\r\n");
            c.read(false);
        }
        List<CapturedLog.Line> lines = log.await(3);
        assertThat(lines.get(0).message()).isEqualTo("\"GET\" /p%7Bx%7D /p%7Bx%7D /p%7Bx%7D  HTTP/1.1 {tes} \"GET /p%7Bx%7D HTTP/1.1\"");
        assertThat(lines.get(1).message()).isEqualTo("\"GET\" http://h/a#7Cb?q=#221#22 http://h/a#7Cb /a#7Cb ?q=#221#22 "
                + "HTTP/1.1 {exa} \"GET http://h/a#7Cb?q=#221#22 HTTP/1.1\"");
        assertThat(lines.get(2).message()).isEqualTo("\"<BADREQ>\" <BADREQ> <BADREQ> <BADREQ> <BADREQ> <BADREQ> \"<BADREQ>\"");
    }

    @Test
    void theStatsPageIsLoggedAsLocallyHandledBySTATS() throws Exception {
        start("    option httplog\n    use_backend st if { path_beg /stats }", "    server s1 127.0.0.1:1\n"
                + "backend st\n    stats enable\n    stats uri /stats");
        String line = request("GET /stats;csv HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(line).matches(".* fe st/<STATS> \\d+/0/0/0/\\d+ 200 \\d+ - - LR-- 1/1/0/0/0 0/0 \"GET /stats;csv HTTP/1.1\"");
    }

    @Test
    void queuedRequestsShowHowManyWaitedBeforeThem() throws Exception {
        Upstream s1 = upstream();
        start("    option httplog", "    server s1 127.0.0.1:" + s1.port() + " maxconn 1");
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Thread t = new Thread(() -> {
                try (RawHttp c = new RawHttp(port)) {
                    c.get("/slow?ms=300");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            t.start();
            clients.add(t);
        }
        for (Thread t : clients) {
            t.join(10_000);
        }
        List<String> queues = log.await(3).stream().map(l -> l.message().split(" ")[11]).sorted().toList();
        // the server's count leaves out the request logged, and the one the queue gives its slot to
        assertThat(log.all()).allSatisfy(l -> assertThat(l.message().split(" ")[10]).endsWith("/0/0"));
        // as haproxy -db logs three such requests: 0/0, 0/1, 0/2
        assertThat(queues).containsExactly("0/0", "0/1", "0/2");
    }

    @Test
    void aTlsFrontendIsMarkedWithATildeAndTimesItsHandshake() throws Exception {
        Upstream s1 = upstream();
        port = freePort();
        closing.add(RunningEngine.start("""
                defaults
                    mode http
                    timeout connect 2s
                    timeout client 10s
                    timeout server 10s
                frontend fe
                    bind 127.0.0.1:%d ssl crt %s
                    log 127.0.0.1:514 local0
                    log-format "%%ft %%b/%%s %%Th %%Ti %%ST %%{+Q}r"
                    default_backend be
                backend be
                    server s1 127.0.0.1:%d
                """.formatted(port, io.tollgate.engine.tls.TlsFixtures.path("localhost.pem"), s1.port()), log));
        try (javax.net.ssl.SSLSocket s = TlsListenerTest.tls(port, "localhost", null)) {
            s.getOutputStream().write("GET /tls HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            assertThat(s.getInputStream().read()).isEqualTo('H');
        }
        assertThat(log.message(0)).matches("fe~ be/s1 \\d+ \\d+ 200 \"GET /tls HTTP/1.1\"");
    }
}
