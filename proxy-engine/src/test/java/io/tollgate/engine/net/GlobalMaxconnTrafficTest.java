package io.tollgate.engine.net;

import io.tollgate.engine.admin.AccessLevel;
import io.tollgate.engine.admin.Actor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.SocketTimeoutException;

import static io.tollgate.engine.net.RunningEngine.freePort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The process's {@code maxconn} over every frontend, changed by {@code set maxconn global}: at the
 * limit no frontend takes a new session (newcomers wait unanswered, as in HAProxy's paused
 * listeners), and raising it lets the waiting one in at once.
 */
class GlobalMaxconnTrafficTest {
    private static final Actor ADMIN = new Actor("ops", "test", "socket", AccessLevel.ADMIN);

    private Upstream upstream;
    private RunningEngine engine;

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
        if (upstream != null) {
            upstream.close();
        }
    }

    @Test
    void theProcessLimitHoldsNewcomersOnEveryFrontendUntilRaised() throws Exception {
        upstream = new Upstream("s1");
        int one = freePort();
        int two = freePort();
        engine = RunningEngine.start("""
                global
                    maxconn 500
                defaults
                    mode http
                    timeout connect 2s
                    timeout client 10s
                    timeout server 10s
                frontend one
                    bind 127.0.0.1:%d
                    default_backend be
                frontend two
                    bind 127.0.0.1:%d
                    default_backend be
                backend be
                    server s1 127.0.0.1:%d
                """.formatted(one, two, upstream.port()));
        var api = engine.engine().runtimeApi();
        assertThat(api.execute("set maxconn global 501", ADMIN)).isEqualTo("Value out of range.\n");
        assertThat(api.execute("set maxconn global 1", ADMIN)).isEmpty();
        assertThat(api.execute("show info", ADMIN)).contains("\nMaxconn: 1\n").contains("\nHard_maxconn: 500\n");
        try (RawHttp first = new RawHttp(one)) {
            assertThat(first.get("/").status()).isEqualTo(200);
            try (RawHttp second = new RawHttp(two)) {
                second.socket().setSoTimeout(500);
                second.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
                assertThatThrownBy(() -> second.read(false)).isInstanceOf(SocketTimeoutException.class);
                assertThat(engine.number("two", "FRONTEND", "stot")).isZero();

                assertThat(api.execute("set maxconn global 0", ADMIN)).isEmpty();
                second.socket().setSoTimeout(3000);
                assertThat(second.read(false).status()).isEqualTo(200);
            }
        }
        assertThat(api.execute("show info", ADMIN)).contains("\nMaxconn: 500\n");
    }
}
