package io.tollgate.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Debian's {@code socat} as the runtime API's users run it: one input, the whole answer (tests). */
final class Socat {

    private Socat() {
    }

    /** {@code printf input | socat stdio <socket>}. */
    static String ask(Path socket, String input) throws Exception {
        return new String(run(input.getBytes(StandardCharsets.UTF_8), "socat", "-t5", "stdio", socket.toString()),
                StandardCharsets.UTF_8);
    }

    /** {@code printf input | socat stdio TCP:127.0.0.1:<port>}. */
    static String tcp(int port, String input) throws Exception {
        return new String(run(input.getBytes(StandardCharsets.UTF_8), "socat", "-t5", "stdio",
                "TCP:127.0.0.1:" + port), StandardCharsets.UTF_8);
    }

    /** What {@code command} prints with {@code input} on its standard input (its errors ignored). */
    static byte[] run(byte[] input, String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> {
            try {
                return process.getInputStream().readAllBytes();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        try (var stdin = process.getOutputStream()) {
            stdin.write(input);
        } catch (IOException e) {
            // the server may close before reading everything
        }
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return out.get(10, TimeUnit.SECONDS);
    }
}
