package io.tollgate.engine.net;

import io.tollgate.engine.admin.AccessLevel;
import io.tollgate.engine.admin.Actor;
import io.tollgate.engine.admin.RuntimeApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.tollgate.engine.net.RunningEngine.freePort;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code show sess}, {@code show sess <id>|all} and {@code shutdown session <id>} over real
 * client connections held open through the engine, TCP and HTTP. Shapes and error texts are
 * HAProxy 2.6.12's ({@code haproxy -db} with a {@code sleep}-held client): a line of
 * {@code key=value} fields per stream, the detailed dump opening with the accept date and the
 * frontend, backend and server lines, "Session not found." for an unknown id, "Session pointer
 * expected (use 'show sess')." and "No such session (use 'show sess')." for shutdown.
 */
class LiveSessionsTest {
    private static final Actor ADMIN = new Actor("ops", "/run/t.sock", "socket", AccessLevel.ADMIN);
    private static final Actor OPERATOR = new Actor("ops", "/run/t.sock", "socket", AccessLevel.OPERATOR);
    private static final Actor USER = new Actor("ops", "/run/t.sock", "socket", AccessLevel.USER);

    @RegisterExtension
    final TestResources resources = new TestResources();

    private RunningEngine start(int tcpPort, int httpPort, int echoPort, int upstreamPort) throws Exception {
        return resources.engine("""
                defaults
                    timeout connect 2s
                    timeout client 30s
                    timeout server 30s
                frontend ft
                    mode tcp
                    bind 127.0.0.1:%d
                    default_backend bt
                backend bt
                    mode tcp
                    server s1 127.0.0.1:%d
                frontend fh
                    mode http
                    bind 127.0.0.1:%d
                    default_backend bh
                backend bh
                    mode http
                    server web 127.0.0.1:%d
                """.formatted(tcpPort, echoPort, httpPort, upstreamPort));
    }

    /** A TCP client whose session is established once its first byte came back from the echo server. */
    private static Socket echoClient(int port) throws IOException {
        Socket s = new Socket("127.0.0.1", port);
        s.setSoTimeout(5000);
        s.getOutputStream().write('x');
        assertThat(s.getInputStream().read()).isEqualTo('x');
        return s;
    }

    /** Each line of {@code show sess}, its fields by name, keyed by the client's port. */
    private static Map<Integer, Map<String, String>> lines(String out) {
        Map<Integer, Map<String, String>> byPort = new HashMap<>();
        for (String line : out.split("\n")) {
            Map<String, String> fields = new HashMap<>();
            String[] words = line.split(" ");
            fields.put("id", words[0].substring(0, words[0].length() - 1));
            for (int i = 1; i < words.length; i++) {
                int eq = words[i].indexOf('=');
                fields.put(words[i].substring(0, eq), words[i].substring(eq + 1));
            }
            String src = fields.get("src");
            byPort.put(Integer.parseInt(src.substring(src.lastIndexOf(':') + 1)), fields);
        }
        return byPort;
    }

