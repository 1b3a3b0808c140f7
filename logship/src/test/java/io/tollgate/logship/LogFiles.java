package io.tollgate.logship;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** Reads a log file and its rotated siblings, gzipped or not, as tests check them. */
final class LogFiles {

    private LogFiles() {
    }

    static List<String> lines(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
            if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
                lines.remove(lines.size() - 1);
            } else if (!text.isEmpty()) {
                throw new AssertionError(file + " does not end with a newline");
            }
            return lines;
        }
    }

    /** Every file in {@code dir} whose name starts with {@code name}, sorted by name. */
    static List<Path> family(Path dir, String name) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(name)).sorted().toList();
        }
    }

    static List<String> allLines(Path dir, String name) throws IOException {
        List<String> all = new ArrayList<>();
        for (Path p : family(dir, name)) {
            all.addAll(lines(p));
        }
        return all;
    }
}
