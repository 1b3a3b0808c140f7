package io.tollgate.engine.config;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keyword word to parser, for one section type or one keyword's sub-words, as HAProxy's
 * {@code struct cfg_kw_list}. Families register their entries ({@code GlobalKeywords.register},
 * ...); the section parsers only look words up, so no code branches on keyword strings.
 * A prefix entry ({@code tune.}) covers a whole namespace of tunables.
 */
final class KeywordTable<S> {
    private final Map<String, Keyword<S>> exact = new LinkedHashMap<>();
    private final Map<String, Keyword<S>> prefixes = new LinkedHashMap<>();

    KeywordTable<S> add(String word, Keyword<S> parser) {
        if (exact.putIfAbsent(word, parser) != null) {
            // Two families claiming one word is a programming error, caught by the tests.
            throw new IllegalStateException("keyword '" + word + "' registered twice");
        }
        return this;
    }

    KeywordTable<S> addAll(Collection<String> words, Keyword<S> parser) {
        words.forEach(w -> add(w, parser));
        return this;
    }

    KeywordTable<S> addPrefix(String prefix, Keyword<S> parser) {
        prefixes.put(prefix, parser);
        return this;
    }

    Optional<Keyword<S>> find(String word) {
        Keyword<S> found = exact.get(word);
        if (found != null) {
            return Optional.of(found);
        }
        return prefixes.entrySet().stream().filter(e -> word.startsWith(e.getKey()))
                .map(Map.Entry::getValue).findFirst();
    }

    Set<String> words() {
        return exact.keySet();
    }

    /** HAProxy's "did you mean" candidate among this table's words and {@code extra}, or null. */
    String suggest(String word, Collection<String> extra) {
        return WordFingerprint.bestMatch(word, exact.keySet(), extra);
    }
}
