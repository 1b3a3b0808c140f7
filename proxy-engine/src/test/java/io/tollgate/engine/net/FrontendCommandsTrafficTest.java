package io.tollgate.engine.net;

import io.tollgate.engine.admin.AccessLevel;
import io.tollgate.engine.admin.Actor;
import io.tollgate.engine.runtime.Server;
import io.tollgate.engine.runtime.ServerEvent;
import io.tollgate.engine.runtime.StateChanges;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.tollgate.engine.net.RunningEngine.freePort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code disable}, {@code enable} and {@code shutdown frontend} and {@code set maxconn frontend}
 * over real sockets, with HAProxy 2.6.12's answers, statuses and warnings (seen with
 * {@code haproxy -db}): a paused frontend refuses connects (status {@code PAUSED}) while its open
 * connections go on, and listens again once enabled; a shut down one stays closed ({@code STOP}).
 */
class FrontendCommandsTrafficTest {
    private static final Actor ADMIN = new Actor("ops", "test", "socket", AccessLevel.ADMIN);
    private static final Actor OPERATOR = new Actor("ops", "test", "socket", AccessLevel.OPERATOR);

    private Upstream upstream;
    private RunningEngine engine;
    private int port;
    private final List<String> warnings = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        upstream = new Upstream("s1");
        port = freePort();
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
                    server s1 127.0.0.1:%d
                """.formatted(port, upstream.port()));
        engine.engine().proxies().stateChanges().addListener(new StateChanges.Listener() {
            @Override
            public void serverChanged(Server server, String what, String cause) {
            }

            @Override
            public void event(ServerEvent event) {
                warnings.add(event.stderrTag() + " " + event.stderr());
            }
        });
    }

    @AfterEach
    void stop() {
        engine.close();
        upstream.close();
    }

    private String cli(String command) {
        return engine.engine().runtimeApi().execute(command, ADMIN);
    }

    private void assertServes() throws IOException {
        try (RawHttp c = new RawHttp(port)) {
            assertThat(c.get("/").status()).isEqualTo(200);
        }
    }

    private void assertRefused() {
        assertThatThrownBy(() -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            }
        }).isInstanceOf(ConnectException.class);
    }

    @Test
    void aDisabledFrontendRefusesConnectsUntilEnabled() throws Exception {
        try (RawHttp open = new RawHttp(port)) {
            assertThat(open.get("/").status()).isEqualTo(200);

            assertThat(cli("disable frontend fe")).isEmpty();
            assertRefused();
            assertThat(engine.row("fe", "FRONTEND")).containsEntry("status", "PAUSED");
            assertThat(cli("disable frontend fe")).isEqualTo("All sockets are already disabled.\n");
            // an open connection goes on
            assertThat(open.get("/").status()).isEqualTo(200);

            assertThat(cli("enable frontend fe")).isEmpty();
            assertServes();
            assertThat(engine.row("fe", "FRONTEND")).containsEntry("status", "OPEN");
            assertThat(cli("enable frontend fe")).isEqualTo("All sockets are already enabled.\n");
        }
        assertThat(warnings).containsExactly("WARNING Paused frontend fe.", "WARNING Resumed frontend fe.");
    }

    @Test
    void aPortTakenWhilePausedFailsTheResumeUntilFreed() throws Exception {
        assertThat(cli("disable frontend fe")).isEmpty();
        try (java.net.ServerSocket squatter = new java.net.ServerSocket()) {
            squatter.bind(new InetSocketAddress("127.0.0.1", port));
            assertThat(cli("enable frontend fe"))
                    .isEqualTo("Failed to resume frontend, check logs for precise cause (port conflict?).\n");
            assertThat(engine.row("fe", "FRONTEND")).containsEntry("status", "PAUSED");
        }
        assertThat(cli("enable frontend fe")).isEmpty();
        assertServes();
        assertThat(warnings).containsExactly("WARNING Paused frontend fe.", "WARNING Resumed frontend fe.");
    }

    @Test
    void aShutDownFrontendStaysClosed() throws Exception {
        assertServes();
        assertThat(cli("shutdown frontend fe")).isEmpty();
        assertRefused();
        assertThat(engine.row("fe", "FRONTEND")).containsEntry("status", "STOP");
        assertThat(cli("shutdown frontend fe")).isEqualTo("Frontend was already shut down.\n");
        assertThat(cli("enable frontend fe")).isEqualTo("Frontend was previously shut down, cannot enable.\n");
        assertThat(cli("disable frontend fe")).isEqualTo("Frontend was previously shut down, cannot disable.\n");
        assertRefused();
        assertThat(warnings).containsExactly("WARNING Proxy fe stopped (cumulated conns: FE: 1, BE: 0).");
    }

    @Test
    void wrongNamesAndLevelsChangeNothing() throws Exception {
        assertThat(cli("disable frontend")).isEqualTo("A frontend name is expected.\n");
        assertThat(cli("disable frontend nope")).isEqualTo("No such frontend.\n");
        assertThat(cli("disable frontend be")).isEqualTo("No such frontend.\n");
        assertThat(cli("enable frontend")).isEqualTo("A frontend name is expected.\n");
        assertThat(cli("shutdown frontend nope")).isEqualTo("No such frontend.\n");
        for (String c : List.of("disable frontend fe", "shutdown frontend fe", "set maxconn frontend fe 1")) {
            assertThat(engine.engine().runtimeApi().execute(c, OPERATOR)).isEqualTo("Permission denied\n");
        }
        assertServes();
        assertThat(engine.row("fe", "FRONTEND")).containsEntry("status", "OPEN");
        assertThat(warnings).isEmpty();
    }

    @Test
    void frontendMaxconnHoldsNewcomersUntilRaised() throws Exception {
        assertThat(cli("set maxconn frontend fe 1")).isEmpty();
        assertThat(engine.row("fe", "FRONTEND")).containsEntry("slim", "1");
        try (RawHttp first = new RawHttp(port)) {
            assertThat(first.get("/").status()).isEqualTo(200);
            // connected once the first is in: it waits, unanswered, for a place
            try (RawHttp second = new RawHttp(port)) {
                second.socket().setSoTimeout(500);
                second.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
                assertThatThrownBy(() -> second.read(false)).isInstanceOf(SocketTimeoutException.class);
                assertThat(engine.number("fe", "FRONTEND", "scur")).isEqualTo(1);

                assertThat(cli("set maxconn frontend fe 2")).isEmpty();
                second.socket().setSoTimeout(3000);
                assertThat(second.read(false).status()).isEqualTo(200);
                assertThat(engine.number("fe", "FRONTEND", "scur")).isEqualTo(2);
            }
        }
    }
}
