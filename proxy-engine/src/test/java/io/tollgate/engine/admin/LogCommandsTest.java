package io.tollgate.engine.admin;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.tollgate.engine.admin.CliActors.ADMIN;
import static io.tollgate.engine.admin.CliActors.OPERATOR;
import static io.tollgate.engine.admin.CliActors.USER;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code reopen logs}: who may run it, what it answers, and that it answers once the files are reopened. */
class LogCommandsTest {
    private static final String ALWAYS = """
              help [<command>]                        : list matching or all commands
              prompt                                  : toggle interactive mode with prompt
              quit                                    : disconnect
            """;

    @TempDir
    Path dir;
    private RuntimeApi api;

    @BeforeEach
    void load() throws Exception {
        api = new RuntimeApi(CliActors.proxies(dir, """
                backend be
                  server s1 127.0.0.1:28081
                """));
    }

    @Test
    void answersNothingOnceTheFilesAreReopened() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        CompletableFuture<Void> reopened = new CompletableFuture<>();
        ScheduledExecutorService shipper = Executors.newSingleThreadScheduledExecutor();
        try {
            api.reopenLogsWith(() -> {
                asked.incrementAndGet();
                shipper.schedule(() -> reopened.complete(null), 200, TimeUnit.MILLISECONDS);
                return reopened;
            });
            assertThat(api.execute("reopen logs", ADMIN)).isEmpty();
            assertThat(reopened).as("answered only after the reopen").isDone();
            assertThat(asked).hasValue(1);
            assertThat(api.execute("reopen logs now please", ADMIN)).as("extra words ignored").isEmpty();
            assertThat(asked).hasValue(2);
        } finally {
            shipper.shutdownNow();
        }
    }

    @Test
    void isForAdminsOnly() {
        AtomicInteger asked = new AtomicInteger();
        api.reopenLogsWith(() -> {
            asked.incrementAndGet();
            return CompletableFuture.completedFuture(null);
        });
        assertThat(api.execute("reopen logs", OPERATOR)).isEqualTo("Permission denied\n");
        assertThat(api.execute("reopen logs", USER)).isEqualTo("Permission denied\n");
        assertThat(asked).hasValue(0);
    }

    @Test
    void aFailedReopenIsSaid() {
        api.reopenLogsWith(() -> CompletableFuture.failedFuture(new IllegalStateException("disk gone")));
        assertThat(api.execute("reopen logs", ADMIN))
                .isEqualTo("Log files could not be reopened: java.lang.IllegalStateException: disk gone\n");
    }

    @Test
    void withoutLogFilesThereIsNothingToDo() {
        assertThat(api.execute("reopen logs", ADMIN)).isEmpty();
    }

    @Test
    void helpListsItAndSuggestsIt() {
        String line = "  reopen logs                             : reopen every log file (after logrotate)\n";
        assertThat(api.execute("help", USER)).contains(line);
        assertThat(api.execute("help reopen", USER)).contains(line);
        assertThat(api.execute("help reopen logs", USER)).contains(line).endsWith(ALWAYS);
        assertThat(api.execute("help weight", USER)).as("not where nothing of its was typed").doesNotContain(line);
        assertThat(api.execute("foo", USER)).doesNotContain(line);
        assertThat(api.execute("reopen", ADMIN)).contains(line);
        assertThat(api.execute("", ADMIN)).contains(line);
        assertThat(api.execute("reopen log", ADMIN)).contains(line);
    }
}
