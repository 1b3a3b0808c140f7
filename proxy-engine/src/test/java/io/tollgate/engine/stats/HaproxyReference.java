package io.tollgate.engine.stats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The real HAProxy 2.6.12 outputs in {@code shared/reference/haproxy-2.6}, found by walking up
 * from the working directory (CI clones the repository with {@code shared/} beside it).
 */
public final class HaproxyReference {
    private static final Path DIR = locate();

    private HaproxyReference() {
    }

    public static String read(String file) {
        try {
            return Files.readString(DIR.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The data lines of show-stat.csv (header left out). */
    static List<String> csvRows() {
        return read("show-stat.csv").lines().filter(l -> !l.startsWith("#") && !l.isEmpty())
                .collect(Collectors.toList());
    }

    /** The reference CSV row of a proxy and svname. */
    static String csvRow(String proxy, String svname) {
        String prefix = proxy + "," + svname + ",";
        return csvRows().stream().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no reference row " + prefix));
    }

    /** A CSV line split into its columns (the reference holds no quoted values). */
    static List<String> columns(String line) {
        String body = line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
        // Every value is followed by a comma, so the last split element is the empty tail.
        List<String> cols = Arrays.asList(body.split(",", -1));
        return cols.subList(0, cols.size() - 1);
    }

    private static Path locate() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            Path candidate = d.resolve("shared/reference/haproxy-2.6");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no shared/reference/haproxy-2.6 above " + dir
                + "; the tests compare with real HAProxy output kept there");
    }
}
