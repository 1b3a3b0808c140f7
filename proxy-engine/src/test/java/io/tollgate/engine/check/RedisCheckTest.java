package io.tollgate.engine.check;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code option redis-check} against Debian's Redis and against wrong peers, with the statuses
 * and texts HAProxy 2.6.12 showed for the same servers.
 */
class RedisCheckTest {

    @Test
    void redisAndWrongPeers() throws Exception {
        try (RedisServer redis = new RedisServer(null);
             RedisServer locked = new RedisServer("sekret");
             FlippingHttpServer web = new FlippingHttpServer();
             CheckedEngine e = CheckedEngine.start(CheckResults.defaults("500")
                     + CheckResults.backend("up", "redis-check", redis.port())
                     + CheckResults.backend("locked", "redis-check", locked.port())
                     + CheckResults.backend("web", "redis-check", web.port())
                     + CheckResults.backend("closed", "redis-check", LocalServer.freePort()))) {
            assertThat(CheckResults.first(e, "up", "s")).isEqualTo("L7OK/0 Redis server is ok");
            // -NOAUTH is not +PONG, and HAProxy keeps waiting for it until the timeout
            assertThat(CheckResults.first(e, "locked", "s")).isEqualTo("L7TOUT");
            // the JDK server answers the RESP array with a 400 and closes: its first line is the info
            assertThat(CheckResults.first(e, "web", "s")).isEqualTo("L7STS/0 HTTP/1.1 400 Bad Request");
            assertThat(CheckResults.first(e, "closed", "s")).isEqualTo("L4CON Connection refused");
            assertThat(e.messages()).contains("Server web/s is DOWN, reason: Layer7 wrong status, code: 0, info: "
                    + "\"HTTP/1.1 400 Bad Request\", check duration: " + e.checksOf("web", "s").get(0).result().durationMillis()
                    + "ms. 0 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.");
        }
    }
}
