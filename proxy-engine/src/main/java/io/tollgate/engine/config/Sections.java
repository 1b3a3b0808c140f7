package io.tollgate.engine.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The section keywords: a line starting with one of them closes the current section and opens
 * a new one (indentation means nothing, as in HAProxy). {@code global}, the proxies,
 * {@code userlist} and {@code http-errors} are parsed; the other real section types are skipped
 * with a warning.
 */
final class Sections {
    /** Opens a section from its header line. */
    @FunctionalInterface
    interface Opener {
        Section open(Line header, ParseSession session);
    }

    /** Real HAProxy section types Tollgate skips for now; ignoring them changes no proxy. */
    static final List<String> SKIPPED = List.of("peers", "resolvers", "mailers", "cache", "program", "ring",
            "log-forward", "fcgi-app", "crt-store");

    private static final Map<String, Opener> OPENERS = new LinkedHashMap<>();

    static {
        OPENERS.put("global", Sections::global);
        for (String proxy : List.of("defaults", "frontend", "backend", "listen")) {
            OPENERS.put(proxy, ProxySections::open);
        }
        OPENERS.put("userlist", Sections::userlist);
        OPENERS.put("http-errors", ErrorPageKeywords::open);
        for (String skipped : SKIPPED) {
            OPENERS.put(skipped, Sections::skipped);
        }
    }

    private Sections() {
    }

    static Optional<Opener> find(String keyword) {
        return Optional.ofNullable(OPENERS.get(keyword));
    }

    static List<String> keywords() {
        return List.copyOf(OPENERS.keySet());
    }

    private static Section global(Line header, ParseSession session) {
        if (header.has(1)) {
            session.problems.alert(header.source(), "'global' cannot handle unexpected argument '" + header.arg(1) + "'.");
        }
        return new TableSection<>("global", "global", GlobalKeywords.TABLE, session.global, keywords());
    }

    private static Section userlist(Line header, ParseSession session) {
        String name = header.arg(1);
        if (name.isEmpty()) {
            session.problems.alert(header.source(), "'userlist' expects <name> as arguments.");
            return new SkippedSection("userlist", "");
        }
        for (UserlistState other : session.userlists) {
            if (other.name.equals(name)) {
                session.problems.warn(header.source(), "ignoring duplicated userlist '" + name + "'.");
                return new SkippedSection("userlist", name);
            }
        }
        UserlistState state = new UserlistState(name, header.source());
        session.userlists.add(state);
        return new TableSection<>("userlist", name, UserlistKeywords.TABLE, state, List.of());
    }

    private static Section skipped(Line header, ParseSession session) {
        session.problems.warn(header.source(), "section '" + header.keyword() + "' is not supported yet, ignored");
        return new SkippedSection(header.keyword(), header.arg(1));
    }
}
