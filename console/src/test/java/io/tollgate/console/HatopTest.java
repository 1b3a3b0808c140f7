package io.tollgate.console;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's {@code hatop} (the curses console operators point at HAProxy's socket) run against
 * Tollgate's admin socket inside a detached {@code tmux}: it starts, lists the proxies and servers,
 * and its keys (F10/F9 disable/enable a server, F7/F4 change and reset its weight, 5 its embedded
 * CLI) act on Tollgate as they do on HAProxy.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class HatopTest {

    private static final Path HATOP = Path.of("/usr/bin/hatop");
    private static final Path TMUX = Path.of("/usr/bin/tmux");
    /** The row under hatop's cursor is drawn in reverse video ({@code ESC [7m}) from its first column. */
    private static final String REVERSE = "\u001b[7m";
    private static final Pattern SELECTED = Pattern.compile("^\u001b\\[7m(\\S+)\\s");

    @TempDir
    Path dir;

    private Path socket;
    private Lifetime lifetime;
    private CompletableFuture<Integer> exit;
    private final String tmuxServer = "tollgate-hatop-" + ProcessHandle.current().pid() + "-"
            + ThreadLocalRandom.current().nextInt(1 << 30);

    @BeforeEach
    void start() throws Exception {
        for (Path program : List.of(HATOP, TMUX)) {
            assertThat(Files.isExecutable(program)).as("%s is missing: this test drives Debian's hatop in tmux; "
                    + "install them (apt-get install hatop tmux; bin/test does it when run as root)", program).isTrue();
        }
        socket = dir.resolve("t.sock");
        Path cfg = Cli.config(dir, "hatop.cfg",
                "global",
                "    stats socket " + socket + " level admin",
                "defaults",
                "    mode http",
                "    timeout connect 1s",
                "    timeout client 10s",
                "    timeout server 10s",
                "frontend fe",
                "    bind 127.0.0.1:" + Cli.freePort(),
                "    default_backend app",
                "backend app",
                "    server s1 127.0.0.1:" + Cli.freePort(),
                "    server s2 127.0.0.1:" + Cli.freePort(),
                "backend other",
                "    server o1 127.0.0.1:" + Cli.freePort() + " weight 5");
        lifetime = Lifetime.untilEnded();
        exit = Cli.startInBackground(lifetime, cfg);
    }

    @AfterEach
    void stop() throws Exception {
        try {
            tmux("kill-server");
        } finally {
            lifetime.end();
            assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(RunCommand.STOPPED);
        }
    }

    @Test
    void listsProxiesAndServersAndItsKeysChangeAServer() throws Exception {
        Path errors = dir.resolve("hatop.err");
        tmux("new-session", "-d", "-x", "200", "-y", "50",
                HATOP + " -i 1 -s " + socket + " 2>" + errors + "; sleep 60");
        String screen = awaitScreen(s -> s.contains(">>> app") && s.contains(">>> other") && s.contains(">>> fe")
                && s.contains("o1 "), errors);
        assertThat(screen).contains("Tollgate").contains("Proxies:   3").contains("Services:    6");
        assertThat(lines(screen)).anySatisfy(l -> assertThat(l).startsWith("s1 ").contains(" 1 -"))
                .anySatisfy(l -> assertThat(l).startsWith("s2 "))
                .anySatisfy(l -> assertThat(l).startsWith("o1 ").contains(" 5 -"));

        selectRow("s1", errors);
        tmux("send-keys", "F10"); // hatop: disable server app/s1
        awaitStatus("MAINT");
        awaitScreen(s -> lines(s).stream().anyMatch(l -> l.startsWith("s1 ") && l.contains(" MAINT ")), errors);
        tmux("send-keys", "F9"); // hatop: enable server app/s1
        awaitStatus("no check");

        tmux("send-keys", "F7"); // hatop: weight + 1
        awaitAnswer("get weight app/s1", "2 (initial 1)\n\n");
        tmux("send-keys", "F4"); // hatop: set weight back to 100%
        awaitAnswer("get weight app/s1", "1 (initial 1)\n\n");
        assertThat(UnixCli.status(socket, "app", "s2")).as("only the selected server changed").isEqualTo("no check");

        tmux("send-keys", "5"); // hatop's embedded CLI, over the same session
        tmux("send-keys", "-l", "get weight other/o1");
        tmux("send-keys", "Enter");
        awaitScreen(s -> s.contains("5 (initial 5)"), errors);
    }

    @Test
    void hatopsOpeningIsAnsweredAsHaproxyAnswersIt() throws Exception {
        // hatop opens with these two lines and then waits for each prompt (HAProxy 2.6.12 answers exactly this)
        assertThat(UnixCli.converse(socket, "prompt\nset timeout cli 60\nquit\n")).isEqualTo("\n> \n> ");
    }

    /**
     * Moves hatop's cursor down until the row of {@code server} is selected, one key at a time:
     * each press waits until hatop has moved the cursor, so a slow redraw never makes it overshoot.
     */
    private void selectRow(String server, Path errors) throws Exception {
        Selection at = selection();
        for (int i = 0; i < 30 && !server.equals(at.name()); i++) {
            tmux("send-keys", "Down");
            Selection before = at;
            for (int j = 0; j < 100 && (at = selection()).line() == before.line(); j++) {
                Thread.sleep(50);
            }
        }
        if (!server.equals(at.name())) {
            throw new AssertionError("hatop never selected " + server + ":\n" + screen(errors));
        }
    }

    /** The row under hatop's cursor: its line on the pane (-1: none) and its first word. */
    record Selection(int line, String name) {
    }

    private Selection selection() throws Exception {
        String[] lines = tmux("capture-pane", "-p", "-e").split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(REVERSE)) {
                Matcher m = SELECTED.matcher(lines[i]);
                return new Selection(i, m.find() ? m.group(1) : "");
            }
        }
        return new Selection(-1, "");
    }

    private void awaitStatus(String status) throws Exception {
        String seen = null;
        for (int i = 0; i < 100; i++) {
            seen = UnixCli.status(socket, "app", "s1");
            if (seen.equals(status)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("app/s1 stayed " + seen + ", expected " + status + ":\n" + tmux("capture-pane", "-p"));
    }

    private void awaitAnswer(String command, String expected) throws Exception {
        String seen = null;
        for (int i = 0; i < 100; i++) {
            seen = UnixCli.ask(socket, command);
            if (seen.equals(expected)) {
                return;
            }
            Thread.sleep(100);
        }
        assertThat(seen).as(tmux("capture-pane", "-p")).isEqualTo(expected);
    }

    /** The pane's text once {@code ready} holds (polled, at most 20 s); fails with it and hatop's errors. */
    private String awaitScreen(Predicate<String> ready, Path errors) throws Exception {
        for (int i = 0; i < 200; i++) {
            String screen = tmux("capture-pane", "-p");
            if (ready.test(screen)) {
                return screen;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("hatop's screen never showed what was expected:\n" + screen(errors));
    }

    private String screen(Path errors) throws Exception {
        return tmux("capture-pane", "-p") + "\nhatop's errors:\n"
                + (Files.exists(errors) ? Files.readString(errors) : "(none)");
    }

    private static List<String> lines(String screen) {
        return List.of(screen.split("\n"));
    }

    /** Runs {@code tmux -L <this test's server> args} and returns what it printed. */
    private String tmux(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(TMUX.toString(), "-f", "/dev/null", "-L", tmuxServer));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        String text = new String(out, StandardCharsets.UTF_8);
        if (process.exitValue() != 0 && !args[0].equals("kill-server")) {
            throw new AssertionError("tmux " + String.join(" ", args) + " failed: " + text);
        }
        return text;
    }
}
