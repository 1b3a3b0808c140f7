package io.tollgate.engine.admin;

import io.tollgate.engine.runtime.Proxies;
import io.tollgate.engine.runtime.Server;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.tollgate.engine.admin.CliActors.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The server commands of the runtime API with HAProxy 2.6.12's answers (taken over its stats socket). */
class RuntimeApiTest {

    @TempDir
    Path dir;
    private Proxies proxies;
    private RuntimeApi api;
    private final List<String> audit = new ArrayList<>();

    @BeforeEach
    void load() throws Exception {
        proxies = CliActors.proxies(dir, """
                defaults
                  mode http
                  timeout connect 1s
                  timeout client 5s
                  timeout server 5s
                backend b
                  server s1 127.0.0.1:8080 check weight 10
                  server s2 127.0.0.1:8080
                  server t1 127.0.0.1:8080 track s1
                """);
        api = new RuntimeApi(proxies);
        api.addAuditListener((actor, command, output, allowed) -> audit.add(command + (allowed ? "" : " (denied)")));
    }

    private Server server(String name) {
        return proxies.backend("b").server(name);
    }

    @Test
    void wrongTargetsAndValuesGetHaproxysAnswers() {
        assertThat(api.execute("set server b/s1 state foo", ADMIN))
                .isEqualTo("'set server <srv> state' expects 'ready', 'drain' and 'maint'.\n");
        assertThat(api.execute("set server b/zz state ready", ADMIN)).isEqualTo("No such server.\n");
        assertThat(api.execute("set server zz/s1 state ready", ADMIN)).isEqualTo("No such backend.\n");
        assertThat(api.execute("set server b state ready", ADMIN)).isEqualTo("Require 'backend/server'.\n");
        assertThat(api.execute("set server", ADMIN)).isEqualTo("Require 'backend/server'.\n");
        assertThat(api.execute("set server b/t1 health up", ADMIN)).isEqualTo("cannot change health on a tracking server.\n");
        assertThat(api.execute("set server b/s1 health foo", ADMIN))
                .isEqualTo("'set server <srv> health' expects 'up', 'stopping', or 'down'.\n");
        assertThat(api.execute("set server b/s1 agent up", ADMIN)).isEqualTo("agent checks are not enabled on this server.\n");
        assertThat(api.execute("set server b/s1 foo", ADMIN)).startsWith("usage: set server <backend>/<server> addr |");
        assertThat(api.execute("disable health b/s2", ADMIN)).isEmpty();
        assertThat(api.execute("enable health b/s2", ADMIN))
                .isEqualTo("Health check was not configured on this server, cannot enable.\n");
        assertThat(api.execute("disable agent b/s1", ADMIN)).isEmpty();
        assertThat(api.execute("enable agent b/s1", ADMIN)).isEqualTo("Agent was not configured on this server, cannot enable.\n");
        assertThat(api.execute("set weight b/s1 300", ADMIN)).isEqualTo("Absolute weight can only be between 0 and 256 inclusive.\n");
        assertThat(api.execute("set weight b/s1 x", ADMIN)).isEqualTo("Empty weight string empty or preceded by garbage");
        assertThat(api.execute("set weight b/s1 -5%", ADMIN)).isEqualTo("Relative weight must be positive.\n");
        assertThat(api.execute("shutdown sessions server b/zz", ADMIN)).isEqualTo("No such server.\n");
    }

    @Test
    void commandsChangeTheServersAndAreAudited() {
        assertThat(api.execute("set server b/s1 state maint", ADMIN)).isEmpty();
        assertThat(server("s1").isInMaintenance()).isTrue();
        assertThat(server("t1").inheritsMaintenance()).isTrue();
        assertThat(api.execute("set server b/s1 state drain", ADMIN)).isEmpty();
        assertThat(server("s1").isInMaintenance()).isFalse();
        assertThat(server("s1").isDraining()).isTrue();
        assertThat(api.execute("set server b/s1 state ready", ADMIN)).isEmpty();
        assertThat(server("s1").isUsable()).isTrue();
        assertThat(api.execute("set server b/s1 weight 50%", ADMIN)).isEmpty();
        assertThat(server("s1").userWeight()).isEqualTo(5);
        assertThat(api.execute("set weight b/s1 7", ADMIN)).isEmpty();
        assertThat(server("s1").userWeight()).isEqualTo(7);
        assertThat(api.execute("set server b/s1 health down", ADMIN)).isEmpty();
        assertThat(server("s1").isUp()).isFalse();
        assertThat(server("t1").isUp()).isFalse();
        assertThat(api.execute("set server b/s1 health stopping", ADMIN)).isEmpty();
        assertThat(server("s1").isStopping()).isTrue();
        assertThat(api.execute("disable health b/s1", ADMIN)).isEmpty();
        assertThat(server("s1").isCheckDisabled()).isTrue();
        assertThat(api.execute("enable health b/s1", ADMIN)).isEmpty();
        assertThat(server("s1").isCheckDisabled()).isFalse();
        assertThat(audit).startsWith("set server b/s1 state maint", "set server b/s1 state drain");
    }

    @Test
    void belowAdminNothingChanges() {
        assertThat(api.execute("set server b/s1 state maint", OPERATOR)).isEqualTo("Permission denied\n");
        assertThat(server("s1").isInMaintenance()).isFalse();
        assertThat(audit).containsExactly("set server b/s1 state maint (denied)");
    }
}
