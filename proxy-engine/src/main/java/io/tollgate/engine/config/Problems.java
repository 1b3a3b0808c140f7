package io.tollgate.engine.config;

import java.util.ArrayList;
import java.util.List;

/** Collects every alert and warning of one load, in the order found, as HAProxy prints them. */
final class Problems {
    private final List<ConfigProblem> all = new ArrayList<>();

    void alert(Source source, String message) {
        all.add(new ConfigProblem(ConfigProblem.Severity.ALERT, source, message));
    }

    void warn(Source source, String message) {
        all.add(new ConfigProblem(ConfigProblem.Severity.WARNING, source, message));
    }

    boolean hasAlerts() {
        return all.stream().anyMatch(p -> p.severity() == ConfigProblem.Severity.ALERT);
    }

    List<ConfigProblem> all() {
        return List.copyOf(all);
    }

    List<ConfigProblem> warnings() {
        return all.stream().filter(p -> p.severity() == ConfigProblem.Severity.WARNING).toList();
    }
}
