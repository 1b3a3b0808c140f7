package io.tollgate.engine.config;

import java.nio.file.Path;

/**
 * Resolves the relative file names keywords reference ({@code errorfile}, {@code acl -f}) as
 * HAProxy's {@code default-path} says: {@code current} (the default: the directory the program
 * was started from, here {@code baseDir}), {@code config} (the directory of the file being
 * read), {@code parent} (its parent) or {@code origin <path>}.
 */
final class PathResolver {
    enum Mode { CURRENT, CONFIG, PARENT, ORIGIN }

    private final Path baseDir;
    private Mode mode = Mode.CURRENT;
    private Path origin;
    private Path currentFile;

    PathResolver(Path baseDir) {
        this.baseDir = baseDir;
    }

    void readingFile(Path file) {
        this.currentFile = file;
    }

    void defaultPath(Mode mode, String originPath) {
        this.mode = mode;
        this.origin = originPath == null ? null : baseDir.resolve(originPath);
    }

    Path resolve(String name) {
        Path path = Path.of(name);
        if (path.isAbsolute()) {
            return path;
        }
        Path configDir = currentFile == null || currentFile.toAbsolutePath().getParent() == null
                ? baseDir : currentFile.toAbsolutePath().getParent();
        Path base = switch (mode) {
            case CURRENT -> baseDir;
            case CONFIG -> configDir;
            case PARENT -> configDir.getParent() == null ? configDir : configDir.getParent();
            case ORIGIN -> origin;
        };
        return base.resolve(path);
    }
}
