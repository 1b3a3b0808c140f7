package io.tollgate.engine.net;

import io.tollgate.engine.admin.AccessLevel;
import io.tollgate.engine.admin.Actor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import static io.tollgate.engine.net.RunningEngine.freePort;
import static io.tollgate.engine.net.RunningEngine.sleep;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code set server addr}, {@code set server check-port} and {@code set maxconn server} over
 * real sockets: new connections and check runs go to the new place while open connections stay
 * where they are, and a raised {@code maxconn} serves the queue at once.
 */
class ServerSettingsTrafficTest {
    private static final Actor ADMIN = new Actor("ops", "test", "socket", AccessLevel.ADMIN);

    private final List<Upstream> upstreams = new ArrayList<>();
    private RunningEngine engine;
    private ExecutorService clients;

    @AfterEach
    void stop() {
        if (clients != null) {
            clients.shutdownNow();
        }
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

    private String cli(String command) {
        return engine.engine().runtimeApi().execute(command, ADMIN);
    }

    private static String body(RawHttp.Response r) {
        return new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void newConnectionsGoToTheNewAddressOpenOnesStay() throws Exception {
        Upstream a = upstream("a");
        Upstream b = upstream("b");
        int http = freePort();
        int tcp = freePort();
        engine = RunningEngine.start("""
                defaults
                    timeout connect 2s
                    timeout client 10s
                    timeout server 10s
                frontend fe
                    mode http
                    bind 127.0.0.1:%d
                    default_backend be
                backend be
                    mode http
                    server s1 127.0.0.1:%d
                listen tunnel
                    mode tcp
                    bind 127.0.0.1:%d
                    server t1 127.0.0.1:%d
                """.formatted(http, a.port(), tcp, a.port()));
        try (RawHttp open = new RawHttp(tcp); RawHttp keepAlive = new RawHttp(http)) {
            assertThat(body(open.get("/"))).contains("This is a!");
            assertThat(body(keepAlive.get("/"))).contains("This is a!");

            assertThat(cli("set server be/s1 addr 127.0.0.1 port " + b.port())).isEqualTo("no need to change the addr, "
                    + "port changed from '" + a.port() + "' to '" + b.port() + "' by 'stats socket command'\n");
            cli("set server tunnel/t1 addr 127.0.0.1 port " + b.port());

            // the tunnel opened before keeps its server connection; a new one goes to b
            assertThat(body(open.get("/"))).contains("This is a!");
            try (RawHttp fresh = new RawHttp(tcp)) {
                assertThat(body(fresh.get("/"))).contains("This is b!");
            }
            // in HTTP each request picks its server connection: the next one is b's, even on an old client connection
            assertThat(body(keepAlive.get("/"))).contains("This is b!");
            try (RawHttp fresh = new RawHttp(http)) {
                assertThat(body(fresh.get("/"))).contains("This is b!");
            }
        }
        assertThat(engine.row("be", "s1")).containsEntry("addr", "127.0.0.1:" + b.port());
        assertThat(cli("show servers state be")).contains(" s1 127.0.0.1 ").contains(" - " + b.port() + " - 0 0 - - 0");
    }

    @Test
    void checksFollowTheAddressUnlessTheyHaveTheirOwnPort() throws Exception {
        Upstream a = upstream("a");
        Upstream b = upstream("b");
        Upstream c = upstream("c");
        Upstream d = upstream("d");
        engine = RunningEngine.start("""
                defaults
                    mode tcp
                    timeout connect 2s
                    timeout client 10s
                    timeout server 10s
                backend follows
                    server c1 127.0.0.1:%d check inter 100
                backend ownport
                    server c2 127.0.0.1:%d check port %d inter 100
                """.formatted(a.port(), a.port(), c.port()));
        awaitGrowth(a::connections);
        awaitGrowth(c::connections);

        cli("set server follows/c1 addr 127.0.0.1 port " + b.port());
        awaitGrowth(b::connections);
        assertThat(settled(a::connections)).as("no check goes to the old address").isTrue();

        cli("set server ownport/c2 addr 127.0.0.1 port " + b.port());
        awaitGrowth(c::connections);

        assertThat(cli("set server ownport/c2 check-port " + d.port())).isEmpty();
        awaitGrowth(d::connections);
        assertThat(settled(c::connections)).as("no check goes to the old check port").isTrue();
        assertThat(cli("show servers state ownport")).contains(" 0 " + d.port() + " - - " + c.port() + "\n");
    }

    @Test
    void aRaisedServerMaxconnServesTheQueueAtOnce() throws Exception {
        Upstream a = upstream("a");
        int http = freePort();
        engine = RunningEngine.start("""
                defaults
                    mode http
                    timeout connect 2s
                    timeout client 10s
                    timeout server 10s
                    timeout queue 10s
                frontend fe
                    bind 127.0.0.1:%d
                    default_backend be
                backend be
                    server s1 127.0.0.1:%d maxconn 1
                """.formatted(http, a.port()));
        clients = Executors.newFixedThreadPool(3);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            answers.add(clients.submit((Callable<Integer>) () -> {
                try (RawHttp c = new RawHttp(http)) {
                    return c.get("/slow?ms=1500").status();
                }
            }));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (engine.number("be", "BACKEND", "qcur") < 2 && System.nanoTime() < deadline) {
            sleep(10);
        }
        assertThat(engine.number("be", "BACKEND", "qcur")).isEqualTo(2);
        assertThat(a.maxActive()).isEqualTo(1);

        assertThat(cli("set maxconn server be/s1 3")).isEmpty();

        // all three at the server together, long before the first one is done
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        while (a.maxActive() < 3 && System.nanoTime() < deadline) {
            sleep(10);
        }
        assertThat(a.maxActive()).isEqualTo(3);
        for (Future<Integer> f : answers) {
            assertThat(f.get(5, TimeUnit.SECONDS)).isEqualTo(200);
        }
        assertThat(engine.row("be", "s1")).containsEntry("slim", "3");
        assertThat(engine.row("be", "BACKEND")).containsEntry("qmax", "2");
    }

    /** Waits until the count grows by at least two (two check runs) within three seconds. */
    private static void awaitGrowth(IntSupplier count) {
        int start = count.getAsInt();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (count.getAsInt() < start + 2 && System.nanoTime() < deadline) {
            sleep(20);
        }
        assertThat(count.getAsInt()).isGreaterThanOrEqualTo(start + 2);
    }

    /** Whether the count stops moving once a run under way had time to end. */
    private static boolean settled(IntSupplier count) {
        sleep(300);
        int before = count.getAsInt();
        sleep(500);
        return count.getAsInt() == before;
    }
}
