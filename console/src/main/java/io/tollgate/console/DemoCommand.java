package io.tollgate.console;

import io.tollgate.console.cli.StartupLog;
import io.tollgate.engine.api.Engine;
import io.tollgate.engine.config.Config;
import io.tollgate.engine.config.ConfigException;
import io.tollgate.engine.config.ProxyConfig;
import io.tollgate.logship.LogTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import io.tollgate.logship.LogTarget;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code tollgate demo}: {@code examples/demo.cfg} with its upstream servers built in and a light
 * traffic generator, so that every counter moves at once. Its data goes under {@code ./run/}.
 * Ctrl-C stops the traffic, the engine and the upstreams, in that order.
 *
 * <p>The configuration is the repository's {@code examples/demo.cfg} when it can be found (beside
 * the launcher, or under the current directory); elsewhere, the copy the build put in the jar is
 * written to {@code ./run/demo.cfg} and used.
 */
@Command(name = "demo", description = "Run examples/demo.cfg with built-in upstream servers and light traffic.")
final class DemoCommand implements Callable<Integer> {

    static final Path RUN_DIR = Path.of("run");
    static final String FRONTEND = "http-in";
    private static final String RESOURCE = "demo.cfg";
    private static final long SUMMARY_PERIOD_SECONDS = 10;

    @Option(names = "--rate", paramLabel = "<requests/s>", defaultValue = "5",
            description = "Requests per second sent to the frontend (0: none). Default: ${DEFAULT-VALUE}.")
    private int rate;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Files.createDirectories(RUN_DIR);
        Path configFile = locateConfig();
        Config config;
        try {
            config = ConfigFiles.load(List.of(configFile));
        } catch (ConfigException e) {
            CheckCommand.printFatal(e, err);
            return RunCommand.FAILED;
        }
        StartupLog startup = new StartupLog();
        CheckCommand.printWarnings(config.warnings(), out, startup.tee(err));

        Lifetime lifetime = Lifetime.untilSignal();
        DemoUpstreams upstreams;
        try {
            upstreams = lifetime.register(DemoUpstreams.start(DemoUpstreams.of(config)));
        } catch (IOException e) {
            err.println("[ALERT] demo : " + e.getMessage() + " (is another demo running?)");
            err.flush();
            lifetime.end();
            return RunCommand.FAILED;
        }
        StateEventPrinter events = lifetime.register(StateEventPrinter.start(err));
        Optional<Engine> started = RunCommand.startEngine(config, err, events);
        if (started.isEmpty()) {
            lifetime.end();
            return RunCommand.FAILED;
        }
        Engine engine = lifetime.register(started.get());
        RunCommand.handleSignals(engine, lifetime, err);
        RunCommand.drawStatsPages(engine, lifetime);
        if (!RunCommand.openAdminSockets(config, engine, lifetime, err, startup)) {
            lifetime.end();
            return RunCommand.FAILED;
        }
        if (config.global().pidfile() != null) {
            lifetime.register(PidFile.write(Path.of(config.global().pidfile())));
        }
        URI frontend = URI.create("http://" + RunCommand.hostPort(frontendAddress(config, engine)) + "/");
        DemoTraffic traffic = rate > 0 ? lifetime.register(DemoTraffic.start(frontend, rate)) : null;
        printWelcome(out, configFile, config, engine, frontend, upstreams, traffic);
        lifetime.register(DemoStatsDisplay.start(engine.stats(), out, System.in, SUMMARY_PERIOD_SECONDS));
        lifetime.await();
        return RunCommand.STOPPED;
    }

    private void printWelcome(PrintWriter out, Path configFile, Config config, Engine engine, URI frontend,
                              DemoUpstreams upstreams, DemoTraffic traffic) {
        out.println("[NOTICE] " + Version.current().line());
        out.println();
        out.println("Tollgate demo: the HAProxy tutorial's layout on loopback.");
        out.println("  configuration  " + configFile.toAbsolutePath().normalize());
        out.println("  frontend       " + frontend + "   try: curl " + frontend + "ms1/x");
        out.println("  listening");
        RunCommand.printListening(config, engine, out);
        out.println("  upstreams      (built in; /healthCheck.html answers ok)");
        for (DemoUpstreams.Upstream upstream : upstreams.upstreams()) {
            out.println("    " + upstream);
        }
        out.println("  traffic        " + (traffic == null ? "none (--rate 0)"
                : rate + " requests/s to " + String.join(", ", DemoTraffic.PATHS)));
        out.println("  data           " + RUN_DIR.toAbsolutePath().normalize() + "/");
        List<String> files = logFiles(config);
        if (!files.isEmpty()) {
            out.println("  logs           " + String.join(", ", files) + "   (reopen: kill -HUP, or 'reopen logs' on the socket)");
        }
        out.println("  counters       press Enter for the full stats CSV; a summary prints every "
                + SUMMARY_PERIOD_SECONDS + " s");
        out.println("  stop           Ctrl-C");
        out.println();
        out.flush();
    }

    /** The global section's {@code file@} log targets, with what each receives ({@code local0 info+}). */
    private static List<String> logFiles(Config config) {
        List<String> files = new java.util.ArrayList<>();
        for (io.tollgate.engine.config.Directive d : config.global().logs()) {
            if (!d.args().isEmpty() && d.args().get(0).startsWith("file@")) {
                LogTarget t = LogTarget.parse(d.args());
                files.add(Path.of(d.args().get(0).substring("file@".length())).toAbsolutePath().normalize()
                        + " (" + t.facility().keyword() + " " + t.maxLevel().keyword() + "+)");
            }
        }
        return files;
    }

    /** Where the traffic goes: the {@code http-in} frontend, else the first proxy that listens. */
    private static InetSocketAddress frontendAddress(Config config, Engine engine) {
        String name = config.proxy(FRONTEND).map(ProxyConfig::name)
                .orElseGet(() -> config.proxies().stream().filter(p -> !p.binds().isEmpty())
                        .findFirst().orElseThrow().name());
        InetSocketAddress address = engine.boundAddresses(name).get(0);
        if (address.getAddress() != null && address.getAddress().isAnyLocalAddress()) {
            return new InetSocketAddress("127.0.0.1", address.getPort());
        }
        return address;
    }

    /**
     * The repository's {@code examples/demo.cfg} ({@code tollgate.home} is set by {@code bin/tollgate}),
     * else one under the current directory, else the jar's copy written to {@code ./run/demo.cfg}.
     */
    static Path locateConfig() throws IOException {
        String home = System.getProperty("tollgate.home");
        if (home != null) {
            Path file = Path.of(home, "examples", "demo.cfg");
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        Path local = Path.of("examples", "demo.cfg");
        if (Files.isRegularFile(local)) {
            return local;
        }
        Path copy = RUN_DIR.resolve("demo.cfg");
        Files.createDirectories(RUN_DIR);
        try (InputStream in = DemoCommand.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("the jar has no " + RESOURCE + "; rebuild it"));
            }
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        }
        return copy;
    }
}
