package io.tollgate.engine.config;

/**
 * Which proxy sections may carry a keyword, as HAProxy decides: a keyword that needs a frontend
 * is ignored with a warning in a backend ({@code warnifnotcap}), some are refused in
 * {@code defaults}, and {@code server} is refused where there is no backend. Wrapping a parser
 * keeps those rules next to the keyword's registration instead of inside every parser.
 */
final class Capabilities {
    private Capabilities() {
    }

    /** Ignored with HAProxy's warning outside frontend/listen/defaults. */
    static Keyword<ProxyState> frontend(Keyword<ProxyState> parser) {
        return frontend(parser, "");
    }

    /** As {@link #frontend(Keyword)}; {@code hint} ends the warning (" Maybe you want ..."). */
    static Keyword<ProxyState> frontend(Keyword<ProxyState> parser, String hint) {
        return (line, proxy, problems) -> {
            if (!proxy.isFrontend()) {
                problems.warn(line.source(), ignored(line, proxy, "frontend") + hint);
                return;
            }
            parser.parse(line, proxy, problems);
        };
    }

    /** Ignored with HAProxy's warning outside backend/listen/defaults. */
    static Keyword<ProxyState> backend(Keyword<ProxyState> parser) {
        return backend(parser, "");
    }

    static Keyword<ProxyState> backend(Keyword<ProxyState> parser, String hint) {
        return (line, proxy, problems) -> {
            if (!proxy.isBackend()) {
                problems.warn(line.source(), ignored(line, proxy, "backend") + hint);
                return;
            }
            parser.parse(line, proxy, problems);
        };
    }

    /** Refused outside backend/listen/defaults ({@code server}, {@code default-server}). */
    static Keyword<ProxyState> backendRequired(Keyword<ProxyState> parser) {
        return (line, proxy, problems) -> {
            if (!proxy.isBackend()) {
                throw new KeywordException("'" + line.keyword() + "' not allowed because " + proxy.typeWord()
                        + " '" + proxy.name + "' has no backend capability.");
            }
            parser.parse(line, proxy, problems);
        };
    }

    /** Refused in any defaults section. */
    static Keyword<ProxyState> notInDefaults(Keyword<ProxyState> parser) {
        return (line, proxy, problems) -> {
            if (proxy.isDefaults()) {
                throw new KeywordException("'" + line.keyword() + "' not allowed in 'defaults' section.");
            }
            parser.parse(line, proxy, problems);
        };
    }

    /** Refused in an unnamed defaults section (named ones may carry rules since HAProxy 2.5). */
    static Keyword<ProxyState> notInAnonymousDefaults(Keyword<ProxyState> parser) {
        return (line, proxy, problems) -> {
            if (proxy.isAnonymousDefaults()) {
                throw new KeywordException("'" + line.keyword() + "' not allowed in anonymous 'defaults' section.");
            }
            parser.parse(line, proxy, problems);
        };
    }

    private static String ignored(Line line, ProxyState proxy, String capability) {
        // HAProxy names an option by its own word here: "'redispatch' ignored because ...".
        String label = line.keyword().equals("option") ? line.arg(1) : line.keyword();
        return "'" + label + "' ignored because " + proxy.typeWord() + " '" + proxy.name
                + "' has no " + capability + " capability.";
    }
}
