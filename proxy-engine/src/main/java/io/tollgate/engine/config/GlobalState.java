package io.tollgate.engine.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code global} section while it is being parsed. It reaches the shared
 * {@link ConfigEnvironment} because {@code setenv}/{@code unsetenv} and {@code default-path} are
 * global keywords whose effect HAProxy applies at once to the lines that follow.
 */
final class GlobalState {
    final ConfigEnvironment environment;
    int maxconn = GlobalSettings.DEFAULT_MAXCONN;
    int nbthread;
    int spreadChecks;
    String pidfile;
    boolean daemon;
    String node;
    String description;
    String logTag;
    String logHostname;
    final List<Directive> logs = new ArrayList<>();
    final List<Directive> statsSockets = new ArrayList<>();
    final List<Directive> directives = new ArrayList<>();

    GlobalState(ConfigEnvironment environment) {
        this.environment = environment;
    }

    GlobalSettings toSettings() {
        return new GlobalSettings(maxconn, nbthread, pidfile, daemon, node, List.copyOf(logs),
                List.copyOf(statsSockets), description, List.copyOf(directives), environment.tls(),
                spreadChecks, logTag, logHostname);
    }
}
