package io.tollgate.console;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The global {@code stats socket}s of a running {@code tollgate -f cfg}, talked to with Debian's
 * {@code socat} as HAProxy's users do: the exact bytes HAProxy 2.6.12 answers (checked against it
 * with socat), levels, TCP, the socket file's life, and clients that misbehave.
 */
class AdminSocketTest {

    @TempDir
    Path dir;

    private Path admin;
    private Path user;
    private int tcp;
    private String csv;
    private Lifetime lifetime;
    private CompletableFuture<Integer> exit;

    @BeforeEach
    void start() throws Exception {
        admin = dir.resolve("admin.sock");
        user = dir.resolve("user.sock");
        tcp = Cli.freePort();
        int web = Cli.freePort();
        csv = "http://127.0.0.1:" + web + "/st;csv";
        lifetime = Lifetime.untilEnded();
        exit = Cli.startInBackground(lifetime, config("cli.cfg", admin, web));
    }

    private Path config(String name, Path adminSocket, int web) throws IOException {
        return Cli.config(dir, name,
                "global",
                "    stats socket " + adminSocket + " mode 600 level admin",
                "    stats socket " + user + " level user",
                "    stats socket ipv4@127.0.0.1:" + tcp + " level admin",
                "    stats timeout 1s",
                "defaults",
                "    mode http",
                "    timeout connect 1s",
                "    timeout client 10s",
                "    timeout server 10s",
                "listen web",
                "    bind 127.0.0.1:" + web,
                "    stats uri /st",
                "    server s1 127.0.0.1:" + Cli.freePort());
    }

    @AfterEach
    void stop() throws Exception {
        lifetime.end();
        assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(RunCommand.STOPPED);
        assertThat(admin).as("removed on shutdown").doesNotExist();
    }

    @Test
    void oneLineOfCommandsIsAnsweredThenClosed() throws Exception {
        assertThat(Socat.ask(admin, "show cli level; set server web/s1 state maint\n")).isEqualTo("admin\n\n\n");
        assertThat(status("s1")).isEqualTo("MAINT");
        assertThat(Socat.ask(admin, "set server web/s1 state ready;nope\n"))
                .startsWith("\nUnknown command").endsWith("\n\n");
        assertThat(status("s1")).isNotEqualTo("MAINT");
    }

    @Test
    void addedAndDeletedServersShowOnThePageAtOnce() throws Exception {
        // the bytes haproxy 2.6.12 answers over socat: one empty line after "registered", none more after "deleted"
        assertThat(Socat.ask(admin, "add server web/s2 127.0.0.1:1\n")).isEqualTo("New server registered.\n\n");
        assertThat(status("s2")).isEqualTo("MAINT");
        assertThat(Socat.ask(admin, "add server web/s2 127.0.0.1:1\n"))
                .isEqualTo("Already exists a server with the same name in backend.\n\n");
        assertThat(Socat.ask(user, "del server web/s2\n")).isEqualTo("Permission denied\n\n");
        assertThat(Socat.ask(admin, "del server web/s2\n")).isEqualTo("Server deleted.\n");
        assertThat(Http.get(csv).body()).contains("\nweb,s1,").doesNotContain("\nweb,s2,");
    }

    @Test
    void promptKeepsTheSessionUntilQuit() throws Exception {
        assertThat(Socat.ask(admin, "prompt\nshow cli level\noperator\nshow cli level\nquit\nshow cli level\n"))
                .isEqualTo("\n> admin\n\n> \n> operator\n\n> ");
        assertThat(Socat.ask(admin, "prompt;show cli level\n")).isEqualTo("\n> admin\n\n> ");
    }

    @Test
    void levelsCanOnlyBeLowered() throws Exception {
        assertThat(Socat.ask(user, "show cli level;set server web/s1 state maint\n"))
                .isEqualTo("user\n\nPermission denied\n\n");
        assertThat(Socat.ask(user, "operator;show cli level\n")).isEqualTo("Permission denied\n\nuser\n\n");
        assertThat(Socat.ask(admin, "operator;show cli level;user;show cli level\n"))
                .isEqualTo("\noperator\n\n\nuser\n\n");
        assertThat(Socat.ask(admin, "user;set server web/s1 state maint\n")).isEqualTo("\nPermission denied\n\n");
        assertThat(status("s1")).isNotEqualTo("MAINT");
    }

