package io.tollgate.logship;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * The old files of one log file: names them ({@code name.1 .. name.<keep>}, shifted at each
 * rotation, or {@code name-YYYYMMDD[HH][.n]} with dateext), deletes those beyond {@code keep}, and
 * gzips them on a thread of its own ({@code name.1.gz}). A compression still running when the
 * next rotation comes is waited for first, so renames never race it; a file is deleted only once
 * its {@code .gz} is complete.
 */
final class RotatedFiles {

    private static final Pattern DATED = Pattern.compile("(\\d{8}|\\d{10})(?:\\.(\\d+))?(?:\\.gz)?");

    private final Path active;
    private final Path directory;
    private final String name;
    private final Rotation rotation;
    private final Drops drops;
    private ExecutorService compressor;
    private Future<?> compression;

    RotatedFiles(Path active, Rotation rotation, Drops drops) {
        this.active = active;
        this.directory = active.getParent();
        this.name = active.getFileName().toString();
        this.rotation = rotation;
        this.drops = drops;
    }

    /** Moves the (closed) active file aside; {@code label} is the dateext date of its lines. */
    void rotate(String label) throws IOException {
        awaitCompression();
        if (rotation.keep() == 0) {
            Files.deleteIfExists(active);
            return;
        }
        Path old;
        if (rotation.dateext()) {
            old = freeDatedName(label);
            Files.move(active, old);
            pruneDated();
        } else {
            shiftNumbered();
            old = numbered(1, false);
            Files.move(active, old);
        }
        if (rotation.compress()) {
            Path toCompress = old;
            if (compressor == null) {
                compressor = Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "tollgate-log-compress");
                    t.setDaemon(true);
                    return t;
                });
            }
            compression = compressor.submit(() -> gzip(toCompress));
        }
    }

    private Path numbered(int n, boolean gz) {
        return directory.resolve(name + "." + n + (gz ? ".gz" : ""));
    }

    private void shiftNumbered() throws IOException {
        int keep = rotation.keep();
        Files.deleteIfExists(numbered(keep, false));
        Files.deleteIfExists(numbered(keep, true));
        for (int n = keep - 1; n >= 1; n--) {
            for (boolean gz : new boolean[] {false, true}) {
                Path from = numbered(n, gz);
                if (Files.exists(from)) {
                    Files.move(from, numbered(n + 1, gz), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private Path freeDatedName(String label) {
        String base = name + "-" + label;
        Path candidate = directory.resolve(base);
        for (int n = 1; Files.exists(candidate) || Files.exists(directory.resolve(candidate.getFileName() + ".gz")); n++) {
            candidate = directory.resolve(base + "." + n);
        }
        return candidate;
    }

    private void pruneDated() throws IOException {
        record Dated(Path path, String date, int n) { }
        List<Dated> dated = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, escapeGlob(name) + "-*")) {
            for (Path file : files) {
                Matcher m = DATED.matcher(file.getFileName().toString().substring(name.length() + 1));
                if (m.matches()) {
                    dated.add(new Dated(file, m.group(1), m.group(2) == null ? 0 : Integer.parseInt(m.group(2))));
                }
            }
        }
        dated.sort(Comparator.comparing(Dated::date).thenComparingInt(Dated::n));
        for (int i = 0; i < dated.size() - rotation.keep(); i++) {
            Files.deleteIfExists(dated.get(i).path());
        }
    }

    private static String escapeGlob(String text) {
        return text.replaceAll("([*?\\[\\]{}\\\\])", "\\\\$1");
    }

    private void gzip(Path source) {
        Path gz = source.resolveSibling(source.getFileName() + ".gz");
        Path partial = source.resolveSibling(source.getFileName() + ".gz.tmp");
        try {
            try (InputStream in = Files.newInputStream(source);
                 OutputStream out = new GZIPOutputStream(Files.newOutputStream(partial), 64 * 1024)) {
                in.transferTo(out);
            }
            Files.move(partial, gz, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Files.delete(source);
        } catch (IOException e) {
            drops.report("log file " + source + ": compression failed, left uncompressed: " + e);
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // the uncompressed file is kept either way
            }
        }
    }

    private void awaitCompression() {
        if (compression == null) {
            return;
        }
        try {
            compression.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            drops.report("log file compression failed: " + e.getCause());
        }
        compression = null;
    }

    /** Lets a running compression finish (bounded), so that no half-written .gz is left behind. */
    void close() {
        if (compressor != null) {
            compressor.shutdown();
            try {
                compressor.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
