package io.tollgate.console;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the {@code tollgate} command line in-process, capturing what it prints (tests). */
final class Cli {

    /** What one run printed, and its exit code. */
    record Result(int exitCode, String out, String err) {
    }

    private Cli() {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    /** A TCP port on 127.0.0.1 free right now (the parser refuses {@code bind :0}, as HAProxy does). */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Runs {@code command} on {@code cfg} on another thread until its lifetime ends. */
    static CompletableFuture<Integer> runInBackground(RunCommand command, Path cfg, Path pid) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return command.run(List.of(cfg), pid);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /**
     * Runs {@code tollgate -f cfg} in the background until {@code lifetime} ends, and returns once it
     * says it started (at most 10 s); fails with what it printed if it stops or stays silent.
     */
    static CompletableFuture<Integer> startInBackground(Lifetime lifetime, Path cfg) throws InterruptedException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> exit = runInBackground(
                new RunCommand(new PrintWriter(out, true), new PrintWriter(err, true), lifetime), cfg, null);
        for (int i = 0; i < 400 && !out.toString().contains("[NOTICE] started"); i++) {
            assertThat(exit).as("stopped early:\n%s%s", out, err).isNotDone();
            Thread.sleep(25);
        }
        assertThat(out.toString()).as(err.toString()).contains("[NOTICE] started");
        return exit;
    }

    /** Writes {@code lines} as a configuration file named {@code name} in {@code dir}. */
    static Path config(Path dir, String name, String... lines) throws IOException {
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
    }
}