    @Test
    void servesTcpAndAppliesTheFileMode() throws Exception {
        assertThat(Socat.run(new byte[0], "socat", "-t5", "stdio", "TCP:127.0.0.1:" + tcp)).isEmpty();
        assertThat(new String(Socat.run("show cli level\n".getBytes(StandardCharsets.UTF_8),
                "socat", "-t5", "stdio", "TCP:127.0.0.1:" + tcp), StandardCharsets.UTF_8)).isEqualTo("admin\n\n");
        assertThat(Files.getPosixFilePermissions(admin)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void escapedSemicolonsStayInTheCommand() throws Exception {
        String answer = Socat.ask(admin, "show cli level\\;x\n");
        assertThat(answer).as("one unknown command, not 'show cli level' then 'x'")
                .startsWith("Unknown command").endsWith("\n\n").doesNotContain("admin");
        assertThat(answer.indexOf("\n\n")).isEqualTo(answer.length() - 2);
    }

    @Test
    void tooLongALineClosesWithoutAnswerAndCostsNoMemory() throws Exception {
        byte[] line = new byte[1 << 20];
        Arrays.fill(line, (byte) 'a');
        line[line.length - 1] = '\n';
        assertThat(Socat.run(line, "socat", "-t5", "stdio", admin.toString())).isEmpty();
        assertThat(Socat.ask(admin, "show cli level\n")).isEqualTo("admin\n\n");
    }

    @Test
    void binaryGarbageIsAnUnknownCommand() throws Exception {
        byte[] garbage = {0, (byte) 0xff, (byte) 0xfe, 1, 2, 27, '[', 'A', ';', 's', 'h', 'o', 'w', ' ',
                'c', 'l', 'i', ' ', 'l', 'e', 'v', 'e', 'l', '\n'};
        String answer = new String(Socat.run(garbage, "socat", "-t5", "stdio", admin.toString()), StandardCharsets.UTF_8);
        assertThat(answer).startsWith("Unknown command").endsWith("\n\nadmin\n\n");
    }

    @Test
    void clientsLeavingEarlyFreeTheirPlace() throws Exception {
        String unknowns = "x;".repeat(5000) + "x\n";
        for (int i = 0; i < 25; i++) { // more than stats maxconn's 10: each must give its place back
            try (SocketChannel client = SocketChannel.open(UnixDomainSocketAddress.of(admin))) {
                client.write(ByteBuffer.wrap(("prompt\n" + unknowns + unknowns).getBytes(StandardCharsets.UTF_8)));
            }
        }
        assertThat(Socat.ask(admin, "show cli level\n")).isEqualTo("admin\n\n");
    }

    @Test
    void anIdleInteractiveSessionIsClosedAfterStatsTimeout() throws Exception {
        try (SocketChannel client = SocketChannel.open(UnixDomainSocketAddress.of(admin))) {
            client.write(ByteBuffer.wrap("prompt\n".getBytes(StandardCharsets.UTF_8)));
            InputStream in = Channels.newInputStream(client);
            long started = System.nanoTime();
            assertThat(in.readAllBytes()).isEqualTo("\n> ".getBytes(StandardCharsets.UTF_8));
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isBetween(500L, 5000L);
        }
    }

    @Test
    void aRunningTollgatesSocketIsNotTaken() throws Exception {
        StringWriter err = new StringWriter();
        Lifetime second = Lifetime.untilEnded();
        tcp = Cli.freePort();
        RunCommand command = new RunCommand(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), second);
        int code = Cli.runInBackground(command, config("second.cfg", admin, Cli.freePort()), null).get(10, TimeUnit.SECONDS);
        assertThat(code).isEqualTo(RunCommand.FAILED);
        assertThat(err.toString()).contains("[ALERT]").contains(admin.toString()).contains("in use by another process");
        assertThat(Socat.ask(admin, "show cli level\n")).as("the first still serves").isEqualTo("admin\n\n");
    }

    @Test
    void aStaleSocketFileIsReplaced() throws Exception {
        Path stale = dir.resolve("stale.sock");
        try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(stale)); // closing leaves the file, as a killed process does
        }
        assertThat(stale).exists();
        Lifetime second = Lifetime.untilEnded();
        tcp = Cli.freePort();
        user = dir.resolve("user2.sock");
        CompletableFuture<Integer> secondExit = Cli.startInBackground(second, config("stale.cfg", stale, Cli.freePort()));
        try {
            assertThat(Socat.ask(stale, "show cli level\n")).isEqualTo("admin\n\n");
        } finally {
            second.end();
            assertThat(secondExit.get(10, TimeUnit.SECONDS)).isEqualTo(RunCommand.STOPPED);
        }
        assertThat(stale).doesNotExist();
    }

    /** The server's status column (18th) in the CSV export. */
    private String status(String server) throws Exception {
        for (String row : Http.get(csv).body().split("\n")) {
            if (row.startsWith("web," + server + ",")) {
                return row.split(",", -1)[17];
            }
        }
        throw new AssertionError("no row for " + server);
    }
}
