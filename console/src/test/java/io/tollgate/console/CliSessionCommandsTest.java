package io.tollgate.console;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.assertj.core.data.Offset;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session and process commands of the runtime API ({@code set timeout cli},
 * {@code set severity-output}, {@code show cli sockets}, {@code show env}, {@code show startup-logs},
 * {@code show activity}, {@code show info}'s {@code Idle_pct} and {@code Listeners}, {@code stats
 * maxconn}) on a running {@code tollgate -f cfg}, through Debian's {@code socat}. The exact bytes
 * were read from HAProxy 2.6.12 with socat; {@link CliComparisonTest} checks them against it.
 */
class CliSessionCommandsTest {

    @TempDir
    Path dir;

    private final List<Lifetime> lifetimes = new ArrayList<>();
    private final List<CompletableFuture<Integer>> exits = new ArrayList<>();
    private final StringWriter err = new StringWriter();
    private Path admin;
    private Path user;
    private int tcp;
    private int web;

    @AfterEach
    void stop() throws Exception {
        for (Lifetime l : lifetimes) {
            l.end();
        }
        for (CompletableFuture<Integer> exit : exits) {
            assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(RunCommand.STOPPED);
        }
    }

    /** Starts Tollgate with an admin and a user socket, a TCP operator socket, and {@code globals}. */
    private void start(String... globals) throws Exception {
        admin = dir.resolve("admin.sock");
        user = dir.resolve("user.sock");
        tcp = Cli.freePort();
        web = Cli.freePort();
        List<String> lines = new ArrayList<>(List.of(
                "global",
                "    stats socket " + admin + " level admin",
                "    stats socket ipv4@127.0.0.1:" + tcp,
                "    stats socket " + user + " level user mode 600"));
        lines.addAll(List.of(globals));
        lines.addAll(List.of(
                "defaults",
                "    mode http",
                "    timeout connect 1s",
                "    timeout client 10s",
                "    timeout server 10s",
                "listen web",
                "    bind 127.0.0.1:" + web,
                "    bind 127.0.0.1:" + Cli.freePort(),
                "    server s1 127.0.0.1:" + Cli.freePort()));
        startWith(Cli.config(dir, "cli.cfg", lines.toArray(String[]::new)));
    }

    private void startWith(Path cfg) throws Exception {
        StringWriter out = new StringWriter();
        Lifetime lifetime = Lifetime.untilEnded();
        lifetimes.add(lifetime);
        CompletableFuture<Integer> exit = Cli.runInBackground(
                new RunCommand(new PrintWriter(out, true), new PrintWriter(err, true), lifetime), cfg, null);
        exits.add(exit);
        for (int i = 0; i < 400 && !out.toString().contains("[NOTICE] started"); i++) {
            assertThat(exit).as("stopped early:\n%s%s", out, err).isNotDone();
            Thread.sleep(25);
        }
        assertThat(out.toString()).as(err.toString()).contains("[NOTICE] started");
    }

    @Test
    void setTimeoutCliAnswersHaproxysErrors() throws Exception {
        start();
        assertThat(Socat.ask(admin, "set timeout cli\n")).isEqualTo("Expects an integer value.\n\n");
        assertThat(Socat.ask(admin, "set timeout\n")).isEqualTo("'set timeout' only supports 'cli'.\n\n");
        assertThat(Socat.ask(admin, "set timeout client 5\n")).isEqualTo("'set timeout' only supports 'cli'.\n\n");
        for (String bad : List.of("abc", "0", "0s", "10x", "-1", "99999999999", "3000000000", "1u")) {
            assertThat(Socat.ask(admin, "set timeout cli " + bad + "\n")).as(bad)
                    .isEqualTo("Invalid timeout value.\n\n");
        }
        for (String good : List.of("1d", "5", "500ms", "2m", "1h", "1sx", "10us")) {
            assertThat(Socat.ask(user, "set timeout cli " + good + "\n")).as(good).isEqualTo("\n");
        }
    }