    @Test
    void listsEveryOpenSessionWithItsFrontendBackendServerAndSource() throws Exception {
        TcpTestServer echo = new TcpTestServer(TcpTestServer.Mode.ECHO);
        Upstream web = resources.upstream("web");
        int tcpPort = freePort();
        int httpPort = freePort();
        RunningEngine e = start(tcpPort, httpPort, echo.port(), web.port());
        try (Socket t1 = echoClient(tcpPort); Socket t2 = echoClient(tcpPort);
             Socket h = new Socket("127.0.0.1", httpPort)) {
            h.setSoTimeout(5000);
            h.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(readUntil(h.getInputStream(), "Hello! This is web!")).contains("200 OK");
            RuntimeApi api = e.engine().runtimeApi();

            String out = api.execute("show sess", OPERATOR);
            Map<Integer, Map<String, String>> lines = lines(out);
            assertThat(lines).containsOnlyKeys(t1.getLocalPort(), t2.getLocalPort(), h.getLocalPort());
            Map<String, String> l1 = lines.get(t1.getLocalPort());
            assertThat(l1).containsEntry("proto", "tcpv4").containsEntry("src", "127.0.0.1:" + t1.getLocalPort())
                    .containsEntry("fe", "ft").containsEntry("be", "bt").containsEntry("srv", "s1")
                    .containsEntry("ts", "00").containsEntry("age", "0s");
            assertThat(l1.get("id")).matches("0x[0-9a-f]{12}");
            assertThat(lines.get(h.getLocalPort())).containsEntry("fe", "fh").containsEntry("be", "bh")
                    .containsEntry("srv", "web");
            assertThat(out.split("\n")[0]).matches("0x[0-9a-f]+: proto=tcpv4 src=127\\.0\\.0\\.1:\\d+ fe=ft be=bt srv=s1 "
                    + "ts=00 epoch=0 age=\\d+s calls=\\d+ rate=0 cpu=0 lat=0 rq\\[f=808000h,i=0,an=00h,rx=,wx=,ax=\\] "
                    + "rp\\[f=80008000h,i=0,an=00h,rx=,wx=,ax=\\] scf=\\[8,0h,fd=-1\\] scb=\\[8,1h,fd=-1\\] exp= rc=0 c_exp=");

            String id = l1.get("id");
            String detail = api.execute("show sess " + id, OPERATOR);
            assertThat(detail.split("\n")).hasSize(6);
            assertThat(detail).matches("(?s)" + id + ": \\[\\d\\d/[A-Z][a-z]{2}/\\d{4}:\\d\\d:\\d\\d:\\d\\d\\.\\d{6}\\] id=\\d+ "
                    + "proto=tcpv4 source=127\\.0\\.0\\.1:" + t1.getLocalPort() + "\n"
                    + "  flags=0x4a, conn_retries=0, conn_exp=<NEVER> conn_et=0x000 srv_conn=0x[0-9a-f]+, pend_pos=\\(nil\\) "
                    + "waiting=0 epoch=0\n"
                    + "  frontend=ft \\(id=\\d+ mode=tcp\\), listener=\\? \\(id=1\\) addr=127\\.0\\.0\\.1:" + tcpPort + "\n"
                    + "  backend=bt \\(id=\\d+ mode=tcp\\) addr=127\\.0\\.0\\.1:\\d+\n"
                    + "  server=s1 \\(id=1\\) addr=127\\.0\\.0\\.1:" + echo.port() + "\n"
                    + "  task=0x[0-9a-f]+ \\(state=0x00 nice=0 calls=\\d+ rate=0 exp=<NEVER> tmask=0x1 age=\\d+s\\)\n");
            String http = api.execute("show sess " + lines.get(h.getLocalPort()).get("id"), OPERATOR);
            assertThat(http).contains("  flags=0xc4a, ").contains("  backend=bh (id=").contains(" mode=http) addr=127.0.0.1:")
                    .contains("  server=web (id=1) addr=127.0.0.1:" + web.port() + "\n");
            assertThat(api.execute("show sess all", OPERATOR).split("\n")).hasSize(18);
            assertThat(api.execute("show sess 0x1234", OPERATOR)).isEqualTo("Session not found.\n");
            // as strtoul() reads it, a word that is no number is 0: the whole list
            assertThat(api.execute("show sess zz", OPERATOR)).isEqualTo(api.execute("show sess", OPERATOR));
            assertThat(api.execute("show sess", USER)).isEqualTo("Permission denied\n");
        } finally {
            echo.close();
        }
    }

