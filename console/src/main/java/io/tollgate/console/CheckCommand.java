package io.tollgate.console;

import io.tollgate.console.cli.CliSettings;
import io.tollgate.engine.api.Engine;
import io.tollgate.engine.config.Config;
import io.tollgate.engine.config.ConfigException;
import io.tollgate.engine.config.ConfigProblem;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code tollgate -c}: load the configuration and say whether it would start, with HAProxy's
 * messages and exit codes: 0 valid, 1 errors (each printed as {@code [ALERT] ...}), 2 valid but
 * nothing to listen on. Warnings go to stderr as {@code [WARNING] ...}; the verdict to stdout.
 */
final class CheckCommand {

    static final int VALID = 0;
    static final int INVALID = 1;
    static final int NO_LISTENER = 2;

    static final String VALID_MESSAGE = "Configuration file is valid";
    static final String NO_LISTENER_MESSAGE =
            "Configuration file has no error but will not start (no listener) => exit(2).";

    private final PrintWriter out;
    private final PrintWriter err;

    CheckCommand(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    int check(List<Path> files) {
        Config config;
        try {
            config = ConfigFiles.load(files);
        } catch (ConfigException e) {
            printFatal(e, err);
            return INVALID;
        }
        // what only the engine's preparation finds: servers' TLS files, read at start
        List<String> startProblems = new ArrayList<>(Engine.check(config));
        try {
            CliSettings.of(config.global()); // stats socket options: levels, users and groups looked up
        } catch (IllegalArgumentException e) {
            startProblems.add(e.getMessage());
        }
        if (!startProblems.isEmpty()) {
            config.warnings().forEach(err::println);
            startProblems.forEach(p -> err.println("[ALERT] config : " + p));
            err.println("[ALERT] config : Fatal errors found in configuration.");
            err.flush();
            return INVALID;
        }
        printWarnings(config.warnings(), out, err);
        if (!config.hasListeners()) {
            out.println(NO_LISTENER_MESSAGE);
            return NO_LISTENER;
        }
        out.println(VALID_MESSAGE);
        return VALID;
    }

    /** Prints every problem of a failed load, then HAProxy's closing alert. */
    static void printFatal(ConfigException e, PrintWriter err) {
        for (ConfigProblem problem : e.problems()) {
            err.println(problem);
        }
        err.println("[ALERT] config : Fatal errors found in configuration.");
        err.flush();
    }

    /** Prints the warnings of a successful load, and HAProxy's "Warnings were found." after them. */
    static void printWarnings(List<ConfigProblem> warnings, PrintWriter out, PrintWriter err) {
        if (warnings.isEmpty()) {
            return;
        }
        warnings.forEach(err::println);
        err.flush();
        out.println("Warnings were found.");
    }
}
