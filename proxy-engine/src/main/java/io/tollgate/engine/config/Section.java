package io.tollgate.engine.config;

/** An open configuration section: it receives the lines that follow its header. */
interface Section {
    /** The header keyword ("global", "frontend", ...), as HAProxy names the section in messages. */
    String keyword();

    /** The section's name ("" when it has none), for the {@code .SECTION} pseudo-variable. */
    String name();

    void parse(Line line, Problems problems);
}
