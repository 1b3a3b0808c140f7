package io.tollgate.engine.admin;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * {@code reopen logs}, admin level, a Tollgate command (HAProxy 2.6 has none: it writes no files,
 * a syslog daemon does): closes and reopens every {@code file@} log target, so that an external
 * logrotate's {@code postrotate} can run {@code echo "reopen logs" | socat stdio /run/tollgate.sock}
 * and the lines that follow go to a new file at the old path. {@code kill -HUP} does the same.
 *
 * <p>It answers nothing on success, as HAProxy's commands that change something and have nothing
 * to report ({@code enable server}, {@code set weight}) answer nothing, so a script can treat any
 * output as a failure. It answers once the log shipper's thread has reopened the files (lines
 * shipped before the command went to the old files, those after to the new), so a
 * {@code postrotate} that compresses right after it loses nothing. That wait is bounded by
 * {@value #WAIT_SECONDS} s; past it the command says so and the reopen still happens. Extra words
 * are ignored, as HAProxy ignores them. Only the admin socket's own threads run this command, never
 * an event loop (the stats page's actions do not include it).
 */
final class LogCommands implements RuntimeApi.Family {
    private static final long WAIT_SECONDS = 5;

    private volatile Supplier<CompletableFuture<Void>> reopen = () -> CompletableFuture.completedFuture(null);

    /** Who reopens the engine's log files: completes once they are reopened. */
    void reopenWith(Supplier<CompletableFuture<Void>> reopen) {
        this.reopen = reopen;
    }

    @Override
    public RuntimeApi.Answer run(List<String> w, Actor actor) {
        if (w.size() < 2 || !w.get(0).equals("reopen") || !w.get(1).equals("logs")) {
            return null;
        }
        if (!actor.level().allows(AccessLevel.ADMIN)) {
            return RuntimeApi.Answer.denied();
        }
        try {
            reopen.get().get(WAIT_SECONDS, TimeUnit.SECONDS);
            return RuntimeApi.Answer.ok();
        } catch (TimeoutException e) {
            return RuntimeApi.Answer.message(Severity.WARNING,
                    "Log files not reopened yet: the log shipper is busy; they will be.\n");
        } catch (ExecutionException e) {
            return RuntimeApi.Answer.error("Log files could not be reopened: " + e.getCause() + "\n");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RuntimeApi.Answer.error("Interrupted while reopening the log files.\n");
        }
    }
}
