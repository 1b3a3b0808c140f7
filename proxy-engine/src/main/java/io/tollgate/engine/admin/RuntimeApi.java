package io.tollgate.engine.admin;

import io.tollgate.engine.api.LoopActivity;
import io.tollgate.engine.api.ProcessInfo;
import io.tollgate.engine.runtime.Proxies;
import io.tollgate.engine.stats.StatsRegistry;
import io.tollgate.engine.stats.Ticker;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The runtime API's command layer, the same for every door (the admin socket, the stats page's
 * actions, tests): one command line in, HAProxy's answer out, at the caller's level, each run told
 * to the audit listeners. Command families live in their own classes ({@link ServerCommands},
 * {@link StatCommands}, {@link InfoCommands}, {@link BackendCommands}, {@link TableCommands},
 * {@link PatternCommands} for ACLs and maps, {@link CounterCommands}, {@link MaxconnCommands},
 * {@link FrontendCommands}, {@link SessionCommands}, {@link ErrorCommands},
 * {@link DynamicServerCommands}, {@link EnvCommands}, {@link ActivityCommands}, {@link LogCommands},
 * {@link HelpCommands}, ...); a
 * line none of them takes gets HAProxy's "Unknown command" answer with suggestions
 * ({@link CliUsage}). Session commands ({@code prompt}, {@code quit}, {@code operator},
 * {@code user}, {@code show cli level}) belong to the socket, not here.
 */
public final class RuntimeApi {
    /** One family of commands: answers null when the line is not one of its commands. */
    interface Family {
        Answer run(List<String> words, Actor actor);
    }

    /**
     * A command's answer, or a refusal for the caller's level, with the severity HAProxy gives it
     * (shown only to sessions that asked for it with {@code set severity-output}).
     */
    record Answer(String output, boolean allowed, Severity severity) {
        /** A data dump (no severity). */
        Answer(String output, boolean allowed) {
            this(output, allowed, Severity.DATA);
        }

        static Answer ok() {
            return new Answer("", true);
        }

        static Answer error(String text) {
            return new Answer(text, true, Severity.ERR);
        }

        /** A message answered as HAProxy's {@code cli_msg(appctx, LOG_INFO, ...)}. */
        static Answer info(String text) {
            return new Answer(text, true, Severity.INFO);
        }

        /** A message of another level, as {@code cli_msg(appctx, LOG_WARNING, ...)} for example. */
        static Answer message(Severity severity, String text) {
            return new Answer(text, true, severity);
        }

        static Answer denied() {
            return new Answer("Permission denied\n", false, Severity.ERR);
        }
    }

    private final List<Family> families = new ArrayList<>();
    private final LogCommands logCommands = new LogCommands();
    private final List<AuditListener> audit = new CopyOnWriteArrayList<>();
    private final List<IntSupplier> otherListeners = new CopyOnWriteArrayList<>();

    /** Without a running engine (tests, tools): process figures are those of this JVM, counters from now. */
    public RuntimeApi(Proxies proxies) {
        this(proxies, new StatsRegistry(proxies, Ticker.SYSTEM), standalone(proxies));
    }

    /**
     * @param stats   the engine's counters, for {@code show stat} and {@code show info}
     * @param process the process figures, read on each {@code show info}
     */
    public RuntimeApi(Proxies proxies, StatsRegistry stats, Supplier<ProcessInfo> process) {
        this(proxies, stats, process, List::of);
    }

    /** @param loops the event loops' figures, for {@code show activity} */
    public RuntimeApi(Proxies proxies, StatsRegistry stats, Supplier<ProcessInfo> process,
                      Supplier<List<LoopActivity>> loops) {
        families.add(new ServerCommands(proxies));
        families.add(new DynamicServerCommands(proxies));
        families.add(new StatCommands(proxies, stats));
        families.add(new InfoCommands(stats, process,
                () -> otherListeners.stream().mapToInt(IntSupplier::getAsInt).sum()));
        families.add(new BackendCommands(proxies));
        families.add(new SessionCommands(proxies.sessions()));
        families.add(new ServerConnCommands(proxies));
        families.add(new ErrorCommands(proxies));
        families.add(new TableCommands(proxies));
        families.add(PatternCommands.acls(proxies));
        families.add(PatternCommands.maps(proxies));
        families.add(new CounterCommands(stats));
        families.add(new MaxconnCommands(proxies));
        families.add(new FrontendCommands(proxies));
        families.add(new EnvCommands());
        families.add(new ActivityCommands(process, loops));
        families.add(logCommands);
        families.add(new HelpCommands());
    }

    private static Supplier<ProcessInfo> standalone(Proxies proxies) {
        long started = System.currentTimeMillis();
        return () -> new ProcessInfo(ProcessHandle.current().pid(), started, System.currentTimeMillis(),
                Runtime.getRuntime().availableProcessors(), proxies.globalMaxconn().current(), 0, 0, 0, null, null, 0,
                0, 0, proxies.globalMaxconn().hard(), 100, 0);
    }

    /**
     * Who reopens the log files for {@code reopen logs} (the engine, which owns the log shipper):
     * the future completes once they are reopened. Without one, the command has nothing to do.
     */
    public void reopenLogsWith(Supplier<CompletableFuture<Void>> reopen) {
        logCommands.reopenWith(reopen);
    }

    public void addAuditListener(AuditListener listener) {
        audit.add(listener);
    }

    /**
     * Counts {@code count}'s sockets in {@code show info}'s {@code Listeners}, as HAProxy counts its
     * stats sockets there: the admin sockets live outside the engine.
     */
    public void countListeners(IntSupplier count) {
        otherListeners.add(count);
    }

    /** Runs one command line; returns what it answers ("" for none; errors end with a newline). */
    public String execute(String line, Actor actor) {
        return execute(line, actor, SeverityOutput.NONE);
    }

    /** As {@link #execute(String, Actor)}, messages headed by their severity as {@code format} says. */
    public String execute(String line, Actor actor, SeverityOutput format) {
        List<String> words = List.of(line.trim().split("\\s+"));
        Answer answer = null;
        if (!line.isBlank()) {
            for (Family f : families) {
                answer = f.run(words, actor);
                if (answer != null) {
                    break;
                }
            }
        }
        if (answer == null) {
            answer = Answer.info(CliUsage.unknown(CliUsage.words(line))); // HAProxy's usage text is info
        }
        for (AuditListener l : audit) {
            l.executed(actor, line.trim(), answer.output(), answer.allowed());
        }
        return format.apply(answer.severity(), answer.output());
    }
}
