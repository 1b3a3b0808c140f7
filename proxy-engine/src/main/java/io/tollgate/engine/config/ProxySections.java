package io.tollgate.engine.config;

import java.util.List;

/**
 * Opens {@code defaults}, {@code frontend}, {@code backend} and {@code listen} sections as
 * HAProxy 2.6's {@code cfg_parse_listen()} header code does: names, {@code from <defaults>},
 * which defaults section applies (the last one declared, named or not, unless {@code from}
 * says otherwise), and duplicate names.
 */
final class ProxySections {
    private ProxySections() {
    }

    static Section open(Line header, ParseSession session) {
        String keyword = header.keyword();
        boolean defaults = keyword.equals("defaults");
        ProxyKind kind = switch (keyword) {
            case "frontend" -> ProxyKind.FRONTEND;
            case "backend" -> ProxyKind.BACKEND;
            case "listen" -> ProxyKind.LISTEN;
            default -> null;
        };
        Problems problems = session.problems;
        String name = header.arg(1);
        String from = null;
        if (defaults && name.equals("from") && header.has(2) && !header.has(3)) {
            name = "";
            from = header.arg(2);
        } else if (header.has(2)) {
            if (!header.arg(2).equals("from") || !header.has(3) || header.has(4)) {
                problems.alert(header.source(), kind != null && kind.isFrontend()
                        ? "please use the 'bind' keyword for listening addresses."
                        : "'" + keyword + "' expects " + (defaults ? "[<name>]" : "an <id>")
                          + " and optionally 'from <defaults>' as arguments.");
                return new SkippedSection(keyword, name);
            }
            from = header.arg(3);
        }
        if (!defaults && name.isEmpty()) {
            problems.alert(header.source(), "'" + keyword + "' expects an <id> argument");
            return new SkippedSection(keyword, "");
        }
        try {
            Args.checkName(keyword, name);
        } catch (KeywordException e) {
            problems.alert(header.source(), e.getMessage());
        }
        ProxyState base = session.lastDefaults;
        if (from != null) {
            base = findDefaults(from, header, keyword, name, session);
            if (base == null) {
                return new SkippedSection(keyword, name);
            }
        } else if (defaults) {
            // A defaults section without 'from' starts again from HAProxy's built-in defaults.
            base = session.builtinDefaults;
        }
        ProxyState state = base.inherit(name, kind, keyword, header.source());
        if (defaults) {
            session.lastDefaults = state;
            if (!name.isEmpty()) {
                session.namedDefaults.add(state);
            }
        } else {
            reportDuplicate(state, session);
            session.proxies.add(state);
        }
        return new TableSection<>(keyword, name, ProxyKeywords.TABLE, state, Sections.keywords());
    }

    private static ProxyState findDefaults(String from, Line header, String keyword, String name, ParseSession session) {
        List<ProxyState> found = session.namedDefaults.stream().filter(d -> d.name.equals(from)).toList();
        if (found.isEmpty()) {
            session.problems.alert(header.source(), "defaults section '" + from + "' not found for " + keyword
                    + " '" + name + "'.");
            return null;
        }
        if (found.size() > 1) {
            ProxyState a = found.get(0);
            ProxyState b = found.get(1);
            session.problems.alert(header.source(), "ambiguous defaults section name '" + from + "' referenced by "
                    + keyword + " '" + name + "' exists at least at " + a.source + " and " + b.source + ".");
        }
        return found.get(found.size() - 1);
    }

    /**
     * Two frontends, or two backends, may not share a name; a listen section is both, so it
     * conflicts with either. A frontend and a backend may share one (a common pattern).
     */
    private static void reportDuplicate(ProxyState state, ParseSession session) {
        for (ProxyState other : session.proxies) {
            boolean clash = other.name.equals(state.name)
                    && ((state.isFrontend() && other.isFrontend()) || (state.isBackend() && other.isBackend()));
            if (clash) {
                session.problems.alert(state.source, state.typeWord() + " '" + state.name + "' has the same name as "
                        + other.typeWord() + " '" + other.name + "' declared at " + other.source + ".");
                return;
            }
        }
    }
}
