package io.tollgate.engine.config;

import io.tollgate.engine.http.HttpErrorsSections;

import java.util.List;
import java.util.Optional;

/**
 * A whole parsed and validated configuration: what the engine is built from. Immutable.
 * {@code warnings} are the non-fatal remarks the parser made (printed by {@code -c});
 * {@code httpErrors} the {@code http-errors} sections, which {@code errorfiles} replies name.
 */
public record Config(GlobalSettings global, List<ProxyConfig> proxies,
                     List<UserlistConfig> userlists, List<ConfigProblem> warnings, HttpErrorsSections httpErrors) {

    /** A configuration without {@code http-errors} sections. */
    public Config(GlobalSettings global, List<ProxyConfig> proxies, List<UserlistConfig> userlists,
                  List<ConfigProblem> warnings) {
        this(global, proxies, userlists, warnings, HttpErrorsSections.none());
    }

    public Optional<ProxyConfig> proxy(String name) {
        return proxies.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * Whether anything will accept connections: a frontend or listen section with at least one
     * {@code bind}. HAProxy's {@code -c} exits with status 2 ("no listener") when this is false,
     * although the configuration itself is valid.
     */
    public boolean hasListeners() {
        return proxies.stream().anyMatch(p -> p.kind().isFrontend() && !p.binds().isEmpty());
    }
}
