package io.tollgate.engine;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module rules of DESIGN.md, checked by scanning imports: the engine knows nothing of the
 * web, metrics libraries or databases, and logship knows nothing of proxies.
 */
class ArchitectureTest {
    private static final List<String> FORBIDDEN_IN_ENGINE = List.of(
            "import io.javalin", "import org.thymeleaf", "import io.prometheus", "import com.zaxxer",
            "import java.sql", "import javax.sql", "import io.tollgate.console");

    @Test
    void engineDoesNotDependOnTheConsoleOrItsLibraries() {
        assertThat(offending(Path.of("src/main/java"), FORBIDDEN_IN_ENGINE)).isEmpty();
    }

    @Test
    void logshipKnowsNothingOfProxies() {
        assertThat(offending(Path.of("../logship/src/main/java"), List.of("import io.tollgate.engine", "import io.tollgate.console")))
                .isEmpty();
    }

    private static List<String> offending(Path root, List<String> forbidden) {
        assertThat(root).isDirectory();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .flatMap(p -> lines(p).stream()
                            .filter(l -> forbidden.stream().anyMatch(l::startsWith))
                            .map(l -> p + ": " + l))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
