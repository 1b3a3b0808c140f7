package io.tollgate.engine.config;

/**
 * Parsers for the real HAProxy keywords Tollgate recognises but does not implement yet, and for
 * those HAProxy itself removed. Ignoring a keyword is only acceptable when traffic still goes to
 * the same servers and the same requests are allowed (logging, tuning, TLS defaults, health-check
 * details that a later issue implements): then a warning. Otherwise the configuration is
 * refused, so that nobody runs Tollgate believing a rule protects them when it does not.
 */
final class Unsupported {
    private Unsupported() {
    }

    /** Accepted with "'X' is not supported yet by Tollgate, ignored". */
    static <S> Keyword<S> ignored() {
        return (line, section, problems) -> problems.warn(line.source(), ignoredMessage(line.keyword()));
    }

    /** As {@link #ignored()}, naming a compound keyword such as {@code option tcpka}. */
    static <S> Keyword<S> ignored(String label) {
        return (line, section, problems) -> problems.warn(line.source(), ignoredMessage(label));
    }

    /** Refused with "'X' is not supported yet by Tollgate". */
    static <S> Keyword<S> refused() {
        return (line, section, problems) -> {
            throw new KeywordException(refusedMessage(line.keyword()));
        };
    }

    static <S> Keyword<S> refused(String label) {
        return (line, section, problems) -> {
            throw new KeywordException(refusedMessage(label));
        };
    }

    /** A keyword HAProxy 2.6 itself rejects; {@code %s} in the message is the keyword. */
    static <S> Keyword<S> removed(String message) {
        return (line, section, problems) -> {
            throw new KeywordException(message.replace("%s", line.keyword()));
        };
    }

    /**
     * {@code lua-load} and its kin: a warning, since loading a script changes nothing by itself;
     * what a script registers ({@code lua.*} actions, services, fetches and converters) is
     * refused with {@link #luaMessage}, since Tollgate has no Lua interpreter.
     */
    static <S> Keyword<S> lua() {
        return (line, section, problems) -> problems.warn(line.source(), "'" + line.keyword()
                + "' : Lua is not supported by Tollgate: the script is not loaded, and rules using it are refused.");
    }

    static String luaMessage(String label) {
        return "'" + label + "' : Lua is not supported by Tollgate.";
    }

    static String ignoredMessage(String label) {
        return "'" + label + "' is not supported yet by Tollgate, ignored";
    }

    static String refusedMessage(String label) {
        return "'" + label + "' is not supported yet by Tollgate";
    }
}
