package io.tollgate.engine.config;

import io.tollgate.engine.tls.TlsDefaults;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

/**
 * The {@code global} section's keyword table and the keywords Tollgate uses: {@code maxconn},
 * {@code nbthread}, {@code pidfile}, {@code node}, {@code description}, {@code log},
 * {@code stats socket|timeout|maxconn}, the environment keywords ({@code setenv},
 * {@code presetenv}, {@code unsetenv}, {@code resetenv}), {@code default-path} and the TLS
 * keywords ({@code crt-base}, {@code ca-base}, {@code ssl-default-bind-*},
 * {@code ssl-default-server-*}, {@code ssl-server-verify}; the DH parameters are checked and
 * ignored, the JDK choosing its own groups). Process keywords that do nothing in Tollgate
 * ({@code daemon}, {@code user}, {@code chroot}, ...) are accepted with a warning; the rest is in
 * {@link GlobalUnsupportedKeywords}.
 */
final class GlobalKeywords {
    static final KeywordTable<GlobalState> TABLE = table();

    private static final KeywordTable<GlobalState> STATS = stats();

    private GlobalKeywords() {
    }

    private static KeywordTable<GlobalState> table() {
        KeywordTable<GlobalState> t = new KeywordTable<>();
        t.add("maxconn", (line, g, p) -> {
            Args.atMost(line, 1);
            g.maxconn = Args.integer(line, 1, "maxconn", 1, Integer.MAX_VALUE);
        });
        t.add("nbthread", (line, g, p) -> {
            Args.atMost(line, 1);
            g.nbthread = Args.integer(line, 1, "nbthread", 1, 4096);
        });
        t.add("spread-checks", (line, g, p) -> {
            Args.atMost(line, 1);
            g.spreadChecks = spreadChecks(line.arg(1));
        });
        t.add("pidfile", (line, g, p) -> {
            Args.atMost(line, 1);
            String path = Args.required(line, 1, "pidfile", "a file name");
            if (g.pidfile != null) {
                p.warn(line.source(), "'pidfile' already specified. Continuing.");
                return;
            }
            g.pidfile = path;
        });
        t.add("node", (line, g, p) -> {
            Args.atMost(line, 1);
            g.node = line.arg(1);
        });
        t.add("description", (line, g, p) -> {
            if (!line.has(1)) {
                throw new KeywordException("'description' expects a string argument.");
            }
            g.description = line.joined(1);
        });
        t.add("log", (line, g, p) -> LogKeywords.applyGlobal(line, g.logs));
        t.add("stats", GlobalKeywords::stats);
        t.add("daemon", (line, g, p) -> {
            Args.atMost(line, 0);
            g.daemon = true;
            p.warn(line.source(), Unsupported.ignoredMessage("daemon") + " (Tollgate stays in the foreground)");
        });
        for (String word : List.of("user", "group", "chroot")) {
            t.add(word, (line, g, p) -> {
                Args.atMost(line, 1);
                Args.required(line, 1, word, "a name");
                p.warn(line.source(), Unsupported.ignoredMessage(word));
            });
        }
        for (String word : List.of("uid", "gid", "ulimit-n")) {
            t.add(word, (line, g, p) -> {
                Args.atMost(line, 1);
                Args.integer(line, 1, word, 0, Integer.MAX_VALUE);
                p.warn(line.source(), Unsupported.ignoredMessage(word));
            });
        }
        t.add("nbproc", Unsupported.removed("nbproc is not supported any more since HAProxy 2.5. Threads will "
                + "automatically be used on multi-processor machines if available."));
        registerTls(t);
        EnvironmentKeywords.register(t);
        LogTagKeywords.registerGlobal(t);
        GlobalUnsupportedKeywords.register(t);
        return t;
    }

