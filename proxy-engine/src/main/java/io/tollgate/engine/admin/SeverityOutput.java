package io.tollgate.engine.admin;

import java.util.Locale;

/**
 * {@code set severity-output none|number|string} (and the {@code stats socket} option of that
 * name): whether a message is headed by its severity, {@code [3]: } or {@code [err]: }, as
 * HAProxy 2.6's {@code cli_output_msg} does. Data dumps and empty answers are never prefixed.
 */
public enum SeverityOutput {
    NONE, NUMBER, STRING;

    /** The setting named {@code word}, or null when it is none of the three. */
    public static SeverityOutput of(String word) {
        return switch (word) {
            case "none", "number", "string" -> valueOf(word.toUpperCase(Locale.ROOT));
            default -> null;
        };
    }

    /** {@code text} as this setting shows a message of {@code severity}. */
    public String apply(Severity severity, String text) {
        if (this == NONE || severity == Severity.DATA || text.isEmpty()) {
            return text;
        }
        return "[" + (this == NUMBER ? String.valueOf(severity.number()) : severity.word()) + "]: " + text;
    }
}
