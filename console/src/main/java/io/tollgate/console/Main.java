package io.tollgate.console;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The {@code tollgate} command line, shaped like HAProxy's: {@code -f} names the configuration
 * (repeatable, files or directories), {@code -c} checks it, {@code -p} writes a pid file,
 * {@code -v}/{@code -vv} print the version, {@code -d}/{@code -db} are accepted (Tollgate always
 * stays in the foreground). Without {@code -c} it runs until SIGINT/SIGTERM. {@code demo} runs the
 * bundled demonstration.
 */
@Command(name = "tollgate",
        description = "A load balancer that reads HAProxy's configuration language.",
        subcommands = DemoCommand.class,
        sortOptions = false,
        separator = " ",
        usageHelpAutoWidth = true)
public final class Main implements Callable<Integer> {

    @Option(names = "-f", paramLabel = "<cfgfile|cfgdir>",
            description = "Configuration file, or directory of *.cfg files; repeatable, read in order.")
    private List<Path> files = new ArrayList<>();

    @Option(names = "-c", description = "Check the configuration and exit (0 valid, 1 errors, 2 no listener).")
    private boolean check;

    @Option(names = "-p", paramLabel = "<pidfile>", description = "Write the pid to this file (else global 'pidfile').")
    private Path pidFile;

    @Option(names = "-v", description = "Print the version; -vv adds build and runtime details.")
    private boolean[] version = new boolean[0];

    @Option(names = "-d", description = "Debug mode, in the foreground (accepted; Tollgate always runs in the foreground).")
    private boolean debug;

    @Option(names = "-db", description = "Disable background mode (accepted; Tollgate always runs in the foreground).")
    private boolean foreground;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with Tollgate's exit codes: a usage error exits 1, as HAProxy's does. */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setParameterExceptionHandler((e, args) -> {
            CommandLine failed = e.getCommandLine();
            failed.getErr().println("[ALERT] " + e.getMessage());
            failed.usage(failed.getErr());
            return 1;
        });
        return commandLine;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (version.length > 0) {
            Version build = Version.current();
            out.println(build.line());
            if (version.length > 1) {
                build.details().forEach(out::println);
            }
            out.flush();
            return 0;
        }
        if (files.isEmpty()) {
            err.println("[ALERT] No configuration file specified (use -f <cfgfile|cfgdir>, or 'tollgate demo').");
            spec.commandLine().usage(err);
            err.flush();
            return 1;
        }
        if (check) {
            return new CheckCommand(out, err).check(files);
        }
        return new RunCommand(out, err, Lifetime.untilSignal()).run(files, pidFile);
    }
}
