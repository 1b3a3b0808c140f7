package io.tollgate.engine.config;

/**
 * One error or warning about the configuration, formatted as HAProxy does so that operators
 * recognise it: {@code [file:line] : 'keyword' in section 'name' : what is wrong}.
 */
public record ConfigProblem(Severity severity, Source source, String message) {

    public enum Severity { ALERT, WARNING }

    @Override
    public String toString() {
        String where = source == null ? "config" : "parsing [" + source + "]";
        return "[" + severity.name() + "] " + where + " : " + message;
    }
}
