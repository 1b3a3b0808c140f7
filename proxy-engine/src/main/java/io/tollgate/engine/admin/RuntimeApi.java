package io.tollgate.engine.admin;

import io.tollgate.engine.api.ProcessInfo;
import io.tollgate.engine.runtime.Proxies;
import io.tollgate.engine.stats.StatsRegistry;
import io.tollgate.engine.stats.Ticker;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The runtime API's command layer, the same for every door (the admin socket, the stats page's
 * actions, tests): one command line in, HAProxy's answer out, at the caller's level, each run told
 * to the audit listeners. Command families live in their own classes ({@link ServerCommands},
 * {@link StatCommands}, {@link InfoCommands}, {@link BackendCommands}, {@link TableCommands},
 * {@link PatternCommands} for ACLs and maps, {@link CounterCommands}, {@link MaxconnCommands},
 * {@link FrontendCommands}, {@link HelpCommands}); a
 * line none of them takes gets HAProxy's "Unknown command" answer with suggestions
 * ({@link CliUsage}). Session commands ({@code prompt}, {@code quit}, {@code operator},
 * {@code user}, {@code show cli level}) belong to the socket, not here.
 */
public final class RuntimeApi {
    /** One family of commands: answers null when the line is not one of its commands. */
    interface Family {
        Answer run(List<String> words, Actor actor);
    }

    /** A command's answer, or a refusal for the caller's level. */
    record Answer(String output, boolean allowed) {
        static Answer ok() {
            return new Answer("", true);
        }

        static Answer error(String text) {
            return new Answer(text, true);
        }

        static Answer denied() {
            return new Answer("Permission denied\n", false);
        }
    }

    private final List<Family> families = new ArrayList<>();
    private final List<AuditListener> audit = new CopyOnWriteArrayList<>();

    /** Without a running engine (tests, tools): process figures are those of this JVM, counters from now. */
    public RuntimeApi(Proxies proxies) {
        this(proxies, new StatsRegistry(proxies, Ticker.SYSTEM), standalone(proxies));
    }

    /**
     * @param stats   the engine's counters, for {@code show stat} and {@code show info}
     * @param process the process figures, read on each {@code show info}
     */
    public RuntimeApi(Proxies proxies, StatsRegistry stats, Supplier<ProcessInfo> process) {
        families.add(new ServerCommands(proxies));
        families.add(new DynamicServerCommands(proxies));
        families.add(new StatCommands(proxies, stats));
        families.add(new InfoCommands(stats, process));
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
        families.add(new HelpCommands());
    }

    private static Supplier<ProcessInfo> standalone(Proxies proxies) {
        long started = System.currentTimeMillis();
        return () -> new ProcessInfo(ProcessHandle.current().pid(), started, System.currentTimeMillis(),
                Runtime.getRuntime().availableProcessors(), proxies.globalMaxconn().current(), 0, 0, 0, null, null, 0,
                0, 0, proxies.globalMaxconn().hard());
    }

    public void addAuditListener(AuditListener listener) {
        audit.add(listener);
    }

    /** Runs one command line; returns what it answers ("" for none; errors end with a newline). */
    public String execute(String line, Actor actor) {
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
            answer = Answer.error(CliUsage.unknown(CliUsage.words(line)));
        }
        for (AuditListener l : audit) {
            l.executed(actor, line.trim(), answer.output(), answer.allowed());
        }
        return answer.output();
    }
}
