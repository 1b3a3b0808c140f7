package io.tollgate.console.cli;

import io.tollgate.engine.admin.AccessLevel;
import io.tollgate.engine.admin.Severity;

import java.util.List;
import java.util.function.Supplier;

/**
 * The runtime API commands whose answers the console holds rather than the engine, with HAProxy
 * 2.6.12's texts: {@code show cli sockets} (any level: {@code # socket lvl processes}, then
 * {@code <address> <level> all} per socket, in configuration order) and {@code show startup-logs}
 * (operator: what was printed on stderr while starting, or an empty line when nothing was).
 */
final class ConsoleCommands {

    /** An answer and how HAProxy tells it (see {@link Severity}). */
    record Reply(String text, Severity severity) {
        static final Reply DENIED = new Reply("Permission denied\n", Severity.ERR);
    }

    private final Supplier<List<String>> sockets;
    private final StartupLog startup;

    /** @param sockets one {@code <address> <level>} per listening admin socket */
    ConsoleCommands(Supplier<List<String>> sockets, StartupLog startup) {
        this.sockets = sockets;
        this.startup = startup;
    }

    /** The answer to {@code words}, or null when they are not one of these commands. */
    Reply run(List<String> words, AccessLevel level) {
        if (CliSession.startsWith(words, "show", "cli", "sockets")) {
            StringBuilder out = new StringBuilder("# socket lvl processes\n");
            sockets.get().forEach(s -> out.append(s).append(" all\n"));
            return new Reply(out.toString(), Severity.DATA);
        }
        if (CliSession.startsWith(words, "show", "startup-logs")) {
            if (!level.allows(AccessLevel.OPERATOR)) {
                return Reply.DENIED;
            }
            String text = startup.text();
            // HAProxy answers an info message of one empty line when it kept nothing
            return text.isEmpty() ? new Reply("\n", Severity.INFO) : new Reply(text, Severity.DATA);
        }
        return null;
    }
}
