package io.tollgate.engine.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Loads configuration text written to a temporary directory, as {@code t.cfg}, for tests. */
final class TestConfigs {
    private TestConfigs() {
    }

    /** Loads {@code text}; fails the test with every problem if it does not load. */
    static Config load(String text) {
        return load(text, Map.of());
    }

    static Config load(String text, Map<String, String> env) {
        try {
            return ConfigLoader.load(List.of(Path.of("t.cfg")), env, write(text));
        } catch (ConfigException e) {
            throw new AssertionError("expected a valid configuration, got:\n" + e.getMessage(), e);
        }
    }

    /** The problems of {@code text}, which must not load. */
    static List<String> errors(String text) {
        return errors(text, Map.of());
    }

    static List<String> errors(String text, Map<String, String> env) {
        try {
            Config config = ConfigLoader.load(List.of(Path.of("t.cfg")), env, write(text));
            throw new AssertionError("expected errors, but it loaded with warnings " + config.warnings());
        } catch (ConfigException e) {
            return e.problems().stream().map(ConfigProblem::toString).toList();
        }
    }

    /** The warnings of {@code text}, which must load. */
    static List<String> warnings(String text) {
        return load(text).warnings().stream().map(ConfigProblem::toString).toList();
    }

    static Path write(String text) {
        return write(text.getBytes(StandardCharsets.UTF_8));
    }

    static Path write(byte[] content) {
        try {
            Path dir = Files.createTempDirectory("tollgate-config");
            dir.toFile().deleteOnExit();
            Path file = Files.write(dir.resolve("t.cfg"), content);
            file.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A minimal valid frontend + backend with timeouts, to which tests append lines. */
    static String proxies(String frontendLines, String backendLines) {
        return "defaults\n  timeout client 5s\n  timeout connect 5s\n  timeout server 5s\n"
                + "frontend fe\n  bind :8080\n  default_backend be\n" + frontendLines
                + "backend be\n  server s1 127.0.0.1:80\n" + backendLines;
    }
}