    @Test
    void shutdownSessionClosesThatClientOnlyAndBadIdsChangeNothing() throws Exception {
        TcpTestServer echo = new TcpTestServer(TcpTestServer.Mode.ECHO);
        Upstream web = resources.upstream("web");
        int tcpPort = freePort();
        RunningEngine e = start(tcpPort, freePort(), echo.port(), web.port());
        try (Socket t1 = echoClient(tcpPort); Socket t2 = echoClient(tcpPort)) {
            RuntimeApi api = e.engine().runtimeApi();
            String id = lines(api.execute("show sess", OPERATOR)).get(t1.getLocalPort()).get("id");

            assertThat(api.execute("shutdown session", ADMIN)).isEqualTo("Session pointer expected (use 'show sess').\n");
            assertThat(api.execute("shutdown session zz", ADMIN)).isEqualTo("Session pointer expected (use 'show sess').\n");
            assertThat(api.execute("shutdown session 0x1234", ADMIN)).isEqualTo("No such session (use 'show sess').\n");
            assertThat(api.execute("shutdown session " + id, OPERATOR)).isEqualTo("Permission denied\n");
            assertThat(lines(api.execute("show sess", OPERATOR))).hasSize(2);

            assertThat(api.execute("shutdown session " + id, ADMIN)).isEmpty();
            assertThat(t1.getInputStream().read()).isEqualTo(-1);
            t2.getOutputStream().write('y');
            assertThat(t2.getInputStream().read()).isEqualTo('y');
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (lines(api.execute("show sess", OPERATOR)).size() > 1 && System.nanoTime() < deadline) {
                RunningEngine.sleep(20);
            }
            assertThat(lines(api.execute("show sess", OPERATOR))).containsOnlyKeys(t2.getLocalPort());
            assertThat(api.execute("shutdown session " + id, ADMIN)).isEqualTo("No such session (use 'show sess').\n");
        } finally {
            echo.close();
        }
    }

    @Test
    void showServersConnCountsUsedAndIdleConnectionsPerServer() throws Exception {
        TcpTestServer echo = new TcpTestServer(TcpTestServer.Mode.ECHO);
        Upstream web = resources.upstream("web");
        int httpPort = freePort();
        int tcpPort = freePort();
        RunningEngine e = start(tcpPort, httpPort, echo.port(), web.port());
        try (Socket t1 = echoClient(tcpPort); Socket h = new Socket("127.0.0.1", httpPort)) {
            h.setSoTimeout(5000);
            h.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            readUntil(h.getInputStream(), "Hello! This is web!");
            RuntimeApi api = e.engine().runtimeApi();
            String out = api.execute("show servers conn", USER);
            String[] rows = out.split("\n");
            assertThat(rows[0]).matches("# bkname/svname bkid/svid addr port - purge_delay used_cur used_max need_est "
                    + "unsafe_nb safe_nb idle_lim idle_cur idle_per_thr\\[\\d+\\]");
            int threads = Integer.parseInt(rows[0].replaceAll(".*\\[(\\d+)\\]$", "$1"));
            assertThat(rows).hasSize(3);
            // the TCP session uses its connection; the HTTP one went back to its loop's pool
            assertThat(rows[1]).startsWith("bt/s1 ").contains(" 127.0.0.1 " + echo.port() + " - 5000 1 1 1 0 0 ");
            String[] web1 = rows[2].split(" ");
            assertThat(rows[2]).startsWith("bh/s1 ".replace("s1", "web")).contains(" - 5000 0 1 1 0 1 ");
            assertThat(web1).hasSize(13 + threads);
            assertThat(web1[12]).isEqualTo("1");
            assertThat(api.execute("show servers conn bh", USER).split("\n")).hasSize(2);
            assertThat(api.execute("show servers conn nope", USER)).isEqualTo("Can't find backend.\n");
            assertThat(api.execute("show servers conn ft", USER)).isEqualTo("Can't find backend.\n");
        } finally {
            echo.close();
        }
    }

    static String readUntil(InputStream in, String end) throws IOException {
        StringBuilder seen = new StringBuilder();
        byte[] buf = new byte[4096];
        try {
            while (!seen.toString().contains(end)) {
                int n = in.read(buf);
                if (n < 0) {
                    break;
                }
                seen.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no '" + end + "' in: " + seen, e);
        }
        return seen.toString();
    }
}
