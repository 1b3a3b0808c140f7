package io.tollgate.console;

import io.tollgate.console.cli.AdminSockets;
import io.tollgate.console.cli.CliSettings;
import io.tollgate.console.cli.StartupLog;
import io.tollgate.console.stats.ThymeleafStatsPage;
import io.tollgate.engine.api.Engine;
import io.tollgate.engine.config.Config;
import io.tollgate.engine.config.ConfigException;
import io.tollgate.engine.config.ProxyConfig;
import io.tollgate.engine.runtime.StateChanges;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code tollgate -f <cfg>}: load the configuration, start the engine, write the pid file, say
 * where it listens, then stay in the foreground until SIGINT/SIGTERM, which close the engine and
 * remove the pid file; SIGHUP reopens the log files ({@link HangupSignal}). Configuration errors
 * are printed as {@code [ALERT] ...} and exit 1.
 */
final class RunCommand {

    static final int STOPPED = 0;
    static final int FAILED = 1;

    private final PrintWriter out;
    private final PrintWriter err;
    private final Lifetime lifetime;

    RunCommand(PrintWriter out, PrintWriter err, Lifetime lifetime) {
        this.out = out;
        this.err = err;
        this.lifetime = lifetime;
    }

    /** Runs until the lifetime ends; {@code pidFileOption} ({@code -p}) overrides the global {@code pidfile}. */
    int run(List<Path> files, Path pidFileOption) throws InterruptedException {
        Config config;
        try {
            config = ConfigFiles.load(files);
        } catch (ConfigException e) {
            CheckCommand.printFatal(e, err);
            return FAILED;
        }
        StartupLog startup = new StartupLog();
        CheckCommand.printWarnings(config.warnings(), out, startup.tee(err));
        if (!config.hasListeners()) {
            err.println("[ALERT] config : No enabled listener found (check for 'bind' directives) ! Exiting.");
            err.flush();
            return FAILED;
        }
        StateEventPrinter events = lifetime.register(StateEventPrinter.start(err));
        Optional<Engine> started = startEngine(config, err, events);
        if (started.isEmpty()) {
            return FAILED;
        }
        Engine engine = started.get();
        lifetime.register(engine);
        handleSignals(engine, lifetime, err);
        drawStatsPages(engine, lifetime);
        if (!openAdminSockets(config, engine, lifetime, err, startup)) {
            lifetime.end();
            return FAILED;
        }
        out.println("[NOTICE] " + Version.current().line());
        printListening(config, engine, out);
        out.flush();
        // the pid file is written last, so whoever waits for it finds everything announced
        Path pidPath = pidFileOption != null ? pidFileOption
                : Optional.ofNullable(config.global().pidfile()).map(Path::of).orElse(null);
        if (pidPath != null) {
            try {
                lifetime.register(PidFile.write(pidPath));
            } catch (IOException e) {
                err.println("[ALERT] config : cannot create pidfile " + pidPath + " : " + e.getMessage());
                err.flush();
                engine.close();
                return FAILED;
            }
        }
        out.println("[NOTICE] started, pid " + ProcessHandle.current().pid()
                + (pidPath != null ? " (written to " + pidPath + ")" : "") + "; stop with Ctrl-C or SIGTERM");
        out.flush();
        lifetime.await();
        return STOPPED;
    }

    /** Starts the engine, or prints why it could not (a port in use, say) and returns empty. */
    static Optional<Engine> startEngine(Config config, PrintWriter err, StateChanges.Listener... listeners)
            throws InterruptedException {
        try {
            return Optional.of(Engine.start(config, List.of(listeners)));
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) { // Netty rethrows a failed bind's IOException unchecked
            err.println("[ALERT] engine : cannot start: " + describe(e));
            err.flush();
            return Optional.empty();
        }
    }

    /**
     * When the lifetime follows signals (not in tests run in-process): SIGHUP reopens the log
     * files, SIGUSR1 stops softly.
     */
    static void handleSignals(Engine engine, Lifetime lifetime, PrintWriter err) {
        if (lifetime.followsSignals()) {
            HangupSignal hangup = HangupSignal.install(engine::reopenLogs, err);
            if (hangup != null) {
                lifetime.register(hangup);
            }
            SoftStopSignal softStop = SoftStopSignal.install(engine, lifetime, err);
            if (softStop != null) {
                lifetime.register(softStop);
            }
        }
    }

    /**
     * Lets the engine serve the HTML stats page, drawn on a thread of its own that ends with the
     * lifetime (before the engine, which was registered first).
     */
    static void drawStatsPages(Engine engine, Lifetime lifetime) {
        engine.statsPage(lifetime.register(new ThymeleafStatsPage("Tollgate", Version.current().pageHeading())));
    }

    /**
     * Serves the runtime API on the global {@code stats socket}s until the lifetime ends; false,
     * after saying why, when one cannot be opened (its path held by a running Tollgate, say).
     * Startup ends here: {@code startup} keeps what was printed until now for {@code show startup-logs}.
     */
    static boolean openAdminSockets(Config config, Engine engine, Lifetime lifetime, PrintWriter err,
                                    StartupLog startup) {
        startup.end();
        try {
            lifetime.register(AdminSockets.open(CliSettings.of(config.global()), engine.runtimeApi(), startup));
            return true;
        } catch (IOException | IllegalArgumentException e) {
            err.println("[ALERT] cli : Starting frontend GLOBAL: " + e.getMessage());
            err.flush();
            return false;
        }
    }

    /** One line per listening proxy: its kind, name, mode and every address it is bound to. */
    static void printListening(Config config, Engine engine, PrintWriter out) {
        for (ProxyConfig proxy : config.proxies()) {
            if (proxy.binds().isEmpty()) {
                continue;
            }
            for (InetSocketAddress address : engine.boundAddresses(proxy.name())) {
                out.printf("  %-8s %-16s %s://%s%n", proxy.kind().name().toLowerCase(Locale.ROOT),
                        proxy.name(), proxy.mode().word(), hostPort(address));
            }
        }
        out.flush();
    }

    static String hostPort(InetSocketAddress address) {
        String host = address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            text.append(": ").append(cause.getMessage());
        }
        return text.toString();
    }
}
