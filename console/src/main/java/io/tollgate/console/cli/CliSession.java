package io.tollgate.console.cli;

import io.tollgate.engine.admin.AccessLevel;
import io.tollgate.engine.admin.Actor;
import io.tollgate.engine.admin.RuntimeApi;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * One connection's conversation, as HAProxy 2.6's CLI holds it (FORMATS §3.3): each line is split
 * into commands; each command's answer is written followed by an empty line, and in interactive
 * mode by the {@code "> "} prompt; without {@code prompt} the connection ends after the first line.
 * The session's own commands (prompt, quit, lowering the level, {@code show cli level}) are handled
 * here because they change the session; the rest goes to the runtime API at the session's level.
 */
final class CliSession {

    private final RuntimeApi api;
    private final String who;
    private final String from;
    private AccessLevel level;
    private boolean interactive;

    CliSession(RuntimeApi api, String who, String from, AccessLevel level) {
        this.api = api;
        this.who = who;
        this.from = from;
        this.level = level;
    }

    /** Talks until the client leaves, quits, or sends a line without prompt mode on. */
    void run(LineReader in, OutputStream out) throws IOException {
        String line;
        while ((line = in.next()) != null) {
            for (String command : CommandSplitter.split(line)) {
                if (command.equals("quit")) {
                    return;
                }
                String answer = answer(command);
                out.write((answer + "\n" + (interactive ? "> " : "")).getBytes(StandardCharsets.UTF_8));
            }
            out.flush();
            if (!interactive) {
                return;
            }
        }
    }

    AccessLevel level() {
        return level;
    }

    private String answer(String command) {
        List<String> words = List.of(command.split("\\s+"));
        switch (String.join(" ", words)) {
            case "prompt":
                interactive = !interactive;
                return "";
            case "operator":
                return lowerTo(AccessLevel.OPERATOR);
            case "user":
                return lowerTo(AccessLevel.USER);
            case "show cli level":
                return level.name().toLowerCase(Locale.ROOT) + "\n";
            default:
                return api.execute(command, new Actor(who, from, "socket", level));
        }
    }

    /** A session may only lower its level: asking for a higher one is refused, as in HAProxy. */
    private String lowerTo(AccessLevel wanted) {
        if (!level.allows(wanted)) {
            return "Permission denied\n";
        }
        level = wanted;
        return "";
    }
}
