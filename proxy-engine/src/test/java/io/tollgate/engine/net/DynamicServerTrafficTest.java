package io.tollgate.engine.net;

import io.tollgate.engine.admin.AccessLevel;
import io.tollgate.engine.admin.Actor;
import io.tollgate.engine.stats.JsonStatsWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static io.tollgate.engine.net.RunningEngine.freePort;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Servers added and deleted at run time over real loopback traffic: an added server takes its
 * share of round robin once enabled, is health-checked once its check is enabled, and after
 * {@code del server} gets no request and no stats row; a session still on it blocks the deletion.
 */
class DynamicServerTrafficTest {
    private static final Actor ADMIN = new Actor("ops", "test", "test", AccessLevel.ADMIN);

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

    private int start(Upstream a) throws Exception {
        int port = freePort();
        engine = RunningEngine.start("""
                defaults
                    mode http
                    timeout connect 2s
                    timeout client 10s
                    timeout server 10s
                frontend fe
                    bind 127.0.0.1:%d
                    default_backend be
                backend be
                    balance roundrobin
                    server a 127.0.0.1:%d
                """.formatted(port, a.port()));
        return port;
    }

    private String run(String command) {
        return engine.engine().runtimeApi().execute(command, ADMIN);
    }

    private static Map<String, Integer> spread(int port, int requests) throws Exception {
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

    private static void await(java.util.function.BooleanSupplier condition, String what) {
        long end = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            RunningEngine.sleep(20);
        }
    }

    @Test
    void anAddedServerTakesItsShareOnceEnabledAndShowsEverywhereAtOnce() throws Exception {
        Upstream a = upstream("a");
        Upstream b = upstream("b");
        int port = start(a);
        assertThat(run("add server be/b 127.0.0.1:" + b.port())).isEqualTo("New server registered.\n");
        assertThat(engine.row("be", "b")).containsEntry("status", "MAINT").containsEntry("sid", "2");
        assertThat(new JsonStatsWriter().write(engine.engine().stats().snapshot())).contains("\"b\"");
        assertThat(spread(port, 4)).containsOnlyKeys("Hello! This is a!\n");
        assertThat(b.requests()).isZero();

        assertThat(run("enable server be/b")).isEmpty();
        assertThat(engine.row("be", "b")).containsEntry("status", "no check");
        assertThat(spread(port, 10)).containsEntry("Hello! This is a!\n", 5).containsEntry("Hello! This is b!\n", 5);
        assertThat(engine.number("be", "b", "stot")).isEqualTo(5);
        assertThat(run("show servers state be")).contains(" be 2 b 127.0.0.1 2 0 1 1 ");
    }

    @Test
    void anAddedServerWithCheckIsCheckedOnceHealthIsEnabled() throws Exception {
        Upstream a = upstream("a");
        Upstream c = upstream("c");
        int port = start(a);
        io.tollgate.engine.check.HealthChecks checks = ((NetEngine) engine.engine()).healthChecks();
        assertThat(checks.count()).isZero();
        assertThat(run("add server be/c 127.0.0.1:" + c.port() + " check inter 100 rise 2 fall 2"))
                .isEqualTo("New server registered.\n");
        assertThat(checks.count()).isEqualTo(1);
        assertThat(run("add server be/g 127.0.0.1:" + c.port() + " agent-check agent-port " + a.port()))
                .isEqualTo("New server registered.\n");
        assertThat(checks.count()).isEqualTo(2);
        // as haproxy -db: an agent (0x10), configured (0x02), not enabled (0x04); HAProxy does not
        // show it paused (0x08) as Tollgate does for any server in maintenance
        java.util.regex.Matcher agent = java.util.regex.Pattern.compile(" be 3 g 127\\.0\\.0\\.1 0 1 1 1 \\d+ 1 0 0 0 (\\d+) ")
                .matcher(run("show servers state be"));
        assertThat(agent.find()).isTrue();
        assertThat(Integer.parseInt(agent.group(1)) & ~0x08).isEqualTo(0x12);
        assertThat(run("del server be/g")).isEqualTo("Server deleted.");
        assertThat(checks.count()).isEqualTo(1);
        RunningEngine.sleep(300);
        assertThat(c.connections()).as("no check runs while the server is in maintenance").isZero();
        assertThat(run("enable server be/c")).isEmpty();
        assertThat(run("enable health be/c")).isEmpty();
        await(() -> "UP".equals(engine.row("be", "c").get("status")), "be/c UP after its checks");
        assertThat(engine.row("be", "c")).containsEntry("check_status", "L4OK");
        // the upstream counts a check's connection when it accepts it, maybe after the check ended
        await(() -> c.connections() >= 1, "the check's connections counted by be/c's upstream");
        assertThat(spread(port, 4)).containsEntry("Hello! This is c!\n", 2);

        run("disable server be/c");
        // the last response may reach the client just before its slot is given back
        await(() -> run("del server be/c").equals("Server deleted."), "be/c deleted once its last request ended");
        assertThat(checks.count()).as("the check stopped with the server").isZero();
    }

    @Test
    void deletionWaitsForMaintenanceAndTheLastSessionThenNoRequestReachesTheServer() throws Exception {
        Upstream a = upstream("a");
        Upstream b = upstream("b");
        int port = start(a);
        run("add server be/b 127.0.0.1:" + b.port() + " enabled");
        run("disable server be/a");
        assertThat(run("del server be/b")).isEqualTo("Only servers in maintenance mode can be deleted.");

        CompletableFuture<RawHttp.Response> slow = CompletableFuture.supplyAsync(() -> {
            try (RawHttp client = new RawHttp(port)) {
                return client.get("/slow?ms=1500");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        await(() -> engine.number("be", "b", "scur") == 1, "the slow request on be/b");
        assertThat(run("disable server be/b")).isEmpty();
        assertThat(run("del server be/b")).isEqualTo("Server still has connections attached to it, cannot remove it.");
        assertThat(slow.get().status()).isEqualTo(200);
        await(() -> run("del server be/b").equals("Server deleted."), "be/b deleted once the slow request ended");

        assertThat(engine.csv()).doesNotContainKey("be/b");
        assertThat(run("show stat")).doesNotContain("\nbe,b,");
        run("enable server be/a");
        int before = b.requests();
        assertThat(spread(port, 6)).containsOnlyKeys("Hello! This is a!\n");
        assertThat(b.requests()).isEqualTo(before);
        assertThat(run("add server be/b 127.0.0.1:" + b.port())).isEqualTo("New server registered.\n");
        assertThat(engine.row("be", "b")).containsEntry("sid", "2").containsEntry("stot", "0");
    }
}
