package io.tollgate.engine.config;

import java.util.Collection;

/**
 * A section whose lines are looked up in a {@link KeywordTable} and applied to one state
 * object: {@code global}, the proxies and {@code userlist}. An unknown word gets HAProxy's
 * message with a "did you mean" suggestion; a keyword's error gets the line's position.
 */
final class TableSection<S> implements Section {
    private final String keyword;
    private final String name;
    private final KeywordTable<S> table;
    private final S state;
    private final Collection<String> extraSuggestions;

    TableSection(String keyword, String name, KeywordTable<S> table, S state, Collection<String> extraSuggestions) {
        this.keyword = keyword;
        this.name = name;
        this.table = table;
        this.state = state;
        this.extraSuggestions = extraSuggestions;
    }

    @Override
    public String keyword() {
        return keyword;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void parse(Line line, Problems problems) {
        Keyword<S> parser = table.find(line.keyword()).orElse(null);
        if (parser == null) {
            String best = table.suggest(line.keyword(), extraSuggestions);
            problems.alert(line.source(), "unknown keyword '" + line.keyword() + "' in '" + keyword + "' section"
                    + (best == null ? "" : "; did you mean '" + best + "' maybe ?"));
            return;
        }
        try {
            parser.parse(line, state, problems);
        } catch (KeywordException e) {
            problems.alert(line.source(), e.getMessage());
        }
    }
}