    private static void registerTls(KeywordTable<GlobalState> t) {
        for (String word : TlsDefaults.KEYWORDS) {
            t.add(word, (line, g, p) -> {
                try {
                    g.environment.applyTls(line.keyword(), line.from(1));
                } catch (IllegalArgumentException e) {
                    throw new KeywordException(e.getMessage());
                }
                if (line.keyword().endsWith("-options") && line.from(1).contains("no-tls-tickets")) {
                    p.warn(line.source(), "'no-tls-tickets' in '" + line.keyword() + "' has no effect in Tollgate: "
                            + "the JDK decides on TLS session tickets (jdk.tls.server.enableSessionTicketExtension).");
                }
            });
        }
        t.add("ssl-dh-param-file", (line, g, p) -> {
            Args.atMost(line, 1);
            String file = line.arg(1);
            if (file.isEmpty()) {
                throw new KeywordException("'ssl-dh-param-file' expects a file path as an argument.");
            }
            if (!isDhParamFile(g.environment.paths.resolve(file))) {
                throw new KeywordException("'ssl-dh-param-file': unable to load DH parameters from file <" + file + ">.");
            }
            p.warn(line.source(), "'ssl-dh-param-file' is ignored by Tollgate: the JDK uses its own "
                    + "Diffie-Hellman groups (RFC 7919).");
        });
        t.add("tune.ssl.default-dh-param", (line, g, p) -> {
            Args.atMost(line, 1);
            if (line.arg(1).isEmpty()) {
                throw new KeywordException("'tune.ssl.default-dh-param' expects an integer argument.");
            }
            if (leadingInt(line.arg(1)) < 1024) {
                throw new KeywordException("'tune.ssl.default-dh-param' expects a value >= 1024.");
            }
            p.warn(line.source(), "'tune.ssl.default-dh-param' is ignored by Tollgate: the JDK uses its own "
                    + "Diffie-Hellman groups (RFC 7919).");
        });
    }

    private static boolean isDhParamFile(java.nio.file.Path path) {
        try {
            return Files.readString(path, java.nio.charset.StandardCharsets.US_ASCII).contains("-----BEGIN DH PARAMETERS-----");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** C's atoi: the leading digits, 0 when there are none. */
    private static long leadingInt(String text) {
        int i = 0;
        while (i < text.length() && i < 18 && Character.isDigit(text.charAt(i))) {
            i++;
        }
        return i == 0 ? 0 : Long.parseLong(text.substring(0, i));
    }

    /** {@code stats socket|timeout|maxconn|bind-process} in {@code global}. */
    private static void stats(Line line, GlobalState global, Problems problems) throws KeywordException {
        String sub = line.arg(1);
        Keyword<GlobalState> parser = STATS.find(sub).orElseThrow(() -> new KeywordException(
                "'stats' only supports 'socket', 'maxconn', 'bind-process' and 'timeout' (got '" + sub + "')."));
        parser.parse(line, global, problems);
    }

    private static KeywordTable<GlobalState> stats() {
        KeywordTable<GlobalState> t = new KeywordTable<>();
        t.add("socket", (line, g, p) -> {
            Args.required(line, 2, "stats socket", "a path or address");
            g.statsSockets.add(line.toDirective());
        });
        t.add("timeout", (line, g, p) -> {
            Args.atMost(line, 2, "stats timeout");
            Units.time(line.arg(2), "stats timeout");
            g.directives.add(line.toDirective());
        });
        t.add("maxconn", (line, g, p) -> {
            Args.atMost(line, 2, "stats maxconn");
            Args.integer(line, 2, "stats maxconn", 1, Integer.MAX_VALUE);
            g.directives.add(line.toDirective());
        });
        t.add("bind-process", (line, g, p) -> p.warn(line.source(),
                "'stats bind-process' has no effect, is deprecated, and will be removed in version 2.7."));
        return t;
    }

    /** {@code spread-checks <0..50>}: how much, in percent, each check interval varies at random. */
    private static int spreadChecks(String text) throws KeywordException {
        try {
            int value = Integer.parseInt(text);
            if (value >= 0 && value <= 50) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new KeywordException("'spread-checks' needs a positive value in range 0..50.");
    }
}
