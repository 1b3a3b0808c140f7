package io.tollgate.engine.net;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static io.tollgate.engine.net.RunningEngine.freePort;
import static org.assertj.core.api.Assertions.assertThat;

/** userlist, http_auth and http_auth_group with http-request auth, over real sockets. */
class AuthRulesTest {
    /** "s3cret" hashed with {@code openssl passwd -6 -salt tollgate s3cret}. */
    private static final String HASH = "$6$tollgate$w4d9DCifMh/AOiK3oRKvlHKbFbc0qIkqj4XAl2u5tcNcCjhIhOILsZKlSg1ztvHdx1xdk1Q7yrB2aCZQ96qmW1";
    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static RawHttp.Response get(RawHttp c, String path, String authorization) throws Exception {
        c.send("GET " + path + " HTTP/1.1\r\nHost: t\r\n"
                + (authorization == null ? "" : "Authorization: " + authorization + "\r\n") + "\r\n");
        return c.read(false);
    }

    @Test
    void onlyValidUsersAndGroupsGetThrough() throws Exception {
        Upstream app = new Upstream("app");
        closing.add(app);
        int port = freePort();
        RunningEngine e = RunningEngine.start("""
                userlist staff
                    group admins users ann
                    group readers
                    user ann password %s
                    user bob insecure-password hunter2 groups readers
                defaults
                    mode http
                    timeout connect 2s
                    timeout client 10s
                    timeout server 10s
                frontend fe
                    bind 127.0.0.1:%d
                    acl valid http_auth(staff)
                    acl admin http_auth_group(staff) admins
                    http-request auth realm Staff unless valid
                    http-request deny if { path_beg /admin } !admin
                    http-request set-header X-User %%[http_auth_user]
                    default_backend be
                backend be
                    server app 127.0.0.1:%d
                """.formatted(HASH, port, app.port()));
        closing.add(e);
        try (RawHttp c = new RawHttp(port)) {
            RawHttp.Response none = get(c, "/", null);
            assertThat(none.status()).isEqualTo(401);
            assertThat(none.header("www-authenticate")).isEqualTo("Basic realm=\"Staff\"");
            assertThat(get(c, "/", basic("ann", "wrong")).status()).isEqualTo(401);
            assertThat(get(c, "/", basic("nobody", "s3cret")).status()).isEqualTo(401);
            assertThat(get(c, "/headers", basic("ann", "s3cret")).text()).contains("X-User: ann");
            assertThat(get(c, "/admin/x", basic("ann", "s3cret")).status()).isEqualTo(200);
            assertThat(get(c, "/", basic("bob", "hunter2")).status()).isEqualTo(200);
            assertThat(get(c, "/admin/x", basic("bob", "hunter2")).status()).isEqualTo(403);
        }
        assertThat(e.number("fe", "FRONTEND", "intercepted")).isEqualTo(3);
        assertThat(e.number("fe", "FRONTEND", "dreq")).isEqualTo(1);
    }
}
