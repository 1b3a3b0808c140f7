package io.tollgate.console;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session and process commands side by side with Debian's HAProxy 2.6.12 on the same
 * configuration (sockets, levels, a backend), byte for byte once each one's own socket paths and
 * ports are named alike: {@code show cli sockets}, {@code set timeout}, {@code set severity-output}
 * and which answers get a severity, {@code show env}, {@code show startup-logs}.
 */
class CliComparisonTest {

    @TempDir
    Path dir;

    private Side tollgate;
    private Side haproxy;
    private HaproxyCliProcess running;
    private Lifetime lifetime;
    private CompletableFuture<Integer> exit;

    /** One program's sockets. */
    private record Side(Path admin, Path user, int tcp) {
        String ask(Path socket, String input) throws Exception {
            return Socat.ask(socket, input).replace(admin.toString(), "ADMIN").replace(user.toString(), "USER")
                    .replace(":" + tcp + " ", ":TCP ");
        }
    }

    @BeforeEach
    void start() throws Exception {
        haproxy = new Side(dir.resolve("h-admin.sock"), dir.resolve("h-user.sock"), Cli.freePort());
        running = HaproxyCliProcess.start(config("h.cfg", haproxy), haproxy.admin());
        tollgate = new Side(dir.resolve("t-admin.sock"), dir.resolve("t-user.sock"), Cli.freePort());
        lifetime = Lifetime.untilEnded();
        exit = Cli.startInBackground(lifetime, config("t.cfg", tollgate));
    }

    @AfterEach
    void stop() throws Exception {
        running.close();
        lifetime.end();
        assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(RunCommand.STOPPED);
    }

    private Path config(String name, Side side) throws Exception {
        return Cli.config(dir, name,
                "global",
                "    stats socket " + side.admin() + " level admin",
                "    stats socket ipv4@127.0.0.1:" + side.tcp(),
                "    stats socket " + side.user() + " level user",
                "defaults",
                "    mode http",
                "    timeout connect 1s",
                "    timeout client 10s",
                "    timeout server 10s",
                "listen web",
                "    bind 127.0.0.1:" + Cli.freePort(),
                "    server s1 127.0.0.1:" + Cli.freePort());
    }

    private void same(boolean admin, String input) throws Exception {
        String theirs = haproxy.ask(admin ? haproxy.admin() : haproxy.user(), input);
        String ours = tollgate.ask(admin ? tollgate.admin() : tollgate.user(), input);
        assertThat(ours).as(input).isEqualTo(theirs);
    }

    @Test
    void showCliSockets() throws Exception {
        same(true, "show cli sockets\n");
        same(false, "show cli sockets\n");
    }

    @Test
    void setTimeout() throws Exception {
        for (String command : List.of("set timeout", "set timeout cli", "set timeout client 1", "set timeout cli 0",
                "set timeout cli x", "set timeout cli 10x", "set timeout cli 1d", "set timeout cli 500ms",
                "set timeout cli 99999999999", "set timeout cli 3000000000")) {
            same(false, command + "\n");
        }
    }

    @Test
    void severityOutput() throws Exception {
        same(true, "set severity-output number;show cli level;get weight web/nope;get weight web/s1;get weight x;"
                + "disable server web/nope;set server web/s1 state ready;show backend;show servers state nope;"
                + "user;show env PATH;operator;show cli level\n");
        same(true, "set severity-output string;show cli level;set timeout cli;set timeout cli 0;set timeout x;"
                + "set severity-output;set severity-output x;show startup-logs;show env NO_SUCH_VARIABLE_HERE;"
                + "set severity-output none;show cli level\n");
        same(false, "set severity-output number;show startup-logs;disable server web/s1\n");
    }

    @Test
    void listenersCountTheBindsAndTheStatsSockets() throws Exception {
        same(false, "show info\n", "Listeners: ");
    }

    /** The line of {@code input}'s answer that starts with {@code field}, in both. */
    private void same(boolean admin, String input, String field) throws Exception {
        String theirs = haproxy.ask(admin ? haproxy.admin() : haproxy.user(), input);
        String ours = tollgate.ask(admin ? tollgate.admin() : tollgate.user(), input);
        assertThat(line(ours, field)).as(input).isEqualTo(line(theirs, field)).isNotNull();
    }

    private static String line(String text, String field) {
        return text.lines().filter(l -> l.startsWith(field)).findFirst().orElse(null);
    }

    @Test
    void showEnvAndStartupLogs() throws Exception {
        same(true, "show env PATH\n");
        same(true, "show env NO_SUCH_VARIABLE_HERE\n");
        same(false, "show env PATH\n");
        same(true, "show startup-logs\n");
        same(false, "show startup-logs\n");
    }
}
