package io.tollgate.engine.config;

import io.tollgate.engine.http.ReplyContext;
import io.tollgate.engine.http.ReplyLimits;

import java.util.HashMap;
import java.util.Map;

/**
 * What the lines of one load share besides their sections: the environment variables (a copy
 * of the caller's, changed in place by {@code setenv}/{@code unsetenv}, as HAProxy changes its
 * own environment while reading) and the rules for relative file names.
 */
final class ConfigEnvironment {
    final Map<String, String> variables;
    final PathResolver paths;

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
}
