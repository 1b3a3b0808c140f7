package io.tollgate.engine.check;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code option mysql-check} against Debian's MariaDB: the statuses, codes and texts HAProxy
 * 2.6.12 showed for the same server, a wrong peer, and the server going away.
 */
class MySqlCheckTest {

    @Test
    void mariaDbUpRefusingWrongPeerAndStopped() throws Exception {
        try (MariaDbServer db = new MariaDbServer();
             RedisServer redis = new RedisServer(null);
             CheckedEngine e = CheckedEngine.start(CheckResults.defaults("1s")
                     + CheckResults.backend("greeting", "mysql-check", db.port())
                     + CheckResults.backend("login", "mysql-check user haproxy", db.port())
                     + CheckResults.backend("login40", "mysql-check user haproxy pre-41", db.port())
                     + CheckResults.backend("stranger", "mysql-check user nobody post-41", db.port())
                     + CheckResults.backend("redis", "mysql-check user haproxy", redis.port()))) {
            assertThat(CheckResults.first(e, "greeting", "s")).isEqualTo("L7OK/0");
            assertThat(CheckResults.first(e, "login", "s")).isEqualTo("L7OK/0");
            assertThat(CheckResults.first(e, "login40", "s")).isEqualTo("L7OK/0");
            assertThat(CheckResults.first(e, "stranger", "s"))
                    .isEqualTo("L7STS/1045 #28000Access denied for user 'nobody'@'127.0.0.1' (using password: NO)");
            // Redis waits for the end of a line that never comes
            assertThat(CheckResults.first(e, "redis", "s")).isEqualTo("L7TOUT");
            assertThat(e.messages()).anyMatch(m -> m.startsWith("Server stranger/s is DOWN, reason: Layer7 wrong status, "
                    + "code: 1045, info: \"#28000Access denied for user 'nobody'@'127.0.0.1' (using password: NO)\", "
                    + "check duration: "));

            db.stop();
            // a check caught by the shutdown itself may fail otherwise first: wait for the refusals
            assertThat(CheckResults.awaitResult(e, "login", "s", line -> line.startsWith("L4")))
                    .isEqualTo("L4CON Connection refused");
            assertThat(e.row("login", "s").get("status")).isEqualTo("DOWN");
        }
    }
}
