package io.tollgate.engine.config;

/** Where a piece of configuration came from: a file and a 1-based line, for error messages. */
public record Source(String file, int line) {
    @Override
    public String toString() {
        return file + ":" + line;
    }
}
