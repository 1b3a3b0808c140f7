package io.tollgate.engine.net;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static io.tollgate.engine.net.RunningEngine.freePort;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code use_backend} rules over real sockets, in the HAProxy tutorial's layout and in TCP mode. */
class ContentSwitchingTest {
    @RegisterExtension
    final TestResources resources = new TestResources();

    private Upstream upstream(String name) throws InterruptedException {
        return resources.upstream(name);
    }

    @Test
    void theTutorialLayoutRoutesByPathPrefix() throws Exception {
        Upstream ms1 = upstream("ms1.srv1");
        Upstream ms2 = upstream("ms2.srv1");
        Upstream def = upstream("def.srv1");
        int port = freePort();
        RunningEngine engine = RunningEngine.start("""
                global
                    maxconn 8000
                defaults
                    mode http
                    timeout connect 2s
                    timeout client 10s
                    timeout server 10s
                frontend http-in
                    bind 127.0.0.1:%d
                    maxconn 8000
                    acl url_ms1 path_beg -i /ms1/
                    acl url_ms2 path_beg -i /ms2/
                    use_backend ms1 if url_ms1
                    use_backend ms2 if url_ms2
                    default_backend default_servers
                backend ms1
                    server ms1.srv1 127.0.0.1:%d
                backend ms2
                    server ms2.srv1 127.0.0.1:%d
                backend default_servers
                    server def.srv1 127.0.0.1:%d
                """.formatted(port, ms1.port(), ms2.port(), def.port()));
        resources.add(engine);
        try (RawHttp c = new RawHttp(port)) {
            assertThat(c.get("/ms1/x").text()).isEqualTo("Hello! This is ms1.srv1!\n");
            assertThat(c.get("/MS2/y?z=1").text()).isEqualTo("Hello! This is ms2.srv1!\n");
            assertThat(c.get("/").text()).isEqualTo("Hello! This is def.srv1!\n");
            assertThat(c.get("/ms1").text()).isEqualTo("Hello! This is def.srv1!\n");
            c.send("GET http://example.com/ms2/abs HTTP/1.1\r\nHost: example.com\r\n\r\n");
            assertThat(c.read(false).text()).isEqualTo("Hello! This is ms2.srv1!\n");
        }
        assertThat(engine.number("ms1", "BACKEND", "req_tot")).isEqualTo(1);
        assertThat(engine.number("ms2", "BACKEND", "req_tot")).isEqualTo(2);
        assertThat(engine.number("default_servers", "BACKEND", "req_tot")).isEqualTo(2);
        // every backend the frontend may reach gets a tenth of its maxconn as fullconn, as in HAProxy
        assertThat(engine.row("ms1", "BACKEND")).containsEntry("slim", "800");
        assertThat(engine.row("default_servers", "BACKEND")).containsEntry("slim", "800");
    }

    @Test
    void dynamicBackendNamesAndNbsrvPickBackendsPerRequest() throws Exception {
        Upstream a = upstream("a.srv");
        Upstream b = upstream("b.srv");
        int port = freePort();
        RunningEngine engine = RunningEngine.start("""
                defaults
                    mode http
                    timeout connect 2s
                    timeout client 10s
                    timeout server 10s
                frontend fe
                    bind 127.0.0.1:%d
                    use_backend be_%%[req.hdr(x-tenant),lower] if { req.hdr(x-tenant) -m found }
                    use_backend be_b if { nbsrv(be_a) lt 1 }
                    default_backend be_a
                backend be_a
                    server a.srv 127.0.0.1:%d
                backend be_b
                    server b.srv 127.0.0.1:%d
                """.formatted(port, a.port(), b.port()));
        resources.add(engine);
        try (RawHttp c = new RawHttp(port)) {
            c.send("GET / HTTP/1.1\r\nHost: t\r\nX-Tenant: B\r\n\r\n");
            assertThat(c.read(false).text()).isEqualTo("Hello! This is b.srv!\n");
            c.send("GET / HTTP/1.1\r\nHost: t\r\nX-Tenant: nobody\r\n\r\n");
            assertThat(c.read(false).text()).isEqualTo("Hello! This is a.srv!\n");
            assertThat(c.get("/").text()).isEqualTo("Hello! This is a.srv!\n");
        }
        var proxies = engine.engine().proxies();
        proxies.stateChanges().setMaintenance(proxies.backend("be_a").servers().get(0), true, "test");
        try (RawHttp c = new RawHttp(port)) {
            assertThat(c.get("/").text()).isEqualTo("Hello! This is b.srv!\n");
        }
    }

    @Test
    void rulesCombineConditionsAndAnonymousAcls() throws Exception {
        Upstream api = upstream("api");
        Upstream web = upstream("web");
        int port = freePort();
        RunningEngine engine = RunningEngine.start("""
                defaults
                    mode http
                    timeout connect 2s
                    timeout client 10s
                    timeout server 10s
                frontend fe
                    bind 127.0.0.1:%d
                    acl is_api hdr(host) -i api.example.com
                    acl is_post method POST
                    use_backend api if is_api !is_post || { path_end .json }
                    default_backend web
                backend api
                    server api 127.0.0.1:%d
                backend web
                    server web 127.0.0.1:%d
                """.formatted(port, api.port(), web.port()));
        resources.add(engine);
        try (RawHttp c = new RawHttp(port)) {
            c.send("GET /a HTTP/1.1\r\nHost: API.example.com\r\n\r\n");
            assertThat(c.read(false).text()).isEqualTo("Hello! This is api!\n");
            c.send("POST /a HTTP/1.1\r\nHost: api.example.com\r\nContent-Length: 0\r\n\r\n");
            assertThat(c.read(false).text()).isEqualTo("Hello! This is web!\n");
            c.send("POST /data.json HTTP/1.1\r\nHost: www.example.com\r\nContent-Length: 0\r\n\r\n");
            assertThat(c.read(false).text()).isEqualTo("Hello! This is api!\n");
        }
    }

    @Test
    void tcpFrontendsSwitchOnTheSourceAddress() throws Exception {
        TcpTestServer a = new TcpTestServer(TcpTestServer.Mode.COUNT_UNTIL_FIN);
        resources.add(a);
        TcpTestServer b = new TcpTestServer(TcpTestServer.Mode.ECHO);
        resources.add(b);
        int port = freePort();
        RunningEngine engine = RunningEngine.start("""
                defaults
                    mode tcp
                    timeout connect 2s
                    timeout client 10s
                    timeout server 10s
                frontend fe
                    bind 127.0.0.1:%d
                    use_backend counting if { src 127.0.0.2 }
                    default_backend echoing
                backend counting
                    server a 127.0.0.1:%d
                backend echoing
                    server b 127.0.0.1:%d
                """.formatted(port, a.port(), b.port()));
        resources.add(engine);
        try (Socket s = new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName("127.0.0.2"), 0)) {
            s.setSoTimeout(5000);
            s.getOutputStream().write(new byte[7]);
            s.shutdownOutput();
            assertThat(new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("count 7\n");
        }
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(5000);
            s.getOutputStream().write("echo".getBytes(StandardCharsets.US_ASCII));
            assertThat(new String(s.getInputStream().readNBytes(4), StandardCharsets.US_ASCII)).isEqualTo("echo");
        }
    }
}
