package io.tollgate.engine.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code show env [<name>]}, operator level: the process environment as HAProxy 2.6 dumps its
 * {@code environ}, one {@code NAME=value} a line, in the order the process received it; with a
 * name, only that variable, or {@code Variable not found}. Further words are ignored, as HAProxy
 * ignores them.
 */
final class EnvCommands implements RuntimeApi.Family {
    private final Supplier<List<String>> environment;

    EnvCommands() {
        this(EnvCommands::processEnvironment);
    }

    /** @param environment {@code NAME=value} entries, in order (tests give their own) */
    EnvCommands(Supplier<List<String>> environment) {
        this.environment = environment;
    }

    @Override
    public RuntimeApi.Answer run(List<String> w, Actor actor) {
        if (w.size() < 2 || !w.get(0).equals("show") || !w.get(1).equals("env")) {
            return null;
        }
        if (!actor.level().allows(AccessLevel.OPERATOR)) {
            return RuntimeApi.Answer.denied();
        }
        List<String> entries = environment.get();
        if (w.size() > 2) {
            String prefix = w.get(2) + "=";
            for (String entry : entries) {
                if (entry.startsWith(prefix)) {
                    return new RuntimeApi.Answer(entry + "\n", true);
                }
            }
            return RuntimeApi.Answer.error("Variable not found\n");
        }
        StringBuilder out = new StringBuilder();
        entries.forEach(e -> out.append(e).append('\n'));
        return new RuntimeApi.Answer(out.toString(), true);
    }

    /**
     * The environment the process started with, in its order: {@code /proc/self/environ} on Linux
     * (the JVM cannot change its environment, so this is current), else the JDK's unordered map.
     */
    static List<String> processEnvironment() {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc/self/environ"));
            List<String> entries = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < raw.length; i++) {
                if (raw[i] == 0) {
                    if (i > start) {
                        entries.add(new String(raw, start, i - start, StandardCharsets.UTF_8));
                    }
                    start = i + 1;
                }
            }
            return entries;
        } catch (IOException | UnsupportedOperationException e) {
            List<String> entries = new ArrayList<>();
            for (Map.Entry<String, String> variable : System.getenv().entrySet()) {
                entries.add(variable.getKey() + "=" + variable.getValue());
            }
            return entries;
        }
    }
}
