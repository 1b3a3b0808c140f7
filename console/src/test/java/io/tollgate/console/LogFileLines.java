package io.tollgate.console;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** A log file and its rotated siblings, read as tests check them: gzipped ones through java.util.zip. */
final class LogFileLines {

    private LogFileLines() {
    }

    /** The lines of {@code file} (gunzipped when its name ends in .gz); the last must end with a newline. */
    static List<String> of(Path file) throws IOException {
        String text = text(file);
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new AssertionError(file + " ends in the middle of a line");
        }
        return text.lines().toList();
    }

    static String text(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = isGzipName(file) ? new GZIPInputStream(raw) : raw) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** True when {@code file} starts with gzip's magic bytes. */
    static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    static boolean isGzipName(Path file) {
        return file.getFileName().toString().endsWith(".gz");
    }

    /** The files of {@code dir} whose names start with {@code name}, sorted by name. */
    static List<Path> family(Path dir, String name) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(name)).sorted().toList();
        }
    }
}
