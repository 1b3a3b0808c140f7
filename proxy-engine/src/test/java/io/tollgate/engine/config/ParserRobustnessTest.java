package io.tollgate.engine.config;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Broken input must give problems, never a RuntimeException: every line of the lab and corpus
 * configurations is loaded again with its last word, then its last two words, cut off, which
 * walks every keyword parser through its "missing argument" paths.
 */
class ParserRobustnessTest {

    @Test
    void truncatedLinesNeverThrow() throws IOException, URISyntaxException {
        List<String> lines = new ArrayList<>(Files.readAllLines(
                Path.of(ParserRobustnessTest.class.getResource("/config/lab.cfg").toURI()), StandardCharsets.UTF_8));
        Path corpus = HaproxyCorpusVerdictTest.locateCorpus();
        try (Stream<Path> files = Files.list(corpus)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".cfg")).sorted().toList()) {
                lines.addAll(Files.readAllLines(file, StandardCharsets.ISO_8859_1));
            }
        }
        Path dir = Files.createTempDirectory("tollgate-robustness");
        try {
            for (String line : lines.stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).distinct().toList()) {
                String[] words = line.split("\\s+");
                for (int keep = Math.max(1, words.length - 2); keep <= words.length; keep++) {
                    String cut = String.join(" ", List.of(words).subList(0, keep));
                    for (String section : List.of("global", "defaults", "frontend f", "backend b", "listen l", "userlist u")) {
                        String text = section + "\n" + cut + "\n";
                        Files.writeString(dir.resolve("t.cfg"), text);
                        assertThatCode(() -> load(dir)).as(text).doesNotThrowAnyException();
                    }
                }
            }
        } finally {
            Files.deleteIfExists(dir.resolve("t.cfg"));
            Files.deleteIfExists(dir);
        }
    }

    private static void load(Path dir) {
        try {
            ConfigLoader.load(List.of(Path.of("t.cfg")), Map.of(), dir);
        } catch (ConfigException expected) {
            // problems are the expected outcome of broken input
        }
    }
}
