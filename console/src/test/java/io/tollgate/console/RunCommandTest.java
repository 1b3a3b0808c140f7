package io.tollgate.console;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code tollgate -f cfg -p pidfile}, in-process with real sockets on 127.0.0.1, ended by the test. */
class RunCommandTest {

    private static final Pattern LISTENING = Pattern.compile("frontend\\s+web\\s+(?:http|tcp)://(127\\.0\\.0\\.1:\\d+)");

    @TempDir
    Path dir;

    private DemoUpstreams upstream;

    @BeforeEach
    void startUpstream() throws Exception {
        upstream = DemoUpstreams.startOnFreePorts(List.of("app1"));
    }

    @AfterEach
    void stopUpstream() {
        upstream.close();
    }

    @Test
    void servesWritesThePidFileAndRemovesItWhenStopped() throws Exception {
        Path cfg = Cli.config(dir, "run.cfg",
                "defaults",
                "    mode http",
                "    timeout connect 5s",
                "    timeout client 10s",
                "    timeout server 10s",
                "frontend web",
                "    bind 127.0.0.1:" + Cli.freePort(),
                "    default_backend app",
                "backend app",
                "    server app1 " + RunCommand.hostPort(upstream.upstreams().get(0).address()));
        Path pid = dir.resolve("run/tollgate.pid");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Lifetime lifetime = Lifetime.untilEnded();
        RunCommand command = new RunCommand(new PrintWriter(out, true), new PrintWriter(err, true), lifetime);

        CompletableFuture<Integer> exit = Cli.runInBackground(command, cfg, pid);
        try {
            String address = awaitListening(out, err, exit);

            assertThat(pid).hasContent(Long.toString(ProcessHandle.current().pid()));
            HttpResponse<String> response = Http.get("http://" + address + "/hello");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("Hello! This is app1!\n");
        } finally {
            lifetime.end();
        }
        assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(RunCommand.STOPPED);
        assertThat(pid).doesNotExist();
    }

    @Test
    void globalPidfileIsUsedWithoutDashP() throws Exception {
        Path pid = dir.resolve("global.pid");
        Path cfg = Cli.config(dir, "global.cfg",
                "global",
                "    pidfile " + pid,
                "defaults",
                "    mode tcp",
                "    timeout connect 5s",
                "    timeout client 10s",
                "    timeout server 10s",
                "frontend web",
                "    bind 127.0.0.1:" + Cli.freePort(),
                "    default_backend app",
                "backend app",
                "    server app1 " + RunCommand.hostPort(upstream.upstreams().get(0).address()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Lifetime lifetime = Lifetime.untilEnded();
        RunCommand command = new RunCommand(new PrintWriter(out, true), new PrintWriter(err, true), lifetime);

        CompletableFuture<Integer> exit = Cli.runInBackground(command, cfg, null);
        try {
            awaitListening(out, err, exit);
            // the pid file is written just after the listeners are reported: wait for it, bounded
            for (int i = 0; i < 100 && !(java.nio.file.Files.exists(pid) && java.nio.file.Files.size(pid) > 0); i++) {
                Thread.sleep(50);
            }
            assertThat(pid).hasContent(Long.toString(ProcessHandle.current().pid()));
        } finally {
            lifetime.end();
        }
        assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(RunCommand.STOPPED);
        assertThat(pid).doesNotExist();
    }

    @Test
    void configurationErrorsExitOneWithoutStarting() throws Exception {
        Path cfg = Cli.config(dir, "bad.cfg", "frontend web", "    bind 127.0.0.1:" + Cli.freePort(), "    bogus-keyword");
        StringWriter err = new StringWriter();

        int exit = new RunCommand(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
                Lifetime.untilEnded()).run(List.of(cfg), dir.resolve("never.pid"));

        assertThat(exit).isEqualTo(RunCommand.FAILED);
        assertThat(err.toString()).contains("[ALERT]").contains("bad.cfg:3");
        assertThat(dir.resolve("never.pid")).doesNotExist();
    }

    @Test
    void noListenerExitsOne() throws Exception {
        Path cfg = Cli.config(dir, "nolistener.cfg", "backend app", "    server s1 127.0.0.1:18999");
        StringWriter err = new StringWriter();

        int exit = new RunCommand(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
                Lifetime.untilEnded()).run(List.of(cfg), null);

        assertThat(exit).isEqualTo(RunCommand.FAILED);
        assertThat(err.toString()).contains("No enabled listener found");
    }

    /** State changes are printed on stderr as HAProxy prints them in the foreground. */
    @Test
    void printsServerStateChangesLikeHaproxy() throws Exception {
        int closed = Cli.freePort();
        Path cfg = Cli.config(dir, "checks.cfg",
                "defaults",
                "    mode http",
                "    timeout connect 5s",
                "    timeout client 10s",
                "    timeout server 10s",
                "frontend web",
                "    bind 127.0.0.1:" + Cli.freePort(),
                "    default_backend app",
                "backend app",
                "    server app1 127.0.0.1:" + closed + " check inter 100");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Lifetime lifetime = Lifetime.untilEnded();
        RunCommand command = new RunCommand(new PrintWriter(out, true), new PrintWriter(err, true), lifetime);
        CompletableFuture<Integer> exit = Cli.runInBackground(command, cfg, null);
        try {
            awaitListening(out, err, exit);
            String pid = Long.toString(ProcessHandle.current().pid());
            String down = "[WARNING]  (" + pid + ") : Server app/app1 is DOWN, reason: Layer4 connection problem, "
                    + "info: \"Connection refused\", check duration: ";
            String alert = "[ALERT]    (" + pid + ") : backend 'app' has no server available!";
            for (int i = 0; i < 200 && !err.toString().contains(alert); i++) {
                Thread.sleep(25);
            }
            assertThat(err.toString()).contains(down).contains(alert)
                    .contains("ms. 0 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.");
        } finally {
            lifetime.end();
        }
        assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(RunCommand.STOPPED);
    }

    private static String awaitListening(StringWriter out, StringWriter err, CompletableFuture<Integer> exit)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            Matcher m = LISTENING.matcher(out.toString());
            if (m.find()) {
                return m.group(1);
            }
            if (exit.isDone()) {
                throw new AssertionError("stopped early: " + exit.join() + "\n" + out + err);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("never listened:\n" + out + err);
    }
}
