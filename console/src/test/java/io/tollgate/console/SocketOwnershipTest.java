package io.tollgate.console;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code stats socket <path> uid|gid|user|group}: the socket file is given to that user and group
 * (as root, which these tests run as, like the service), names are checked at start with
 * HAProxy's messages, and TCP sockets ignore the options, as in HAProxy.
 */
class SocketOwnershipTest {

    @TempDir
    Path dir;

    private Lifetime lifetime;
    private CompletableFuture<Integer> exit;

    @AfterEach
    void stop() throws Exception {
        if (lifetime != null) {
            lifetime.end();
            assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(RunCommand.STOPPED);
        }
    }

    private Path config(String... socketLines) throws Exception {
        StringBuilder global = new StringBuilder();
        for (String line : socketLines) {
            global.append("    stats socket ").append(line).append('\n');
        }
        return Cli.config(dir, "own.cfg",
                "global",
                global.toString(),
                "defaults",
                "    timeout connect 1s",
                "    timeout client 1s",
                "    timeout server 1s",
                "listen web",
                "    bind 127.0.0.1:" + Cli.freePort(),
                "    server s1 127.0.0.1:" + Cli.freePort());
    }

    private void start(Path cfg) throws Exception {
        lifetime = Lifetime.untilEnded();
        exit = Cli.startInBackground(lifetime, cfg);
    }

    private static PosixFileAttributes attributes(Path path) throws Exception {
        return Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }

    @Test
    void namedUserAndGroupOwnTheSocketFile() throws Exception {
        Path socket = dir.resolve("named.sock");
        start(config(socket + " level admin mode 660 user nobody group nogroup"));
        assertThat(attributes(socket).owner().getName()).isEqualTo("nobody");
        assertThat(attributes(socket).group().getName()).isEqualTo("nogroup");
        assertThat(Socat.ask(socket, "show cli level\n")).isEqualTo("admin\n\n");
    }

    @Test
    void numericIdsNeedNotNameAnyone() throws Exception {
        Path socket = dir.resolve("numeric.sock");
        Path later = dir.resolve("later.sock");
        start(config(socket + " uid 4242 gid 4243", later + " uid 4242 user nobody gid 7 group nogroup",
                "ipv4@127.0.0.1:" + Cli.freePort() + " user nobody"));
        assertThat(Files.getAttribute(socket, "unix:uid", LinkOption.NOFOLLOW_LINKS)).isEqualTo(4242);
        assertThat(Files.getAttribute(socket, "unix:gid", LinkOption.NOFOLLOW_LINKS)).isEqualTo(4243);
        assertThat(attributes(later).owner().getName()).as("the last of uid/user wins").isEqualTo("nobody");
        assertThat(attributes(later).group().getName()).as("the last of gid/group wins").isEqualTo("nogroup");
    }

    @Test
    void anUnknownUserOrGroupStopsTheStartNamingTheKeyword() throws Exception {
        assertThat(failure(config(dir.resolve("a.sock") + " user no-such-user-here")))
                .contains("[ALERT]")
                .contains("own.cfg:2] : 'stats socket' : ''user' : unknown user name 'no-such-user-here''");
        assertThat(failure(config(dir.resolve("b.sock") + " group no-such-group-here")))
                .contains("'stats socket' : ''group' : unknown group name 'no-such-group-here''");
        assertThat(failure(config(dir.resolve("c.sock") + " uid")))
                .contains("'stats socket' : ''uid' : missing value'");
        assertThat(failure(config(dir.resolve("d.sock") + " level admin group")))
                .contains("'stats socket' : ''group' : missing group name'");
        assertThat(dir.resolve("a.sock")).doesNotExist();
    }

    @Test
    void theCheckFindsThemToo() throws Exception {
        Cli.Result result = Cli.run("-c", "-f", config(dir.resolve("a.sock") + " user no-such-user-here").toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("[ALERT] config : parsing [").contains(
                "own.cfg:2] : 'stats socket' : ''user' : unknown user name 'no-such-user-here''\n"
                        + "[ALERT] config : Fatal errors found in configuration.");
        assertThat(Cli.run("-c", "-f", config(dir.resolve("a.sock") + " user nobody group nogroup").toString())
                .exitCode()).isZero();
    }

    /** What a start that must fail printed on stderr. */
    private String failure(Path cfg) throws Exception {
        StringWriter err = new StringWriter();
        RunCommand command = new RunCommand(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                Lifetime.untilEnded());
        assertThat(Cli.runInBackground(command, cfg, null).get(10, TimeUnit.SECONDS)).isEqualTo(RunCommand.FAILED);
        return err.toString();
    }
}
