package io.tollgate.engine.config;

import io.tollgate.engine.http.ReplyContext;
import io.tollgate.engine.http.ReplyLimits;
import io.tollgate.engine.tls.TlsDefaults;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the lines of one load share besides their sections: the environment variables (a copy
 * of the caller's, changed in place by {@code setenv}/{@code unsetenv}, as HAProxy changes its
 * own environment while reading), the rules for relative file names, and the global TLS
 * settings read so far ({@code crt-base}, {@code ssl-default-bind-*}, ...), which a
 * {@code bind ... ssl} starts from when it is read, as in HAProxy.
 */
final class ConfigEnvironment {
    final Map<String, String> variables;
    final PathResolver paths;
    private final TlsDefaults.Builder tls = new TlsDefaults.Builder();

    ConfigEnvironment(Map<String, String> variables, PathResolver paths) {
        this.variables = new HashMap<>(variables);
        this.paths = paths;
    }

    /** How error pages and replies read files now; their warnings are reported at {@code source}. */
    ReplyContext replies(Problems problems, Source source) {
        return new ReplyContext(paths::resolve, ReplyLimits.DEFAULT, warning -> problems.warn(source, warning));
    }

    /** A variable's value, or null when unset. */
    String get(String name) {
        return variables.get(name);
    }

    /**
     * Applies a global TLS line ({@code crt-base}, {@code ssl-default-*}, ...) over the ones
     * before it.
     *
     * @throws IllegalArgumentException with HAProxy's message; nothing is applied then
     */
    void applyTls(String keyword, List<String> args) {
        tls.apply(keyword, args);
    }

    /** The global TLS settings as the lines read so far leave them. */
    TlsDefaults tls() {
        return tls.build();
    }
}
