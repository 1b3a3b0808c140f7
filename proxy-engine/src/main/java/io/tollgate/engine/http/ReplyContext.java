package io.tollgate.engine.http;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What parsing a reply needs from the configuration reader: how a file name written in the
 * configuration becomes a path ({@code default-path}), the buffer limits, and where warnings go.
 * Warnings are HAProxy's texts without location, like {@link ReplyException}'s messages.
 */
public record ReplyContext(Function<String, Path> paths, ReplyLimits limits, Consumer<String> warnings) {
    public ReplyContext {
        Objects.requireNonNull(paths, "paths");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(warnings, "warnings");
    }

    /** File names as given (relative to the working directory), default limits. */
    public static ReplyContext of(Consumer<String> warnings) {
        return new ReplyContext(Path::of, ReplyLimits.DEFAULT, warnings);
    }

    /** The file a configuration word names, or null when the word cannot be a path (a NUL in it). */
    Path path(String name) {
        try {
            return paths.apply(name);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    void warn(String message) {
        warnings.accept(message);
    }
}
