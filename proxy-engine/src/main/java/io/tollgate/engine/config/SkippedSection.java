package io.tollgate.engine.config;

/**
 * Swallows the lines of a section Tollgate does not read: a known section type it does not
 * support yet (warned about once, at its header), or a section whose header was wrong (already
 * reported; its lines would only repeat the error).
 */
record SkippedSection(String keyword, String name) implements Section {
    @Override
    public void parse(Line line, Problems problems) {
        // Intentionally empty: see the class comment.
    }
}
