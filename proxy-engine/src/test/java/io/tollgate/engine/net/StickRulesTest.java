package io.tollgate.engine.net;

import io.tollgate.engine.runtime.Proxies;
import io.tollgate.engine.stick.StickTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static io.tollgate.engine.net.RunningEngine.freePort;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code stick on|match|store-request|store-response} over real sockets, in HTTP and TCP mode. */
class StickRulesTest {
    @RegisterExtension
    final TestResources resources = new TestResources();

    private Upstream upstream(String name) throws InterruptedException {
        return resources.upstream(name);
    }

    /** {@code mode} http or tcp; a frontend on {@code port} before backend {@code be} with two servers. */
    private RunningEngine start(String mode, int port, String backendLines, Upstream s1, Upstream s2) throws Exception {
        RunningEngine e = RunningEngine.start("""
                defaults
                    mode %s
                    timeout connect 2s
                    timeout client 10s
                    timeout server 10s
                frontend fe
                    bind 127.0.0.1:%d
                    default_backend be
                backend be
                %s
                    server s1 127.0.0.1:%d
                    server s2 127.0.0.1:%d
                """.formatted(mode, port, backendLines.indent(4).stripTrailing(), s1.port(), s2.port()));
        resources.add(e);
        return e;
    }

    /** One request on a new connection, so that only the stick table can keep it on a server. */
    private static String once(int port, String path, String headers) throws IOException {
        try (RawHttp c = new RawHttp(port)) {
            c.send("GET " + path + " HTTP/1.1\r\nHost: t\r\n" + headers + "Connection: close\r\n\r\n");
            return c.read(false).text();
        }
    }

    private static String hello(String server) {
        return "Hello! This is " + server + "!\n";
    }

    @Test
    void stickOnSrcKeepsEveryConnectionOfAClientOnOneServer() throws Exception {
        Upstream s1 = upstream("s1");
        Upstream s2 = upstream("s2");
        int port = freePort();
        RunningEngine e = start("http", port, """
                balance roundrobin
                stick-table type ip size 1m expire 30m
                stick on src
                """, s1, s2);
        String first = once(port, "/", "");
        for (int i = 0; i < 6; i++) {
            assertThat(once(port, "/", "")).isEqualTo(first);
        }
        StickTable table = e.engine().proxies().table("be");
        String server = first.equals(hello("s1")) ? "s1" : "s2";
        // HAProxy adds server_id and server_key to a table that stick rules write servers into
        assertThat(table.dump()).contains("key=127.0.0.1").contains("server_id=" + (server.equals("s1") ? 1 : 2))
                .contains("server_key=" + server);

        // the stuck server leaves: the client is balanced onto the other one, which is learned
        Proxies proxies = e.engine().proxies();
        var stuck = proxies.backend("be").server(server);
        proxies.stateChanges().setMaintenance(stuck, true, "test");
        String other = server.equals("s1") ? "s2" : "s1";
        assertThat(once(port, "/", "")).isEqualTo(hello(other));
        proxies.stateChanges().setMaintenance(stuck, false, "test");
        assertThat(once(port, "/", "")).isEqualTo(hello(other));
    }

    @Test
    void storeResponseLearnsTheSessionCookieAndMatchFollowsIt() throws Exception {
        Upstream s1 = upstream("s1");
        Upstream s2 = upstream("s2");
        int port = freePort();
        start("http", port, """
                stick-table type string len 32 size 10k expire 1h
                stick match req.cook(JSESSIONID)
                stick store-response res.cook(JSESSIONID)
                """, s1, s2);
        String a = once(port, "/setcookie?name=JSESSIONID&value=aaa", "");
        String b = once(port, "/setcookie?name=JSESSIONID&value=bbb", "");
        assertThat(Set.of(a, b)).containsExactlyInAnyOrder(hello("s1"), hello("s2"));
        for (int i = 0; i < 4; i++) {
            assertThat(once(port, "/", "Cookie: JSESSIONID=aaa\r\n")).isEqualTo(a);
            assertThat(once(port, "/", "Cookie: JSESSIONID=bbb\r\n")).isEqualTo(b);
        }
        // an unknown session is balanced as usual
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            seen.add(once(port, "/", "Cookie: JSESSIONID=zzz" + i + "\r\n"));
        }
        assertThat(seen).containsExactlyInAnyOrder(hello("s1"), hello("s2"));
    }

    @Test
    void onlyTheFirstMatchingStoreOfATableCountsAndConditionsApply() throws Exception {
        Upstream s1 = upstream("s1");
        Upstream s2 = upstream("s2");
        int port = freePort();
        RunningEngine e = start("http", port, """
                stick-table type string len 32 size 10k expire 1h
                stick on req.hdr(x-user) if { req.hdr(x-user) -m found }
                stick store-request req.hdr(x-other)
                stick on path unless { path_beg /skip }
                """, s1, s2);
        once(port, "/p1", "X-User: alice\r\nX-Other: ignored\r\n");
        once(port, "/skip/x", "");
        once(port, "/p2", "");
        StickTable table = e.engine().proxies().table("be");
        assertThat(table.dump()).contains("key=alice").contains("key=/p2")
                .doesNotContain("key=ignored").doesNotContain("key=/p1").doesNotContain("key=/skip");
        String alice = once(port, "/anything", "X-User: alice\r\n");
        for (int i = 0; i < 4; i++) {
            assertThat(once(port, "/p" + i, "X-User: alice\r\n")).isEqualTo(alice);
        }
    }

    @Test
    void stickOnSrcWorksForTcpBackends() throws Exception {
        Upstream s1 = upstream("s1");
        Upstream s2 = upstream("s2");
        int port = freePort();
        RunningEngine e = start("tcp", port, """
                stick-table type ip size 1k expire 30m
                stick on src
                """, s1, s2);
        String first = once(port, "/", "");
        for (int i = 0; i < 5; i++) {
            assertThat(once(port, "/", "")).isEqualTo(first);
        }
        assertThat(s1.requests() == 0 || s2.requests() == 0).isTrue();
        assertThat(e.engine().proxies().table("be").used()).isEqualTo(1);
    }

    @Test
    void expiredEntriesAreSweptAwayWithoutTraffic() throws Exception {
        Upstream s1 = upstream("s1");
        Upstream s2 = upstream("s2");
        int port = freePort();
        RunningEngine e = start("http", port, """
                stick-table type ip size 1k expire 500ms
                stick on src
                """, s1, s2);
        once(port, "/", "");
        StickTable table = e.engine().proxies().table("be");
        assertThat(table.used()).isEqualTo(1);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (table.used() > 0 && System.nanoTime() < deadline) {
            RunningEngine.sleep(50);
        }
        assertThat(table.used()).isZero();
    }
}
