package io.tollgate.console.cli;

import io.tollgate.engine.admin.AccessLevel;
import io.tollgate.engine.admin.Actor;
import io.tollgate.engine.admin.RuntimeApi;
import io.tollgate.engine.admin.Severity;
import io.tollgate.engine.admin.SeverityOutput;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * One connection's conversation, as HAProxy 2.6's CLI holds it (FORMATS §3.3): each line is split
 * into commands; each command's answer is written followed by an empty line, and in interactive
 * mode by the {@code "> "} prompt; without {@code prompt} the connection ends after the first line.
 * The session's own commands (prompt, quit, lowering the level, {@code show cli level},
 * {@code set timeout cli}, {@code set severity-output}) are handled here because they change the
 * session; the console's ({@link ConsoleCommands}) next; the rest goes to the runtime API at the
 * session's level. Messages are headed by their severity when the session asks for it (§3.4).
 */
final class CliSession {

    private final RuntimeApi api;
    private final ConsoleCommands console;
    private final IdleTimeout idle;
    private final String who;
    private final String from;
    private AccessLevel level;
    private SeverityOutput severityOutput;
    private boolean interactive;

    /**
     * @param idle           this connection's timeout, which {@code set timeout cli} changes
     * @param severityOutput the socket's {@code severity-output}, until the session sets its own
     */
    CliSession(RuntimeApi api, ConsoleCommands console, IdleTimeout idle, String who, String from,
               AccessLevel level, SeverityOutput severityOutput) {
        this.api = api;
        this.console = console;
        this.idle = idle;
        this.who = who;
        this.from = from;
        this.level = level;
        this.severityOutput = severityOutput;
    }

    /** Talks until the client leaves, quits, or stops sending while prompt mode is off. */
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
            // HAProxy answers every line it already holds before closing a non-interactive session
            if (!interactive && !in.hasReceived()) {
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
            default:
                break;
        }
        if (startsWith(words, "show", "cli", "level")) {
            return message(Severity.INFO, level.name().toLowerCase(Locale.ROOT) + "\n");
        }
        if (startsWith(words, "set", "timeout")) {
            return setTimeout(words);
        }
        if (startsWith(words, "set", "severity-output")) {
            SeverityOutput wanted = words.size() > 2 ? SeverityOutput.of(words.get(2)) : null;
            if (wanted == null) {
                return message(Severity.ERR, "one of 'none', 'number', 'string' is a required argument\n");
            }
            severityOutput = wanted;
            return "";
        }
        ConsoleCommands.Reply reply = console.run(words, level);
        if (reply != null) {
            return message(reply.severity(), reply.text());
        }
        return api.execute(command, new Actor(who, from, "socket", level), severityOutput);
    }

    /** {@code set timeout cli <delay>}: any level, this session only, with HAProxy's errors. */
    private String setTimeout(List<String> words) {
        if (words.size() < 3 || !words.get(2).equals("cli")) {
            return message(Severity.ERR, "'set timeout' only supports 'cli'.\n");
        }
        if (words.size() < 4) {
            return message(Severity.ERR, "Expects an integer value.\n");
        }
        Duration delay = CliDelay.parse(words.get(3));
        if (delay == null) {
            return message(Severity.ERR, "Invalid timeout value.\n");
        }
        idle.change(delay);
        return "";
    }

    /** A session may only lower its level: asking for a higher one is refused, as in HAProxy. */
    private String lowerTo(AccessLevel wanted) {
        if (!level.allows(wanted)) {
            return message(Severity.ERR, "Permission denied\n");
        }
        level = wanted;
        return "";
    }

    private String message(Severity severity, String text) {
        return severityOutput.apply(severity, text);
    }

    /** Whether {@code words} begin with {@code keywords}, as HAProxy matches a command's keywords. */
    static boolean startsWith(List<String> words, String... keywords) {
        if (words.size() < keywords.length) {
            return false;
        }
        for (int i = 0; i < keywords.length; i++) {
            if (!words.get(i).equals(keywords[i])) {
                return false;
            }
        }
        return true;
    }
}
