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

/**
 * {@code add server} and {@code del server} without traffic: HAProxy 2.6.12's answers (taken with
 * {@code haproxy -db} over its stats socket on the same backends) and what the new server looks
 * like on the read surfaces.
 */
class DynamicServerCommandsTest {

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
                backend rr
                  balance roundrobin
                  default-server inter 1s weight 7
                  server s1 127.0.0.1:27412
                  server s2 127.0.0.1:27413 check
                backend st
                  balance static-rr
                  server a 127.0.0.1:27412
                backend hm
                  balance source
                  server a 127.0.0.1:27412
                backend hc
                  balance source
                  hash-type consistent
                  server a 127.0.0.1:27412
                backend us
                  use-server a if TRUE
                  server a 127.0.0.1:27412
                  server b 127.0.0.1:27413 track rr/s2
                """);
        api = new RuntimeApi(proxies);
        api.addAuditListener((actor, command, output, allowed) -> audit.add(command + (allowed ? "" : " (denied)")));
    }

    private String run(String command) {
        return api.execute(command, ADMIN);
    }

    private Server server(String backend, String name) {
        return proxies.backend(backend).server(name);
    }

    @Test
    void anAddedServerStartsInMaintenanceWithoutDefaultServerSettingsAndTheNextFreeId() {
        assertThat(run("add server rr/n1 127.0.0.1:27414")).isEqualTo("New server registered.\n");
        Server n1 = server("rr", "n1");
        assertThat(n1.isInMaintenance()).isTrue();
        assertThat(n1.userWeight()).isEqualTo(1); // default-server's weight 7 is not inherited
        assertThat(n1.id()).isEqualTo(3);
        assertThat(proxies.backend("rr").servers()).extracting(Server::name).containsExactly("s1", "s2", "n1");
        assertThat(run("show stat")).contains("\nrr,n1,0,0,0,0,,0,0,0,,0,,0,0,0,0,MAINT,1,1,0,");
        // as haproxy -db: "3 rr 3 n1 127.0.0.1 0 1 1 1 <lastchg> 1 0 0 0 0 0 0 - 27414 - 0 0 - - 0"
        assertThat(run("show servers state rr")).containsPattern("\n\\d+ rr 3 n1 127\\.0\\.0\\.1 0 1 1 1 \\d+ 1 0 0 0 0 0 0 "
                + "- 27414 - 0 0 - - 0\n");
        assertThat(run("enable server rr/n1")).isEmpty();
        assertThat(n1.isUsable()).isTrue();
        assertThat(proxies.backend("rr").candidates()).contains(n1);
    }

    @Test
    void enabledStartsReadyAndDisabledShowsTheConfigurationMaintenanceFlag() {
        assertThat(run("add server rr/up 127.0.0.1:1 enabled")).isEqualTo("New server registered.\n");
        assertThat(server("rr", "up").isUsable()).isTrue();
        assertThat(run("add server rr/off 127.0.0.1:1 disabled")).isEqualTo("New server registered.\n");
        assertThat(run("show servers state rr"))
                .containsPattern("\n\\d+ rr 3 up 127\\.0\\.0\\.1 2 0 1 1 \\d+ 1 0 2 0 0 ")
                .containsPattern("\n\\d+ rr 4 off 127\\.0\\.0\\.1 0 5 1 1 \\d+ 1 0 0 8 0 ");
    }

    @Test
    void aCheckedServerHasItsCheckConfiguredButDisabled() {
        assertThat(run("add server rr/c 127.0.0.1:1 check inter 2s rise 3 fall 4")).isEqualTo("New server registered.\n");
        Server c = server("rr", "c");
        assertThat(c.check()).isNotNull();
        assertThat(c.isCheckDisabled()).isTrue();
        assertThat(c.config().check().rise()).isEqualTo(3);
        assertThat(c.config().check().inter()).isEqualTo(2000);
        assertThat(run("enable health rr/c")).isEmpty();
        assertThat(c.isCheckDisabled()).isFalse();
    }

    @Test
    void refusalsGetHaproxysAnswersAndChangeNothing() {
        assertThat(run("add server st/n1 127.0.0.1:1"))
                .isEqualTo("Backend must use a dynamic load balancing to support dynamic servers.");
        assertThat(run("add server hm/n1 127.0.0.1:1"))
                .isEqualTo("Backend must use a dynamic load balancing to support dynamic servers.");
        assertThat(run("add server nope/n1 127.0.0.1:1")).isEqualTo("No such backend.");
        assertThat(run("add server rr")).isEqualTo("Require 'backend/server'.");
        assertThat(run("add server rr/")).isEqualTo("Require 'backend/server'.");
        assertThat(run("add server /x 127.0.0.1:1")).isEqualTo("Require 'backend/server'.");
        assertThat(run("add server")).isEqualTo("Require 'backend/server'.");
        assertThat(run("add server rr/n2")).isEqualTo("'server' expects <name> and <addr>[:<port>] as arguments.\n");
        assertThat(run("add server rr/s1 127.0.0.1:1")).isEqualTo("Already exists a server with the same name in backend.\n");
        assertThat(run("add server rr/n3 127.0.0.1:1 cookie c"))
                .isEqualTo("'cookie' option is not accepted for dynamic server\n");
        assertThat(run("add server rr/n3 127.0.0.1:1 weight 2 resolvers dns"))
                .isEqualTo("'resolvers' option is not accepted for dynamic server\n");
        assertThat(run("add server rr/n3 127.0.0.1:1 no-check"))
                .isEqualTo("'no-check' option is not accepted for dynamic server\n");
        assertThat(run("add server rr/n3 127.0.0.1:1 foo")).isEqualTo("unknown keyword 'foo'; did you mean 'tfo' maybe ?\n");
        assertThat(run("add server rr/n3 127.0.0.1:1 weight 999")).startsWith("weight of server n3 is not within 0 and 256 (999).");
        assertThat(run("add server rr/n3 127.0.0.1:1 track nope/x"))
                .isEqualTo("unable to find required proxy 'nope' for tracking.\n");
        assertThat(run("add server rr/n3 127.0.0.1:1 track rr/zz"))
                .isEqualTo("unable to find required server 'zz' for tracking.\n");
        assertThat(run("add server rr/n3 127.0.0.1:1 track rr/s1"))
                .isEqualTo("unable to use rr/s1 for tracking as it does not have any check nor agent enabled.\n");
        assertThat(proxies.backend("rr").servers()).extracting(Server::name).containsExactly("s1", "s2");
        assertThat(proxies.backend("st").servers()).hasSize(1);
        assertThat(run("add server hc/n1 127.0.0.1:1")).isEqualTo("New server registered.\n");
    }

    @Test
    void idsAreTheFirstFreeOnesAndCustomOnesMustBeFree() {
        assertThat(run("add server rr/x1 127.0.0.1:1")).isEqualTo("New server registered.\n");
        assertThat(run("add server rr/x2 127.0.0.1:1")).isEqualTo("New server registered.\n");
        assertThat(run("del server rr/x1")).isEqualTo("Server deleted.");
        assertThat(run("add server rr/x3 127.0.0.1:1")).isEqualTo("New server registered.\n");
        assertThat(server("rr", "x3").id()).isEqualTo(3);
        assertThat(run("add server rr/x4 127.0.0.1:1 id 10")).isEqualTo("New server registered.\n");
        assertThat(run("add server rr/x5 127.0.0.1:1 id 10"))
                .isEqualTo("'id' : custom id 10 already used at (null):0 ('server x4').\n");
        assertThat(run("add server rr/x6 127.0.0.1:1")).isEqualTo("New server registered.\n");
        assertThat(server("rr", "x6").id()).isEqualTo(5);
        assertThat(run("add server rr/x7 127.0.0.1:1 track rr/x2"))
                .isEqualTo("unable to use rr/x2 for tracking as it is a dynamic server.\n");
    }

    @Test
    void deletionNeedsMaintenanceAndNothingPointingAtTheServer() {
        assertThat(run("del server rr/s1")).isEqualTo("Only servers in maintenance mode can be deleted.");
        assertThat(run("del server rr/s2"))
                .isEqualTo("This server cannot be removed at runtime due to other configuration elements pointing to it.");
        assertThat(run("disable server us/a")).isEmpty();
        assertThat(run("del server us/a"))
                .isEqualTo("This server cannot be removed at runtime due to other configuration elements pointing to it.");
        assertThat(run("del server us/b")).isEqualTo("Only servers in maintenance mode can be deleted.");
        assertThat(run("disable server us/b")).isEmpty();
        assertThat(run("del server us/b")).isEqualTo("Server deleted.");
        assertThat(server("rr", "s2").trackers()).isEmpty();
        assertThat(run("del server us/b")).isEqualTo("No such server.");
        assertThat(run("del server nope/b")).isEqualTo("No such backend.");
        assertThat(run("del server us")).isEqualTo("Require 'backend/server'.");
        assertThat(run("disable server rr/s1")).isEmpty();
        assertThat(run("del server rr/s1")).isEqualTo("Server deleted.");
        assertThat(run("show stat")).doesNotContain("\nrr,s1,");
        assertThat(run("show servers state rr")).doesNotContain(" s1 ");
        assertThat(proxies.backend("rr").candidates()).extracting(Server::name).containsExactly("s2");
    }

    @Test
    void aServerTrackedOnceStaysPinnedAsInHaproxy() {
        assertThat(run("add server rr/t 127.0.0.1:1 track s2")).isEqualTo("New server registered.\n");
        Server t = server("rr", "t");
        assertThat(t.tracked()).isSameAs(server("rr", "s2"));
        assertThat(run("del server rr/t")).isEqualTo("Server deleted.");
        assertThat(server("rr", "s2").trackers()).doesNotContain(t);
        assertThat(run("disable server us/b")).isEmpty();
        assertThat(run("del server us/b")).isEqualTo("Server deleted.");
        assertThat(server("rr", "s2").trackers()).isEmpty();
        assertThat(run("disable server rr/s2")).isEmpty();
        assertThat(run("del server rr/s2"))
                .isEqualTo("This server cannot be removed at runtime due to other configuration elements pointing to it.");
    }

    @Test
    void aTrackingServerFollowsTheStateOfTheServerItTracks() {
        assertThat(run("set server rr/s2 health down")).isEmpty();
        assertThat(run("add server rr/t 127.0.0.1:1 track s2")).isEqualTo("New server registered.\n");
        assertThat(run("enable server rr/t")).isEmpty();
        assertThat(server("rr", "t").isUp()).isFalse();
        assertThat(run("show stat")).contains("\nrr,t,0,0,0,0,,0,0,0,,0,,0,0,0,0,DOWN,");
        assertThat(run("set server rr/s2 health up")).isEmpty();
        assertThat(server("rr", "t").isUsable()).isTrue();
    }

    @Test
    void belowAdminNothingChanges() {
        assertThat(api.execute("add server rr/n1 127.0.0.1:1", OPERATOR)).isEqualTo("Permission denied\n");
        assertThat(api.execute("del server rr/s1", OPERATOR)).isEqualTo("Permission denied\n");
        assertThat(server("rr", "n1")).isNull();
        assertThat(server("rr", "s1")).isNotNull();
        assertThat(audit).containsExactly("add server rr/n1 127.0.0.1:1 (denied)", "del server rr/s1 (denied)");
    }
}