    @Test
    void setTimeoutCliChangesOnlyThisSessionsIdleTimeout() throws Exception {
        start("    stats timeout 30s");
        try (SocketChannel shortened = SocketChannel.open(UnixDomainSocketAddress.of(admin));
             SocketChannel other = SocketChannel.open(UnixDomainSocketAddress.of(admin))) {
            write(other, "prompt\n");
            write(shortened, "prompt\nset timeout cli 1\n");
            long started = System.nanoTime();
            assertThat(Channels.newInputStream(shortened).readAllBytes())
                    .as("closed once idle for its own 1 s, not the socket's 30 s")
                    .isEqualTo("\n> \n> ".getBytes(StandardCharsets.UTF_8));
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isBetween(700L, 5000L);
            write(other, "show cli level\nquit\n");
            assertThat(Channels.newInputStream(other).readAllBytes()).as("the other session kept the 30 s")
                    .isEqualTo("\n> admin\n\n> ".getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void setTimeoutCliCanLengthenTheSocketsTimeout() throws Exception {
        start("    stats timeout 1s");
        try (SocketChannel client = SocketChannel.open(UnixDomainSocketAddress.of(admin))) {
            write(client, "prompt\nset timeout cli 1m\n");
            Thread.sleep(2500);
            write(client, "show cli level\nquit\n");
            assertThat(Channels.newInputStream(client).readAllBytes())
                    .isEqualTo("\n> \n> admin\n\n> ".getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void severityOutputHeadsMessagesButNotData() throws Exception {
        start();
        assertThat(Socat.ask(admin, "set severity-output number;show cli level;get weight web/nope;get weight web/s1;"
                + "set server web/s1 state ready;show backend;user;show env PATH;operator\n"))
                .isEqualTo("\n[6]: admin\n\n[3]: No such server.\n\n1 (initial 1)\n\n\n# name\nweb\n\n\n"
                        + "[3]: Permission denied\n\n[3]: Permission denied\n\n");
        assertThat(Socat.ask(admin, "set severity-output string;show cli level;set timeout cli;"
                + "set severity-output bad;set severity-output none;show cli level;set timeout cli\n"))
                .isEqualTo("\n[info]: admin\n\n[err]: Expects an integer value.\n\n"
                        + "[err]: one of 'none', 'number', 'string' is a required argument\n\n\nadmin\n\n"
                        + "Expects an integer value.\n\n");
        assertThat(Socat.ask(admin, "set severity-output number;help\n")).startsWith(
                "\n[6]: The following commands are valid at this level:\n");
        assertThat(Socat.ask(admin, "set severity-output number;show startup-logs\n")).isEqualTo("\n[6]: \n\n");
        assertThat(Socat.ask(admin, "show cli level\n")).as("per session").isEqualTo("admin\n\n");
    }

    @Test
    void theSocketsSeverityOutputIsTheSessionsDefault() throws Exception {
        Path severe = dir.resolve("severe.sock");
        start("    stats socket " + severe + " level admin severity-output string");
        assertThat(Socat.ask(severe, "show cli level;get weight web/nope;set severity-output none;show cli level\n"))
                .isEqualTo("[info]: admin\n\n[err]: No such server.\n\n\nadmin\n\n");
    }

    @Test
    void showCliSocketsListsEverySocketInOrder() throws Exception {
        start();
        String expected = "# socket lvl processes\n"
                + "unix@" + admin + " admin all\n"
                + "ipv4@127.0.0.1:" + tcp + " operator all\n"
                + "unix@" + user + " user all\n\n";
        assertThat(Socat.ask(user, "show cli sockets\n")).isEqualTo(expected);
        assertThat(Socat.tcp(tcp, "show cli sockets\n")).isEqualTo(expected);
    }

    @Test
    void showCliSocketsWritesAddressesAsHaproxy() throws Exception {
        int six = Cli.freePort();
        int anySix = Cli.freePort();
        int anyFour = Cli.freePort();
        start("    stats socket ipv6@[::1]:" + six + " level admin",
                "    stats socket ipv6@:::" + anySix,
                "    stats socket ipv4@:" + anyFour + " level user");
        // as haproxy 2.6.12 lists the same lines
        assertThat(Socat.ask(admin, "show cli sockets\n")).endsWith("\n"
                + "ipv6@[::1]:" + six + " admin all\n"
                + "ipv6@[::]:" + anySix + " operator all\n"
                + "ipv4@0.0.0.0:" + anyFour + " user all\n\n");
    }

    @Test
    void showEnvDumpsTheEnvironmentToOperators() throws Exception {
        start();
        Map<String, String> env = System.getenv();
        String path = env.get("PATH");
        assertThat(Socat.tcp(tcp, "show env PATH\n")).isEqualTo("PATH=" + path + "\n\n");
        assertThat(Socat.ask(admin, "show env PATH extra words\n")).isEqualTo("PATH=" + path + "\n\n");
        assertThat(Socat.ask(admin, "show env PAT\n")).as("whole names only").isEqualTo("Variable not found\n\n");
        assertThat(Socat.ask(admin, "show env NO_SUCH_VARIABLE_HERE\n")).isEqualTo("Variable not found\n\n");
        assertThat(Socat.ask(user, "show env PATH\n")).isEqualTo("Permission denied\n\n");
        String all = Socat.ask(admin, "show env\n");
        assertThat(all).endsWith("\n\n").contains("\nPATH=" + path + "\n");
        assertThat(all.split("\n")).hasSizeGreaterThanOrEqualTo(env.size());
    }

    @Test
    void showStartupLogsRepeatsTheWarningsPrintedAtStart() throws Exception {
        admin = dir.resolve("admin.sock");
        startWith(Cli.config(dir, "warned.cfg",
                "global",
                "    stats socket " + admin + " level admin",
                "listen web",
                "    mode http",
                "    bind 127.0.0.1:" + Cli.freePort(),
                "    server s1 127.0.0.1:" + Cli.freePort()));
        String printed = err.toString(); // nothing else goes there: the server has no check to report
        assertThat(printed).startsWith("[WARNING]").contains("missing timeouts for").endsWith("\n");
        assertThat(Socat.ask(admin, "show startup-logs\n")).isEqualTo(printed + "\n");
        assertThat(Socat.ask(admin, "user;show startup-logs\n")).isEqualTo("\nPermission denied\n\n");
    }

    @Test
    void showStartupLogsWithoutWarningsIsAnEmptyLine() throws Exception {
        start();
        assertThat(Socat.ask(admin, "show startup-logs\n")).isEqualTo("\n\n");
    }

    @Test
    void showActivityHasHaproxysShapeWithTheLoopsFigures() throws Exception {
        start("    nbthread 2");
        for (int i = 0; i < 3; i++) {
            new Socket("127.0.0.1", web).close();
        }
        Pattern three = Pattern.compile("\naccepted: 3 \\[ (3 0|0 3) \\]\n");
        String activity = Socat.ask(user, "show activity\n");
        for (int i = 0; i < 100 && !three.matcher(activity).find(); i++) { // the loop accepts after connect returns
            Thread.sleep(50);
            activity = Socat.ask(user, "show activity\n");
        }
        assertThat(activity).as("the three connections, counted on the loop running the listener")
                .containsPattern(three);
        assertThat(activity).matches("(?s)thread_id: 0 \\(1\\.\\.2\\)\n"
                + "date_now: \\d{10}\\.\\d{6}\n"
                + "uptime_ms: \\d+\n"
                + "cpu_ms_tot: \\d+ \\[ \\d+ \\d+ \\]\n"
                + "idle_pct: \\d+ \\[ \\d+ \\d+ \\]\n"
                + "run_queue: \\d+ \\[ \\d+ \\d+ \\]\n"
                + "accepted: \\d+ \\[ \\d+ \\d+ \\]\n"
                + "gc_count: \\d+\n"
                + "gc_ms_tot: \\d+\n"
                + "heap_used: \\d+\n"
                + "heap_max: -?\\d+\n"
                + "jvm_threads: \\d+\n\n");
        Matcher date = Pattern.compile("date_now: (\\d+)\\.").matcher(activity);
        assertThat(date.find()).isTrue();
        assertThat(Long.parseLong(date.group(1))).isCloseTo(System.currentTimeMillis() / 1000, Offset.offset(5L));
        Matcher cpu = Pattern.compile("cpu_ms_tot: (\\d+) \\[ (\\d+) (\\d+) \\]").matcher(activity);
        assertThat(cpu.find()).isTrue();
        assertThat(Long.parseLong(cpu.group(1))).isEqualTo(Long.parseLong(cpu.group(2)) + Long.parseLong(cpu.group(3)));
    }

    @Test
    void showActivityWithOneLoopHasNoBrackets() throws Exception {
        start("    nbthread 1");
        assertThat(Socat.ask(user, "show activity\n")).contains("thread_id: 0 (1..1)\n")
                .containsPattern("\ncpu_ms_tot: \\d+\nidle_pct: \\d+\nrun_queue: \\d+\naccepted: \\d+\n");
    }

    @Test
    void showInfoCountsListenersAndMeasuresIdle() throws Exception {
        start();
        String info = Socat.ask(admin, "show info\n");
        assertThat(info).as("two binds and three stats sockets").contains("\nListeners: 5\n");
        Matcher idle = Pattern.compile("\nIdle_pct: (\\d+)\n").matcher(info);
        assertThat(idle.find()).isTrue();
        assertThat(Integer.parseInt(idle.group(1))).isBetween(0, 100);
        Thread.sleep(1100); // a second interval, measured on the nearly idle loops
        Matcher again = Pattern.compile("\nIdle_pct: (\\d+)\n").matcher(Socat.ask(admin, "show info\n"));
        assertThat(again.find()).isTrue();
        assertThat(Integer.parseInt(again.group(1))).isGreaterThanOrEqualTo(50);
    }

    @Test
    void statsMaxconnLimitsConcurrentSessions() throws Exception {
        start("    stats maxconn 2");
        try (SocketChannel first = SocketChannel.open(UnixDomainSocketAddress.of(admin));
             SocketChannel second = SocketChannel.open(UnixDomainSocketAddress.of(admin))) {
            write(first, "prompt\n");
            write(second, "prompt\n");
            InputStream in1 = Channels.newInputStream(first);
            assertThat(in1.readNBytes(3)).isEqualTo("\n> ".getBytes(StandardCharsets.UTF_8));
            assertThat(Channels.newInputStream(second).readNBytes(3))
                    .isEqualTo("\n> ".getBytes(StandardCharsets.UTF_8));
            CompletableFuture<String> third = CompletableFuture.supplyAsync(() -> {
                try {
                    return Socat.ask(admin, "show cli level\n");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(700);
            assertThat(third).as("waits in the backlog while two sessions are open").isNotDone();
            write(first, "quit\n");
            assertThat(third.get(5, TimeUnit.SECONDS)).isEqualTo("admin\n\n");
        }
    }

    private static void write(SocketChannel channel, String text) throws Exception {
        channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }
}
