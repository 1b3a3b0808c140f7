package io.tollgate.engine.admin;

import io.tollgate.engine.runtime.Proxies;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The runtime API's command layer, the same for every door (the admin socket, the stats page's
 * actions, tests): one command line in, HAProxy's answer out, at the caller's level, each run told
 * to the audit listeners. Command families live in their own classes ({@link ServerCommands}).
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

    public RuntimeApi(Proxies proxies) {
        families.add(new ServerCommands(proxies));
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
            answer = Answer.error("Unknown command: '" + (words.isEmpty() ? "" : words.get(0)) + "'\n");
        }
        for (AuditListener l : audit) {
            l.executed(actor, line.trim(), answer.output(), answer.allowed());
        }
        return answer.output();
    }
}
