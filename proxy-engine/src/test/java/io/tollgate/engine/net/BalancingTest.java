package io.tollgate.engine.net;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.tollgate.engine.net.RunningEngine.freePort;
import static org.assertj.core.api.Assertions.assertThat;

/** Which server gets each request: weights, backups, maxconn queues, retries and redispatch. */
class BalancingTest {
    private final List<Upstream> upstreams = new ArrayList<>();
    private RunningEngine engine;

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
        upstreams.forEach(Upstream::close);
    }

    private Upstream upstream(String name) throws InterruptedException {
        Upstream u = new Upstream(name);
        upstreams.add(u);
        return u;
    }

    private int startEngine(String backendBody, String extraDefaults) throws Exception {
        int port = freePort();
        engine = RunningEngine.start("""
                defaults
                    mode http
                    timeout connect 2s
                    timeout client 10s
                    timeout server 10s
                %s
                frontend fe
                    bind 127.0.0.1:%d
                    default_backend be
                backend be
                %s
                """.formatted(extraDefaults, port, backendBody));
        return port;
    }

    private Map<String, Integer> spread(int port, int requests) throws IOException {
        Map<String, Integer> byServer = new HashMap<>();
        try (RawHttp c = new RawHttp(port)) {
            for (int i = 0; i < requests; i++) {
                RawHttp.Response r = c.get("/");
                assertThat(r.status()).isEqualTo(200);
                byServer.merge(r.text(), 1, Integer::sum);
            }
        }
        return byServer;
    }

    @Test
    void weightsOneTwoThreeGiveOneTwoThreeHundredOfSixHundred() throws Exception {
        Upstream a = upstream("a");
        Upstream b = upstream("b");
        Upstream c = upstream("c");
        int port = startEngine("""
                    balance roundrobin
                    server a 127.0.0.1:%d weight 1
                    server b 127.0.0.1:%d weight 2
                    server c 127.0.0.1:%d weight 3
                """.formatted(a.port(), b.port(), c.port()), "");
        Map<String, Integer> spread = spread(port, 600);
        assertThat(spread).containsEntry("Hello! This is a!\n", 100)
                .containsEntry("Hello! This is b!\n", 200)
                .containsEntry("Hello! This is c!\n", 300);
        assertThat(engine.number("be", "a", "lbtot")).isEqualTo(100);
        assertThat(engine.number("be", "c", "lbtot")).isEqualTo(300);
        assertThat(engine.number("be", "BACKEND", "lbtot")).isEqualTo(600);
        assertThat(engine.number("be", "BACKEND", "weight")).isEqualTo(6);
        assertThat(engine.row("be", "BACKEND").get("algo")).isEqualTo("roundrobin");
    }

    @Test
    void smoothOrderSpreadsTheHeavyServer() throws Exception {
        Upstream a = upstream("a");
        Upstream c = upstream("c");
        int port = startEngine("""
                    server a 127.0.0.1:%d weight 1
                    server c 127.0.0.1:%d weight 3
                """.formatted(a.port(), c.port()), "");
        List<String> order = new ArrayList<>();
        try (RawHttp client = new RawHttp(port)) {
            for (int i = 0; i < 8; i++) {
                order.add(client.get("/").text().substring(15, 16));
            }
        }
        // the sequence documented in RoundRobinBalancer: "a" once in every four, never grouped
        assertThat(String.join("", order)).isEqualTo("cacccacc");
    }

    @Test
    void backupsTakeTrafficOnlyWhenNoActiveServerIsUsable() throws Exception {
        Upstream a = upstream("a");
        Upstream bk = upstream("bk");
        int port = startEngine("""
                    server a 127.0.0.1:%d
                    server bk 127.0.0.1:%d backup
                """.formatted(a.port(), bk.port()), "");
        assertThat(spread(port, 10)).containsOnlyKeys("Hello! This is a!\n");
        var server = engine.engine().proxies().backend("be").servers().get(0);
        engine.engine().proxies().stateChanges().setMaintenance(server, true, "test");
        assertThat(spread(port, 10)).containsOnlyKeys("Hello! This is bk!\n");
        assertThat(engine.number("be", "BACKEND", "act")).isZero();
        assertThat(engine.number("be", "BACKEND", "bck")).isEqualTo(1);
        assertThat(engine.row("be", "a").get("status")).isEqualTo("MAINT");
        engine.engine().proxies().stateChanges().setMaintenance(server, false, "test");
        assertThat(spread(port, 10)).containsOnlyKeys("Hello! This is a!\n");
    }

    @Test
    void disabledServersAreNeverUsedAndNoUsableServerGives503() throws Exception {
        Upstream a = upstream("a");
        int port = startEngine("""
                    server a 127.0.0.1:%d disabled
                """.formatted(a.port()), "");
        try (RawHttp c = new RawHttp(port)) {
            RawHttp.Response r = c.get("/");
            assertThat(r.status()).isEqualTo(503);
            assertThat(r.text()).contains("No server is available to handle this request.");
        }
        assertThat(a.requests()).isZero();
        assertThat(engine.row("be", "BACKEND").get("status")).isEqualTo("DOWN");
        assertThat(engine.number("be", "BACKEND", "hrsp_5xx")).isEqualTo(1);
        assertThat(engine.number("fe", "FRONTEND", "hrsp_5xx")).isEqualTo(1);
    }

    @Test
    void aServerAtMaxconnQueuesAndQcurQmaxShowIt() throws Exception {
        Upstream a = upstream("a");
        int port = startEngine("""
                    timeout queue 5s
                    server a 127.0.0.1:%d maxconn 2
                """.formatted(a.port()), "");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                results.add(pool.submit(() -> {
                    try (RawHttp c = new RawHttp(port)) {
                        return c.get("/slow?ms=600").status();
                    }
                }));
            }
            RunningEngine.sleep(300);
            assertThat(engine.number("be", "BACKEND", "qcur")).isEqualTo(4);
            assertThat(engine.number("be", "a", "scur")).isEqualTo(2);
            for (Future<Integer> f : results) {
                assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(a.maxActive()).isEqualTo(2);
        assertThat(engine.number("be", "BACKEND", "qmax")).isEqualTo(4);
        assertThat(engine.number("be", "BACKEND", "qcur")).isZero();
        assertThat(engine.number("be", "a", "smax")).isEqualTo(2);
        assertThat(engine.row("be", "a").get("slim")).isEqualTo("2");
        assertThat(engine.number("be", "BACKEND", "qtime_max")).isGreaterThanOrEqualTo(500);
        assertThat(engine.number("be", "BACKEND", "rtime_max")).isGreaterThanOrEqualTo(590);
    }

    @Test
    void aQueueTimeoutAnswers503() throws Exception {
        Upstream a = upstream("a");
        int port = startEngine("""
                    timeout queue 300ms
                    server a 127.0.0.1:%d maxconn 1
                """.formatted(a.port()), "");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> slow = pool.submit(() -> {
                try (RawHttp c = new RawHttp(port)) {
                    return c.get("/slow?ms=1500").status();
                }
            });
            RunningEngine.sleep(200);
            try (RawHttp c = new RawHttp(port)) {
                RawHttp.Response r = c.get("/");
                assertThat(r.status()).isEqualTo(503);
            }
            assertThat(slow.get(10, TimeUnit.SECONDS)).isEqualTo(200);
        } finally {
            pool.shutdownNow();
        }
        assertThat(engine.number("be", "BACKEND", "qcur")).isZero();
        assertThat(engine.number("be", "BACKEND", "qmax")).isEqualTo(1);
        assertThat(engine.number("be", "BACKEND", "hrsp_5xx")).isEqualTo(1);
        assertThat(a.requests()).isEqualTo(1);
    }

    @Test
    void withRedispatchARefusedConnectionMovesToAnotherServerAtOnce() throws Exception {
        Upstream good = upstream("good");
        int deadPort = freePort();
        int port = startEngine("""
                    retries 2
                    option redispatch
                    server dead 127.0.0.1:%d
                    server good 127.0.0.1:%d
                """.formatted(deadPort, good.port()), "");
        long t0 = System.nanoTime();
        try (RawHttp c = new RawHttp(port)) {
            // round robin sends the first request to "dead"; the refusal redispatches it
            RawHttp.Response r = c.get("/");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("Hello! This is good!\n");
        }
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(900);
        // the figures HAProxy 2.6.12 shows for the same configuration and request
        assertThat(engine.row("be", "dead")).containsEntry("stot", "1").containsEntry("econ", "0")
                .containsEntry("wretr", "0").containsEntry("wredis", "1").containsEntry("lbtot", "1");
        assertThat(engine.row("be", "good")).containsEntry("stot", "1").containsEntry("hrsp_2xx", "1")
                .containsEntry("lbtot", "1");
        assertThat(engine.row("be", "BACKEND")).containsEntry("stot", "1").containsEntry("econ", "0")
                .containsEntry("wretr", "0").containsEntry("wredis", "1").containsEntry("lbtot", "2");
    }

    @Test
    void withoutRedispatchRetriesOnTheSameServerThenAnswers503() throws Exception {
        Upstream other = upstream("other");
        int deadPort = freePort();
        int port = startEngine("""
                    retries 2
                    server dead 127.0.0.1:%d
                    server other 127.0.0.1:%d
                """.formatted(deadPort, other.port()), "");
        long t0 = System.nanoTime();
        try (RawHttp c = new RawHttp(port)) {
            assertThat(c.get("/").status()).isEqualTo(503);
        }
        // two retries, each after HAProxy's one-second turn-around
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isBetween(1900L, 5000L);
        assertThat(engine.row("be", "dead")).containsEntry("stot", "3").containsEntry("econ", "1")
                .containsEntry("wretr", "2").containsEntry("wredis", "0").containsEntry("lbtot", "1")
                .containsEntry("scur", "0");
        assertThat(engine.row("be", "BACKEND")).containsEntry("econ", "1").containsEntry("wretr", "2")
                .containsEntry("hrsp_5xx", "1");
        assertThat(other.requests()).isZero();
    }

    @Test
    void leastconnSendsNewRequestsAwayFromTheBusyServer() throws Exception {
        Upstream a = upstream("a");
        Upstream b = upstream("b");
        int port = startEngine("""
                    balance leastconn
                    server a 127.0.0.1:%d
                    server b 127.0.0.1:%d
                """.formatted(a.port(), b.port()), "");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<String> slow = pool.submit(() -> {
                try (RawHttp c = new RawHttp(port)) {
                    return c.get("/slow?ms=1500").text();
                }
            });
            RunningEngine.sleep(300);
            Map<String, Integer> quick = spread(port, 4);
            String busy = slow.get(10, TimeUnit.SECONDS);
            assertThat(quick).hasSize(1).doesNotContainKey(busy);
            assertThat(quick.values()).containsExactly(4);
        } finally {
            pool.shutdownNow();
        }
        assertThat(engine.row("be", "BACKEND")).containsEntry("algo", "leastconn");
    }

    @Test
    void uriHashingKeepsEachUriOnOneServer() throws Exception {
        Upstream a = upstream("a");
        Upstream b = upstream("b");
        Upstream c = upstream("c");
        int port = startEngine("""
                    balance uri
                    hash-type consistent sdbm avalanche
                    server a 127.0.0.1:%d
                    server b 127.0.0.1:%d
                    server c 127.0.0.1:%d
                """.formatted(a.port(), b.port(), c.port()), "");
        Map<String, String> first = new HashMap<>();
        try (RawHttp client = new RawHttp(port)) {
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < 30; i++) {
                    String uri = "/object/" + i + "?v=" + round;
                    String server = client.get(uri).text();
                    String previous = first.putIfAbsent("/object/" + i, server);
                    assertThat(previous == null || previous.equals(server)).as(uri).isTrue();
                }
            }
        }
        assertThat(first.values()).contains("Hello! This is a!\n", "Hello! This is b!\n", "Hello! This is c!\n");
        assertThat(engine.row("be", "BACKEND")).containsEntry("algo", "uri");
    }
}
