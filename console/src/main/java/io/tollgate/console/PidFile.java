package io.tollgate.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The file holding this process's pid ({@code -p}, else the global {@code pidfile}), written at
 * start and removed at a clean stop, as HAProxy does. A relative path is relative to the current
 * directory; missing parent directories are created.
 */
final class PidFile implements AutoCloseable {

    private final Path path;
    private final long pid;

    private PidFile(Path path, long pid) {
        this.path = path;
        this.pid = pid;
    }

    /** Writes this process's pid to {@code path}, replacing whatever was there. */
    static PidFile write(Path path) throws IOException {
        long pid = ProcessHandle.current().pid();
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(path, pid + "\n", StandardCharsets.US_ASCII);
        return new PidFile(path, pid);
    }

    Path path() {
        return path;
    }

    long pid() {
        return pid;
    }

    /** Removes the file, unless another process has taken it over since. */
    @Override
    public void close() throws IOException {
        if (Files.isRegularFile(path)
                && Files.readString(path, StandardCharsets.US_ASCII).strip().equals(Long.toString(pid))) {
            Files.delete(path);
        }
    }
}
