package io.tollgate.engine.config;

import java.util.Map;

/**
 * {@code setenv}, {@code presetenv}, {@code unsetenv}, {@code resetenv} and
 * {@code default-path}: global keywords that change how the following lines are read
 * (variables they expand, directories relative file names start from), applied at once as in
 * HAProxy.
 */
final class EnvironmentKeywords {
    private EnvironmentKeywords() {
    }

    static void register(KeywordTable<GlobalState> t) {
        t.add("setenv", (line, g, p) -> {
            nameAndValue(line);
            g.environment.variables.put(line.arg(1), line.arg(2));
        });
        t.add("presetenv", (line, g, p) -> {
            nameAndValue(line);
            g.environment.variables.putIfAbsent(line.arg(1), line.arg(2));
        });
        t.add("unsetenv", (line, g, p) -> line.from(1).forEach(g.environment.variables::remove));
        t.add("resetenv", (line, g, p) -> {
            Map<String, String> vars = g.environment.variables;
            vars.keySet().retainAll(line.from(1));
        });
        t.add("default-path", EnvironmentKeywords::defaultPath);
    }

    private static void nameAndValue(Line line) throws KeywordException {
        Args.atMost(line, 2);
        if (line.arg(1).isEmpty() || !line.has(2)) {
            throw new KeywordException("'" + line.keyword() + "' expects a name and a value.");
        }
    }

    private static void defaultPath(Line line, GlobalState global, Problems problems) throws KeywordException {
        PathResolver.Mode mode = switch (line.arg(1)) {
            case "current" -> PathResolver.Mode.CURRENT;
            case "config" -> PathResolver.Mode.CONFIG;
            case "parent" -> PathResolver.Mode.PARENT;
            case "origin" -> PathResolver.Mode.ORIGIN;
            default -> throw new KeywordException("'default-path' expects either 'current', 'config', 'parent' or "
                    + "'origin', got '" + line.arg(1) + "'.");
        };
        if (mode == PathResolver.Mode.ORIGIN) {
            Args.required(line, 2, "default-path origin", "a path");
            Args.atMost(line, 2);
        } else {
            Args.atMost(line, 1);
        }
        global.environment.paths.defaultPath(mode, mode == PathResolver.Mode.ORIGIN ? line.arg(2) : null);
    }
}
