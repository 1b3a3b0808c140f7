package io.tollgate.engine.config;

import java.util.List;

/** The configuration could not be loaded; {@link #problems()} lists every error found (and the warnings). */
public final class ConfigException extends Exception {
    private final transient List<ConfigProblem> problems;

    public ConfigException(List<ConfigProblem> problems) {
        super(problems.stream().filter(p -> p.severity() == ConfigProblem.Severity.ALERT)
                .map(ConfigProblem::toString).reduce((a, b) -> a + "\n" + b).orElse("invalid configuration"));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}
